package org.lianxin.repeats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.camel.Header;
import org.lianxin.cases.CaseView;
import org.lianxin.cases.RowTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hot issues (热点): groups of similar cases that many citizens reported within the last lianxin.hot.window-days,
 * for supervisors (routes/hot-clusters.yaml). Deterministic, whatever order the rows come in:
 * <ol>
 * <li>the cases with an intake received in the window (MERGED ones aside: their intakes moved to the case they
 * joined), at most lianxin.hot.max-cases, the most recent first;</li>
 * <li>two cases are linked when {@link TextSimilarity} scores their texts at least lianxin.hot.threshold, with
 * the words of every location in the window blanked out of every text (not only the two cases' own, as for repeats): a
 * hot issue is about what is wrong, and a place named in one request's text would otherwise link it to other
 * matters at that place;</li>
 * <li>a cluster is a connected group of linked cases (single link: a case joins when it is like any case of the
 * cluster, so reports phrased in several ways still meet);</li>
 * <li>a cluster is hot when its intakes in the window come from at least lianxin.hot.min-citizens citizens: distinct
 * phones, an intake without a phone counting alone. A case that repeats joined counts each intake's citizen, so
 * one case reported by enough people is hot on its own.</li>
 * </ol>
 * Each pair of cases is scored once (n²/2 scores over texts analysed once; 600 cases take 0.2–0.4 s on two cores,
 * see HotClustersTest). Single link may chain two matters through a case like both: the list is for people to
 * read, and nothing is merged by it. The result is kept until a case, intake or event is added or lianxin.hot.cache-for has
 * passed, per node: it is computed from the database only, so nodes agree once their caches turn over.
 */
@Component("hotClusters")
public class HotClusters {

    private static final Logger LOG = LoggerFactory.getLogger(HotClusters.class);
    private static final int LABEL_WORDS = 3;

    private final TextSimilarity similarity;
    private final Clock clock;
    private final int windowDays;
    private final int minCitizens;
    private final double threshold;
    private final int maxCases;
    private final Duration cacheFor;
    private volatile Cached cached;

    private record Cached(Object fingerprint, Instant computedAt, List<Map<String, Object>> clusters) {
    }

    public HotClusters(TextSimilarity similarity, Clock clock, @Value("${lianxin.hot.window-days}") int windowDays,
            @Value("${lianxin.hot.min-citizens}") int minCitizens, @Value("${lianxin.hot.threshold}") double threshold,
            @Value("${lianxin.hot.max-cases}") int maxCases, @Value("${lianxin.hot.cache-for}") Duration cacheFor) {
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("lianxin.hot.threshold must be above 0 and at most 1");
        }
        if (windowDays < 1 || minCitizens < 1 || maxCases < 1) {
            throw new IllegalArgumentException("lianxin.hot.window-days, min-citizens and max-cases must be 1 or more");
        }
        this.similarity = similarity;
        this.clock = clock;
        this.windowDays = windowDays;
        this.minCitizens = minCitizens;
        this.threshold = threshold;
        this.maxCases = maxCases;
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

    /** The clusters computed last, when nothing was added since (the same fingerprint) and they are recent; else null. */
    public List<Map<String, Object>> cached(@Header("hotFingerprint") Object fingerprint) {
        Cached last = cached;
        if (last != null && last.fingerprint().equals(String.valueOf(fingerprint))
                && last.computedAt().plus(cacheFor).isAfter(clock.instant())) {
            return last.clusters();
        }
        return null;
    }

    /**
     * The hot clusters of the window's intake rows (case_no, title, content, location, status, intake_id,
     * citizen_phone, received_at), kept for {@link #cached}.
     */
    public List<Map<String, Object>> compute(@Header("hotRows") List<Map<String, Object>> rows,
            @Header("hotFingerprint") Object fingerprint) {
        long started = System.nanoTime();
        List<Map<String, Object>> clusters = clusters(rows == null ? List.of() : rows);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.debug("Hot issues: {} intake rows, {} clusters, in {} ms", rows == null ? 0 : rows.size(), clusters.size(),
                millis);
        cached = new Cached(String.valueOf(fingerprint), clock.instant(), clusters);
        return clusters;
    }

    /** The clustering itself (see the class comment), ordered by citizens, latest intake, then cluster id. */
    List<Map<String, Object>> clusters(List<Map<String, Object>> rows) {
        Map<String, CaseInWindow> byCase = new TreeMap<>();
        Set<String> places = new HashSet<>();
        for (Map<String, Object> row : rows) {
            byCase.computeIfAbsent((String) row.get("case_no"), no -> new CaseInWindow(row)).add(row);
            places.addAll(similarity.placeFeatures((String) row.get("location")));
        }
        List<CaseInWindow> cases = new ArrayList<>(byCase.values());
        List<String> placeWords = places.stream().filter(w -> w.length() >= 2).toList();
        cases.forEach(c -> c.text = similarity.prepare(withoutPlaces(c.content, placeWords), places));
        int[] parent = new int[cases.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < cases.size(); i++) {
            for (int j = i + 1; j < cases.size(); j++) {
                int ri = root(parent, i);
                int rj = root(parent, j);
                if (ri != rj && similarity.score(cases.get(i).text, cases.get(j).text) >= threshold) {
                    parent[Math.max(ri, rj)] = Math.min(ri, rj);
                }
            }
        }
        Map<Integer, List<CaseInWindow>> groups = new TreeMap<>();
        for (int i = 0; i < cases.size(); i++) {
            groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(cases.get(i));
        }
        List<Map<String, Object>> hot = new ArrayList<>();
        for (List<CaseInWindow> group : groups.values()) {
            Set<String> citizens = new HashSet<>();
            group.forEach(c -> citizens.addAll(c.citizens));
            if (citizens.size() >= minCitizens) {
                hot.add(cluster(group, citizens.size()));
            }
        }
        hot.sort(Comparator.<Map<String, Object>>comparingInt(c -> -(int) c.get("citizens"))
                .thenComparing(c -> (OffsetDateTime) c.get("lastAt"), Comparator.reverseOrder())
                .thenComparing(c -> (String) c.get("clusterId")));
        hot.forEach(c -> c.remove("lastAt"));
        return hot;
    }

    private Map<String, Object> cluster(List<CaseInWindow> group, int citizens) {
        OffsetDateTime first = group.stream().map(c -> c.first).min(Comparator.naturalOrder()).orElseThrow();
        OffsetDateTime last = group.stream().map(c -> c.last).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, Object> cluster = new LinkedHashMap<>();
        // the earliest case (numbers grow with time): stable while that case stays in the window
        cluster.put("clusterId", group.get(0).caseNo);
        cluster.put("label", label(group));
        cluster.put("citizens", citizens);
        cluster.put("intakes", group.stream().mapToInt(c -> c.intakes).sum());
        cluster.put("cases", group.stream().map(c -> c.caseNo).toList());
        cluster.put("first", CaseView.time(first));
        cluster.put("last", CaseView.time(last));
        cluster.put("details", group.stream().map(CaseInWindow::detail).toList());
        cluster.put("lastAt", last);
        return cluster;
    }

    /** The words most cases of the cluster use (then the most used, then in character order). */
    private String label(List<CaseInWindow> group) {
        Map<String, int[]> counts = new HashMap<>();
        for (CaseInWindow c : group) {
            List<String> words = similarity.words(c.content);
            for (String word : words) {
                counts.computeIfAbsent(word, w -> new int[2])[1]++;
            }
            for (String word : new LinkedHashSet<>(words)) {
                counts.get(word)[0]++;
            }
        }
        return counts.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, int[]>>comparingInt(e -> -e.getValue()[0])
                        .thenComparingInt(e -> -e.getValue()[1]).thenComparing(Map.Entry::getKey))
                .limit(LABEL_WORDS).map(Map.Entry::getKey).reduce((a, b) -> a + " " + b).orElse("");
    }

    /**
     * The text with every place word blanked out, so that no character pair spans a place and the next word (和平路物业
     * would still give 路物 otherwise): each character inside an occurrence of a place word becomes a comma.
     */
    static String withoutPlaces(String text, List<String> placeWords) {
        if (text == null) {
            return null;
        }
        char[] chars = text.toCharArray();
        boolean cut = false;
        for (String word : placeWords) {
            for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
                Arrays.fill(chars, at, at + word.length(), '，');
                cut = true;
            }
        }
        return cut ? new String(chars) : text;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** A case with its intakes in the window: who reported it, and when first and last. */
    private static final class CaseInWindow {
        final String caseNo;
        final String title;
        final String content;
        final String status;
        TextSimilarity.Prepared text;
        final Set<String> citizens = new HashSet<>();
        int intakes;
        OffsetDateTime first;
        OffsetDateTime last;

        CaseInWindow(Map<String, Object> row) {
            this.caseNo = (String) row.get("case_no");
            this.title = (String) row.get("title");
            this.content = (String) row.get("content");
            this.status = (String) row.get("status");
        }

        CaseInWindow add(Map<String, Object> row) {
            String phone = (String) row.get("citizen_phone");
            citizens.add(phone == null || phone.isBlank() ? "intake:" + row.get("intake_id") : "phone:" + phone);
            intakes++;
            OffsetDateTime at = CaseView.countyTime(row.get("received_at")).toOffsetDateTime();
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
            d.put("first", CaseView.time(first));
            d.put("last", CaseView.time(last));
            return d;
        }
    }
}
