package org.lianxin.repeats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.camel.Header;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.RowTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hot issues (热点): groups of cases about one matter that many citizens reported within the last
 * lianxin.hot.window-days, for supervisors (routes/repeats/hot-clusters.yaml). Deterministic, whatever order the rows come in:
 * <ol>
 * <li>the cases with an intake received in the window (MERGED ones aside: their intakes moved to the case they
 * joined), at most lianxin.hot.max-cases, the most recent first;</li>
 * <li>each case's text becomes a TF-IDF vector over the window of {@link TextSimilarity}'s features (its words and
 * character pairs), with the words of every location in the window blanked out of every text: a hot issue is about
 * what is wrong, and a place named in one request would otherwise tie it to other matters at that place. Words that
 * most requests use (小区, 没有, 反映) weigh little, so they tie nothing together;</li>
 * <li>each case's place: its location without building, unit or gate ({@link #placeOf}), or for a case noted without
 * one, the window's place its text names;</li>
 * <li>{@link MatterClustering}: average linkage over the cosines of those vectors, weighed by the places (one place
 * counts the likeness four times; two places are two matters). Two groups join only when their members are alike
 * <em>on average</em> (at least lianxin.hot.threshold), never through one case like both, and never past
 * lianxin.hot.max-cluster-cases (a larger matter shows as several clusters rather than one that swallows its
 * neighbours);</li>
 * <li>a cluster is hot when its intakes in the window come from at least lianxin.hot.min-citizens citizens: distinct
 * phones, an intake without a phone counting alone. A case that repeats joined counts each intake's citizen, so one
 * case reported by enough people is hot on its own;</li>
 * <li>its label is its most distinctive words (c-TF-IDF): words most of its cases use and few others in the window
 * do, not merely the most frequent.</li>
 * </ol>
 * Analysing a text is the costly step, so each case's analysed text is kept between runs (while the text without
 * the window's places stays the same); routes/repeats/hot-clusters.yaml also recomputes every lianxin.hot.refresh-every, so
 * a page finds the clusters ready. Computed from the database only: nodes agree once their caches turn over.
 */
@Component("hotClusters")
public class HotClusters {

    private static final Logger LOG = LoggerFactory.getLogger(HotClusters.class);
    private static final int LABEL_WORDS = 3;
    /** A label word is used by at least this share of the cluster's cases. */
    private static final double LABEL_MIN_SHARE = 0.3;
    /** The timer's next run waits this many times as long as the last one took. */
    private static final int RUN_SHARE = 9;
    /** A place word in more than this share of the window's places (and more than GENERIC_PLACE_MIN) is generic. */
    private static final double GENERIC_PLACE_SHARE = 0.02;
    private static final int GENERIC_PLACE_MIN = 5;
    /** A place named in a text is found among its first letters, by at least this many of its last letters. */
    private static final int MIN_PLACE_LETTERS = 4;
    private static final int MAX_TEXT_LETTERS_FOR_PLACE = 120;
    private static final int MAX_PLACE_LETTERS = 16;
    private static final int AMBIGUOUS = -2;
    /** A building, unit or gate at the end of a location: a part of the place it names. */
    private static final Pattern WITHIN_PLACE = Pattern.compile(
            "(?:[0-9０-９一二三四五六七八九十百零〇]+(?:号楼|号|栋|幢|座|单元|楼|层|室|户)|[东南西北]门口?|大门口?|门口|附近|旁边|对面|门前)$");

    private final TextSimilarity similarity;
    private final Clock clock;
    private final int windowDays;
    private final int minCitizens;
    private final double threshold;
    private final int maxCases;
    private final int maxClusterCases;
    private final Duration cacheFor;
    private final Map<String, Analysed> analysed = new ConcurrentHashMap<>();
    private final AtomicReference<Cached> cached = new AtomicReference<>();
    private volatile LastRun lastRun;

    private record LastRun(Instant endedAt, Duration took) {
    }

    private record Cached(Object fingerprint, Instant computedAt, List<Map<String, Object>> clusters, long readUpTo) {
    }

    /** A case's text with the window's places blanked, and its features. */
    private record Analysed(String blanked, Map<String, Integer> features, List<String> words) {
    }

    public HotClusters(TextSimilarity similarity, Clock clock, @Value("${lianxin.hot.window-days}") int windowDays,
            @Value("${lianxin.hot.min-citizens}") int minCitizens, @Value("${lianxin.hot.threshold}") double threshold,
            @Value("${lianxin.hot.max-cases}") int maxCases,
            @Value("${lianxin.hot.max-cluster-cases}") int maxClusterCases,
            @Value("${lianxin.hot.cache-for}") Duration cacheFor) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("lianxin.hot.threshold must be above 0 and at most 1");
        }
        if (windowDays < 1 || minCitizens < 1 || maxCases < 1 || maxClusterCases < 2) {
            throw new IllegalArgumentException(
                    "lianxin.hot.window-days, min-citizens and max-cases must be 1 or more, max-cluster-cases 2 or more");
        }
        this.similarity = similarity;
        this.clock = clock;
        this.windowDays = windowDays;
        this.minCitizens = minCitizens;
        this.threshold = threshold;
        this.maxCases = maxCases;
        this.maxClusterCases = maxClusterCases;
        this.cacheFor = cacheFor;
    }

    /** The window query's parameters: since, until and the most cases read. */
    public Map<String, Object> window() {
        OffsetDateTime now = RowTime.of(clock);
        Map<String, Object> p = new HashMap<>();
        p.put("since", now.minusDays(windowDays));
        p.put("until", now);
        p.put("maxCases", maxCases);
        return p;
    }

    /**
     * The clusters computed last while they are recent (lianxin.hot.cache-for), when nothing was added since (the same
     * fingerprint) or the caller takes the latest computed (hotLatest: a page, which should not wait for the
     * clustering while the timer keeps it fresh); else, or when the caller asks for a new computation (hotRefresh: the
     * timer), null.
     */
    public List<Map<String, Object>> cached(@Header("hotFingerprint") Object fingerprint,
            @Header("hotLatest") Boolean latest, @Header("hotRefresh") Boolean refresh) {
        Cached last = cached.get();
        if (last == null || Boolean.TRUE.equals(refresh) || !last.computedAt().plus(cacheFor).isAfter(clock.instant())) {
            return null;
        }
        return Boolean.TRUE.equals(latest) || last.fingerprint().equals(String.valueOf(fingerprint)) ? last.clusters()
                : null;
    }

    /**
     * The hot clusters of the window's intake rows (case_no, title, content, location, status, intake_id,
     * citizen_phone, received_at), kept for {@link #cached}.
     */
    public List<Map<String, Object>> compute(@Header("hotRows") List<Map<String, Object>> rows,
            @Header("hotFingerprint") Object fingerprint) {
        long started = System.nanoTime();
        List<Map<String, Object>> clusters = clusters(rows == null ? List.of() : rows);
        long nanos = System.nanoTime() - started;
        long millis = nanos / 1_000_000;
        lastRun = new LastRun(clock.instant(), Duration.ofNanos(Math.max(1, nanos)));
        LOG.debug("Hot issues: {} intake rows, {} clusters, in {} ms", rows == null ? 0 : rows.size(), clusters.size(),
                millis);
        // two runs at once (the timer's and a page's) may end in either order: the one that read more is kept
        Cached computed = new Cached(String.valueOf(fingerprint), clock.instant(), clusters, readUpTo(fingerprint));
        cached.accumulateAndGet(computed, (last, next) -> last != null && last.readUpTo() > next.readUpTo() ? last
                : next);
        return clusters;
    }

    /**
     * Whether the timer's run is due: the clustering takes at most a tenth of one core. Under a burst of intakes each
     * run analyses every new text; the next one waits nine times as long as the last took, so the burst is served
     * first (pages then wait for a new run once cache-for has passed).
     */
    public boolean refreshDue() {
        LastRun last = lastRun;
        return last == null || !clock.instant().isBefore(last.endedAt().plus(last.took().multipliedBy(RUN_SHARE)));
    }

    /** The sum of the newest intake's and event's ids the fingerprint holds (0 when it holds none). */
    private static long readUpTo(Object fingerprint) {
        if (!(fingerprint instanceof Map<?, ?> ids)) {
            return 0;
        }
        return ids.values().stream().filter(Number.class::isInstance).mapToLong(v -> ((Number) v).longValue()).sum();
    }

    /** The clustering itself (see the class comment), ordered by citizens, latest intake, then cluster id. */
    List<Map<String, Object>> clusters(List<Map<String, Object>> rows) {
        Map<String, CaseInWindow> byCase = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            byCase.computeIfAbsent((String) row.get("case_no"), no -> new CaseInWindow(row)).add(row);
        }
        Set<String> places = placeNames(byCase.values());
        List<CaseInWindow> cases = new ArrayList<>(byCase.values());
        Set<String> placeWords = places.stream().filter(w -> w.length() >= 2).collect(Collectors.toSet());
        int[] placeWordLengths = placeWords.stream().mapToInt(String::length).distinct().sorted().toArray();
        List<Map<String, Integer>> features = new ArrayList<>(cases.size());
        for (CaseInWindow c : cases) {
            c.blanked = c.content == null ? null
                    : withoutPlaces(TextSimilarity.normalise(c.content), placeWords, placeWordLengths);
            features.add(features(c, places));
        }
        analysed.keySet().retainAll(byCase.keySet());
        MatterClustering.Vectors vectors = MatterClustering.Vectors.of(features, TextSimilarity.MIN_FEATURES);
        // places are compared over the window's distinct locations: a pair that many places have (a district's name)
        // is common, however few or many cases were reported there
        List<String> placeLetters = cases.stream().map(c -> RepostRule.letters(c.place)).toList();
        List<String> locations = placeLetters.stream().filter(l -> !l.isEmpty()).distinct().sorted().toList();
        int[] placeOf = placeLetters.stream().mapToInt(l -> Math.max(Collections.binarySearch(locations, l), -1))
                .toArray();
        placesNamedInText(cases, placeLetters, locations, placeOf);
        MatterClustering.Vectors placeVectors = MatterClustering.Vectors.of(
                locations.stream().map(RepostRule::pairs).toList(), 1);
        List<List<Integer>> groups = new MatterClustering(threshold, maxClusterCases).groups(vectors, placeVectors,
                placeOf);
        List<Map<String, Object>> hot = new ArrayList<>();
        for (List<Integer> members : groups) {
            List<CaseInWindow> group = members.stream().map(cases::get).toList();
            Set<String> citizens = new HashSet<>();
            group.forEach(c -> citizens.addAll(c.citizens));
            if (citizens.size() >= minCitizens) {
                hot.add(cluster(group, citizens.size(), label(group, vectors, places)));
            }
        }
        hot.sort(Comparator.<Map<String, Object>>comparingInt(c -> -(int) c.get("citizens"))
                .thenComparing(c -> (OffsetDateTime) c.get("lastAt"), Comparator.reverseOrder())
                .thenComparing(c -> (String) c.get("clusterId")));
        hot.forEach(c -> c.remove("lastAt"));
        return hot;
    }

    /**
     * The words and character pairs that name the window's places, blanked out of every text: those of at most
     * {@value #GENERIC_PLACE_SHARE} of the distinct places (at least {@value #GENERIC_PLACE_MIN}). What many places'
     * names share (公司, 小区, 医院, a district) is a kind of place, not one, and stays in the texts.
     */
    private Set<String> placeNames(Collection<CaseInWindow> cases) {
        Set<String> distinct = new HashSet<>();
        Map<String, Integer> placesUsing = new HashMap<>();
        for (CaseInWindow c : cases) {
            if (c.place != null && !c.place.isEmpty() && distinct.add(c.place)) {
                similarity.placeFeatures(c.place).forEach(f -> placesUsing.merge(f, 1, Integer::sum));
            }
        }
        int generic = Math.max(GENERIC_PLACE_MIN, (int) (GENERIC_PLACE_SHARE * distinct.size()));
        Set<String> names = new HashSet<>();
        placesUsing.forEach((feature, using) -> {
            if (using <= generic) {
                names.add(feature);
            }
        });
        return names;
    }

    /**
     * A case noted without a location whose text names one of the window's places is at that place: the longest
     * location, or end of one that names one place only, of at least {@value #MIN_PLACE_LETTERS} letters among the
     * text's first ones. 翠湖花园垃圾没人清运 is at 城关镇翠湖花园 as much as a call noted there.
     */
    private static void placesNamedInText(List<CaseInWindow> cases, List<String> placeLetters, List<String> locations,
            int[] placeOf) {
        // a place is named by its location or the end of it (A市A5区金色湾小区 by 金色湾小区), an end that names one
        // place only
        Map<String, Integer> named = new HashMap<>();
        for (int k = 0; k < locations.size(); k++) {
            String letters = locations.get(k);
            for (int from = 0; from + MIN_PLACE_LETTERS <= letters.length(); from++) {
                int place = k;
                named.merge(letters.substring(from), place, (known, again) -> known.equals(again) ? known : AMBIGUOUS);
            }
        }
        int[] lengths = named.keySet().stream().mapToInt(String::length).filter(l -> l <= MAX_PLACE_LETTERS).distinct()
                .sorted().toArray();
        for (int i = 0; i < placeOf.length; i++) {
            if (placeOf[i] >= 0 || !placeLetters.get(i).isEmpty()) {
                continue;
            }
            String text = RepostRule.letters(cases.get(i).content);
            text = text.substring(0, Math.min(text.length(), MAX_TEXT_LETTERS_FOR_PLACE));
            for (int l = lengths.length - 1; l >= 0 && placeOf[i] < 0; l--) {
                for (int from = 0; from + lengths[l] <= text.length(); from++) {
                    Integer found = named.get(text.substring(from, from + lengths[l]));
                    if (found != null && found >= 0) {
                        placeOf[i] = found;
                        break;
                    }
                }
            }
        }
    }

    /**
     * The place a location names, without the building, unit or gate within it: 翠湖苑5号楼, 翠湖苑3栋2单元 and
     * 翠湖苑东门 are all 翠湖苑 (one estate's callers note their own building; a matter is the estate's).
     */
    static String placeOf(String location) {
        if (location == null) {
            return null;
        }
        String place = location.strip();
        for (String shorter = WITHIN_PLACE.matcher(place).replaceFirst(""); !shorter.isEmpty()
                && !shorter.equals(place); shorter = WITHIN_PLACE.matcher(place).replaceFirst("")) {
            place = shorter.strip();
        }
        return place;
    }

    /** The case's features without the window's places, analysed again only when its blanked text changed. */
    private Map<String, Integer> features(CaseInWindow c, Set<String> places) {
        Analysed known = analysed.get(c.caseNo);
        if (known == null || !known.blanked().equals(String.valueOf(c.blanked))) {
            known = new Analysed(String.valueOf(c.blanked), similarity.features(c.blanked),
                    List.copyOf(new LinkedHashSet<>(similarity.words(c.blanked))));
            analysed.put(c.caseNo, known);
        }
        c.words = known.words();
        Map<String, Integer> kept = known.features();
        if (kept.keySet().stream().anyMatch(places::contains)) {
            kept = new HashMap<>(kept);
            kept.keySet().removeAll(places);
        }
        return kept;
    }

    private Map<String, Object> cluster(List<CaseInWindow> group, int citizens, String label) {
        OffsetDateTime first = group.stream().map(c -> c.first).min(Comparator.naturalOrder()).orElseThrow();
        OffsetDateTime last = group.stream().map(c -> c.last).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, Object> cluster = new LinkedHashMap<>();
        // the earliest case (numbers grow with time): stable while that case stays in the window
        cluster.put("clusterId", group.get(0).caseNo);
        cluster.put("label", label);
        cluster.put("citizens", citizens);
        cluster.put("intakes", group.stream().mapToInt(c -> c.intakes).sum());
        cluster.put("cases", group.stream().map(c -> c.caseNo).toList());
        cluster.put("first", CountyTime.iso(first));
        cluster.put("last", CountyTime.iso(last));
        cluster.put("details", group.stream().map(CaseInWindow::detail).toList());
        cluster.put("lastAt", last);
        return cluster;
    }

    /**
     * The cluster's most distinctive words (c-TF-IDF): the share of its cases using a word times how rare the word is
     * in the window (log(1 + cases / cases using it)); a word at least {@value #LABEL_MIN_SHARE} of its cases use.
     * Ties go to the word first in character order.
     */
    private String label(List<CaseInWindow> group, MatterClustering.Vectors vectors, Set<String> places) {
        Map<String, Integer> using = new HashMap<>();
        for (CaseInWindow c : group) {
            for (String word : c.words) {
                if (!places.contains(word)) {
                    using.merge(word, 1, Integer::sum);
                }
            }
        }
        int minUsing = Math.max(1, (int) Math.ceil(LABEL_MIN_SHARE * group.size()));
        Map<String, Double> weights = new HashMap<>();
        using.forEach((word, n) -> {
            if (n >= minUsing) {
                double rarity = Math.log(1 + (double) vectors.size() / Math.max(n, vectors.documentFrequency(word)));
                weights.put(word, (double) n / group.size() * rarity);
            }
        });
        return weights.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                .limit(LABEL_WORDS).map(Map.Entry::getKey).reduce((a, b) -> a + " " + b).orElse("");
    }

    /**
     * The text with every place word blanked out, so that no character pair spans a place and the next word (和平路物业
     * would still give 路物 otherwise): each character inside an occurrence of a place word becomes a comma.
     */
    static String withoutPlaces(String text, Set<String> placeWords, int[] lengths) {
        if (text == null) {
            return null;
        }
        char[] chars = text.toCharArray();
        boolean cut = false;
        for (int at = 0; at < text.length(); at++) {
            for (int length : lengths) {
                if (at + length <= text.length() && placeWords.contains(text.substring(at, at + length))) {
                    Arrays.fill(chars, at, at + length, '，');
                    cut = true;
                }
            }
        }
        return cut ? new String(chars) : text;
    }

    /** A case with its intakes in the window: who reported it, and when first and last. */
    private static final class CaseInWindow {
        final String caseNo;
        final String title;
        final String content;
        final String status;
        /** Its location without building, unit or gate ({@link #placeOf}). */
        final String place;
        String blanked;
        List<String> words;
        final Set<String> citizens = new HashSet<>();
        int intakes;
        OffsetDateTime first;
        OffsetDateTime last;

        CaseInWindow(Map<String, Object> row) {
            this.caseNo = (String) row.get("case_no");
            this.title = (String) row.get("title");
            this.content = (String) row.get("content");
            this.status = (String) row.get("status");
            this.place = placeOf((String) row.get("location"));
        }

        CaseInWindow add(Map<String, Object> row) {
            String phone = (String) row.get("citizen_phone");
            citizens.add(phone == null || phone.isBlank() ? "intake:" + row.get("intake_id") : "phone:" + phone);
            intakes++;
            OffsetDateTime at = CountyTime.of(row.get("received_at")).toOffsetDateTime();
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
            return this;
        }

        Map<String, Object> detail() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("caseNo", caseNo);
            d.put("title", title);
            d.put("status", status);
            d.put("citizens", citizens.size());
            d.put("first", CountyTime.iso(first));
            d.put("last", CountyTime.iso(last));
            return d;
        }
    }
}
