package org.lianxin.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.lianxin.corpus.Composer.Style;
import org.lianxin.corpus.Fragments.Topic;

/**
 * Realistic Chinese citizens' messages, written in quantity from the fragments in {@code corpus/fragments.txt}:
 * a labelled archive for classification, a web archive with re-posts and near-misses for repeat detection, and a
 * week of hotline reports for hot-issue clustering. Each is deterministic for its seed.
 */
public final class CitizenMessages {

    /** The categories' shares of an archive, after the public municipal message archive. */
    private static final double[] CATEGORY_SHARES = {0.22, 0.12, 0.11, 0.16, 0.19, 0.10, 0.10};

    /** Categories a reasonable person might file a message of this category under instead. */
    private static final Map<String, List<String>> NEIGHBOURS = Map.of(
            "城乡建设", List.of("环境保护", "交通运输", "劳动和社会保障"),
            "环境保护", List.of("城乡建设", "卫生计生"),
            "交通运输", List.of("城乡建设", "商贸旅游"),
            "教育文体", List.of("劳动和社会保障", "交通运输", "卫生计生"),
            "劳动和社会保障", List.of("城乡建设", "卫生计生", "教育文体"),
            "商贸旅游", List.of("卫生计生", "城乡建设", "交通运输"),
            "卫生计生", List.of("劳动和社会保障", "商贸旅游"));

    /** Share of messages labelled with a neighbouring category (a label someone would dispute). */
    private static final double DISPUTED = 0.03;

    private static final int[] WEB_STYLES = {24, 12, 4, 12, 8, 20, 15, 5};
    private static final int[] HOTLINE_STYLES = {8, 14, 40, 5, 3, 8, 18, 4};

    static final double REPOST_SHARE = 0.035;
    static final double NEAR_MISS_SHARE = 0.03;
    static final int MAX_REPOST_DISTANCE = 1000;

    private CitizenMessages() {
    }

    /** A labelled archive for classification: count messages over the 7 categories with a realistic skew
     *  (城乡建设 most, ~20-25%; 商贸旅游 and 卫生计生 fewer), deterministic for a seed. */
    public static List<CorpusMessage> labelled(long seed, int count) {
        Generator g = new Generator(seed, WEB_STYLES);
        for (int i = 0; i < count; i++) {
            g.fresh();
        }
        return g.messages(false);
    }

    /**
     * The best top-1 accuracy any classifier can reach on {@link #labelled} messages: even knowing each message's topic,
     * it can only answer the label most of the topic's messages get, and the archive gives some of them another
     * category (a topic's other category, a disputed neighbour), as real archives do.
     */
    public static double labelCeiling() {
        Fragments fragments = Fragments.all();
        double ceiling = 0;
        for (int c = 0; c < CATEGORY_SHARES.length; c++) {
            List<Topic> topics = fragments.topics(Fragments.CATEGORIES.get(c));
            int total = topics.stream().mapToInt(Topic::weight).sum();
            for (Topic t : topics) {
                ceiling += CATEGORY_SHARES[c] * t.weight() / total * Math.max(t.otherShare(), 1 - t.otherShare());
            }
        }
        return ceiling * (1 - DISPUTED);
    }

    /** Several thousand web messages (no phone, no location field) of which ~3-4% are re-posts of an earlier message
     *  of the archive (identical, or identical with small edits: whitespace, punctuation, "再次反映"/"至今没有解决" added,
     *  the title changed, a sentence appended), posted anywhere from 1 to ~1,000 messages after the original, and with
     *  near-misses: different matters that share a street/小区/school name or most of a template (same place, other
     *  problem; same problem wording, other place). A re-post has the matter id of its original. */
    public static List<CorpusMessage> webArchiveWithReposts(long seed, int count) {
        return webArchive(seed, count).messages();
    }

    /** One week of reports for hot issues: `matters` real matters, each reported by reportsPerMatter distinct citizens
     *  (distinct phones, own phrasing: different styles, lengths, details, some with the place, some not), plus `noise`
     *  unrelated messages across categories, some of which share words or places with the matters. Noise telling
     *  another problem at a matter's place has the matter id "S" + that matter's number + "-" + its topic: several
     *  citizens may tell the same other problem there, and they are one matter too (reported less often). */
    public static List<CorpusMessage> hotWeek(long seed, int matters, int reportsPerMatter, int noise) {
        Generator g = new Generator(seed, HOTLINE_STYLES);
        List<Draft> matterDrafts = new ArrayList<>();
        for (int m = 0; m < matters; m++) {
            Topic topic = g.matterTopic(g.category());
            List<List<String>> told = topic.matters();
            List<String> problems = told.isEmpty() ? topic.lines('P') : told.get(g.random.nextInt(told.size()));
            Places places = new Places(g.random.nextLong());
            g.composer.write(topic, Style.FORMAL, g.random.nextLong(), places, problems); // names its places once
            String location = places.location();
            String category = g.label(topic);
            String matter = "H%04d".formatted(m + 1);
            for (int k = 0; k < reportsPerMatter; k++) {
                Places at = g.random.nextInt(10) < 3 ? places.withoutNames() : places;
                Draft d = g.write(topic, problems, g.style(), at, category);
                d.matter = matter;
                d.location = location;
                if (k == 0) {
                    matterDrafts.add(d);
                }
            }
        }
        for (int n = 0; n < noise; n++) {
            int roll = g.random.nextInt(20);
            if (roll < 7 && !matterDrafts.isEmpty()) {
                Draft of = matterDrafts.get(g.random.nextInt(matterDrafts.size()));
                g.samePlaceOtherProblem(of);
                // another problem at that place, told by everyone who tells it there: a matter of its own
                Draft told = g.drafts.get(g.drafts.size() - 1);
                told.matter = "S" + of.matter.substring(1) + "-" + told.topic.name();
            } else if (roll < 10 && !matterDrafts.isEmpty()) {
                Draft of = matterDrafts.get(g.random.nextInt(matterDrafts.size()));
                g.write(of.topic, g.style(), new Places(g.random.nextLong()), g.label(of.topic));
            } else {
                g.fresh();
            }
        }
        Set<String> phones = new HashSet<>();
        for (Draft d : g.drafts) {
            String phone;
            do {
                phone = "1" + "3578".charAt(g.random.nextInt(4)) + "%09d".formatted(g.random.nextInt(1_000_000_000));
            } while (!phones.add(phone));
            d.phone = phone;
            if (d.location == null) {
                d.location = d.places.location();
            }
        }
        Collections.shuffle(g.drafts, g.random);
        return g.messages(true);
    }

    /** The web archive together with how it was made, for the tests. */
    record Archive(List<CorpusMessage> messages, Map<Integer, Integer> repostOf, List<NearMiss> nearMisses) {}

    /** Two messages of different matters made to look alike; samePlace: same place, other problem, else the same
     *  wording at another place. */
    record NearMiss(int first, int second, boolean samePlace, String place) {}

    static Archive webArchive(long seed, int count) {
        Generator g = new Generator(seed, WEB_STYLES);
        int reposts = (int) Math.round(count * REPOST_SHARE);
        int nearMisses = (int) Math.round(count * NEAR_MISS_SHARE);
        TreeSet<Integer> repostAt = g.positions(reposts, count);
        TreeSet<Integer> samePlaceAt = g.positions(nearMisses, count);
        TreeSet<Integer> sameWordingAt = g.positions(nearMisses, count);
        Map<Integer, Integer> repostOf = new HashMap<>();
        List<NearMiss> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (repostAt.contains(i)) {
                int original = g.earlier(i);
                g.repost(g.drafts.get(original));
                repostOf.put(i, original);
            } else if (samePlaceAt.contains(i)) {
                int first = g.earlier(i);
                for (int attempt = 0; attempt < 10 && g.placeNames(g.drafts.get(first)).isEmpty(); attempt++) {
                    first = g.earlier(i);
                }
                String place = g.samePlaceOtherProblem(g.drafts.get(first));
                pairs.add(new NearMiss(first, i, true, place));
            } else if (sameWordingAt.contains(i)) {
                int first = g.earlier(i);
                g.sameWordingOtherPlace(g.drafts.get(first));
                pairs.add(new NearMiss(first, i, false, null));
            } else {
                g.fresh();
            }
        }
        return new Archive(g.messages(false), Map.copyOf(repostOf), List.copyOf(pairs));
    }

    /** A message being made. */
    private static final class Draft {
        Topic topic;
        List<String> problems;
        Style style;
        long textSeed;
        Places places;
        String category;
        String title;
        String content;
        String matter;
        String phone;
        String location;
    }

    /** Makes the drafts of one corpus from one seed. */
    private static final class Generator {
        final Random random;
        final Composer composer = new Composer();
        final Fragments fragments = Fragments.all();
        final int[] styleWeights;
        final List<Draft> drafts = new ArrayList<>();
        final Set<String> texts = new HashSet<>();
        int matters;

        Generator(long seed, int[] styleWeights) {
            this.random = new Random(seed);
            this.styleWeights = styleWeights;
        }

        Draft fresh() {
            Topic topic = topic(category());
            return write(topic, style(), new Places(random.nextLong()), label(topic));
        }

        /** A message of the topic in the style, with wording no earlier message has. */
        Draft write(Topic topic, Style style, Places places, String category) {
            return write(topic, null, style, places, category);
        }

        /** A message telling one of the problems (null: any of the topic's). */
        Draft write(Topic topic, List<String> problems, Style style, Places places, String category) {
            Draft d = new Draft();
            d.topic = topic;
            d.problems = problems;
            d.style = style;
            d.places = places;
            d.category = category;
            for (int attempt = 0; ; attempt++) {
                d.textSeed = random.nextLong();
                if (render(d) || attempt > 20) {
                    break;
                }
                if (attempt > 5) {
                    d.style = Style.FORMAL;
                }
            }
            drafts.add(d);
            return d;
        }

        /** Writes the draft's text; false when an earlier message already has it. */
        boolean render(Draft d) {
            Composer.Text text = d.problems == null ? composer.write(d.topic, d.style, d.textSeed, d.places)
                    : composer.write(d.topic, d.style, d.textSeed, d.places, d.problems);
            d.title = text.title();
            d.content = text.content();
            return texts.add(letters(d.content));
        }

        /** Another problem at the place an earlier message named; returns the shared place name. */
        String samePlaceOtherProblem(Draft first) {
            List<String> names = placeNames(first);
            for (int attempt = 0; attempt < 30 && !names.isEmpty(); attempt++) {
                Topic topic = topic(attempt < 10 ? first.topic.category() : category());
                if (topic == first.topic) {
                    continue;
                }
                Draft d = write(topic, style(), first.places.withNames(), label(topic));
                for (String name : names) {
                    if (d.content.contains(name) || d.title.contains(name)) {
                        return name;
                    }
                }
                drafts.remove(drafts.size() - 1);
            }
            Topic topic = topic(category());
            Draft d = write(topic, style(), first.places.withNames(), label(topic));
            return names.stream().filter(n -> d.content.contains(n)).findFirst().orElse(null);
        }

        /** The earlier message's wording at another place. */
        void sameWordingOtherPlace(Draft first) {
            for (int attempt = 0; attempt < 6; attempt++) {
                Draft d = new Draft();
                d.topic = first.topic;
                d.style = first.style;
                d.textSeed = first.textSeed;
                d.places = new Places(random.nextLong());
                d.category = first.category;
                if (render(d)) {
                    drafts.add(d);
                    return;
                }
            }
            write(first.topic, first.style, new Places(random.nextLong()), first.category);
        }

        /** The earlier message posted again, as it was or with small edits. */
        void repost(Draft original) {
            if (original.matter == null) {
                original.matter = "W%05d".formatted(++matters);
            }
            Draft d = new Draft();
            d.topic = original.topic;
            d.style = original.style;
            d.textSeed = original.textSeed;
            d.places = original.places;
            d.category = original.category;
            d.matter = original.matter;
            d.title = original.title;
            d.content = original.content;
            int edits = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(2);
            for (int e = 0; e < edits; e++) {
                Repost.edit(d, random, fragments);
            }
            texts.add(letters(d.content));
            drafts.add(d);
        }

        /** A random index before i, at most MAX_REPOST_DISTANCE before, nearer ones likelier. */
        int earlier(int i) {
            int span = Math.min(i, MAX_REPOST_DISTANCE);
            int distance = (int) Math.floor(Math.exp(random.nextDouble() * Math.log(span + 1)));
            return i - Math.max(1, Math.min(span, distance));
        }

        TreeSet<Integer> positions(int n, int count) {
            TreeSet<Integer> at = new TreeSet<>();
            while (at.size() < Math.min(n, count - 1)) {
                at.add(1 + random.nextInt(count - 1));
            }
            return at;
        }

        String category() {
            double x = random.nextDouble();
            for (int c = 0; c < CATEGORY_SHARES.length; c++) {
                x -= CATEGORY_SHARES[c];
                if (x < 0) {
                    return Fragments.CATEGORIES.get(c);
                }
            }
            return Fragments.CATEGORIES.get(0);
        }

        /** A topic of the category with matters told in several ways, when it has one. */
        Topic matterTopic(String category) {
            List<Topic> told = fragments.topics(category).stream().filter(t -> !t.matters().isEmpty()).toList();
            return told.isEmpty() ? topic(category) : told.get(random.nextInt(told.size()));
        }

        Topic topic(String category) {
            List<Topic> topics = fragments.topics(category);
            int total = topics.stream().mapToInt(Topic::weight).sum();
            int x = random.nextInt(total);
            for (Topic t : topics) {
                x -= t.weight();
                if (x < 0) {
                    return t;
                }
            }
            throw new IllegalStateException();
        }

        Style style() {
            int total = 0;
            for (int w : styleWeights) {
                total += w;
            }
            int x = random.nextInt(total);
            for (int s = 0; s < styleWeights.length; s++) {
                x -= styleWeights[s];
                if (x < 0) {
                    return Style.values()[s];
                }
            }
            return Style.FORMAL;
        }

        /** The label an archive gives a message of the topic: mostly the topic's category, sometimes the other one
         *  its words point to, now and then a neighbouring one a reasonable person would dispute. */
        String label(Topic topic) {
            String label = topic.otherCategory() != null && random.nextDouble() < topic.otherShare()
                    ? topic.otherCategory() : topic.category();
            if (random.nextDouble() < DISPUTED) {
                List<String> neighbours = NEIGHBOURS.get(label);
                label = neighbours.get(random.nextInt(neighbours.size()));
            }
            return label;
        }

        /** The text without whitespace and punctuation: two texts that differ only there read the same. */
        static String letters(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (Character.isLetterOrDigit(c)) {
                    out.append(c);
                }
            }
            return out.toString();
        }

        List<String> placeNames(Draft d) {
            List<String> names = new ArrayList<>();
            for (String key : List.of("小区", "路", "学校", "幼儿园", "医院", "景区", "商场", "村", "单位", "开发商", "工厂",
                    "公司", "物业", "高校")) {
                String name = d.places.drawn(key);
                if (name != null && (d.content.contains(name) || d.title.contains(name))) {
                    names.add(name);
                }
            }
            return names;
        }

        List<CorpusMessage> messages(boolean hotline) {
            List<CorpusMessage> out = new ArrayList<>(drafts.size());
            for (int i = 0; i < drafts.size(); i++) {
                Draft d = drafts.get(i);
                out.add(new CorpusMessage("M%06d".formatted(i + 1), d.title, d.content, d.category, d.matter,
                        hotline ? d.phone : null, hotline ? d.location : null));
            }
            return out;
        }
    }

    /** The small edits of a re-post. */
    private static final class Repost {
        private static final String[] AGAIN = {"再次反映：", "再次反映", "第二次反映：", "【再次反映】", "重复反映："};
        private static final String[] STILL = {"至今没有解决。", "问题至今没有解决，请领导重视！", "到现在还是没有任何答复。",
                "已经反映过了，至今没有解决，希望尽快处理。", "之前反映过，一直没人处理。"};

        static void edit(Draft d, Random r, Fragments fragments) {
            switch (r.nextInt(7)) {
                case 0 -> d.content = d.content.replace("。", r.nextBoolean() ? "。 " : "。\n").strip()
                        + (r.nextBoolean() ? " " : "");
                case 1 -> d.content = d.content.replace("，", r.nextBoolean() ? "," : "、")
                        .replace("！", r.nextBoolean() ? "!" : "。");
                case 2 -> {
                    d.content = AGAIN[r.nextInt(AGAIN.length)] + d.content;
                    if (r.nextBoolean()) {
                        d.title = "再次反映" + d.title;
                    }
                }
                case 3 -> d.content = Composer.join(d.content, STILL[r.nextInt(STILL.length)]);
                case 4 -> {
                    List<String> titles = d.topic.lines('T');
                    d.title = r.nextBoolean() ? Composer.stripEnd(d.title) + "的问题至今没有解决"
                            : fill(titles.get(r.nextInt(titles.size())), d.places);
                }
                case 5 -> {
                    List<String> details = d.topic.lines('D');
                    List<String> pool = details.isEmpty() ? fragments.generic("*", 'R') : details;
                    d.content = Composer.join(d.content, fill(pool.get(r.nextInt(pool.size())), d.places));
                }
                default -> d.content = d.content.replace("，", "，  ").replaceFirst("。", "。。");
            }
        }

        private static String fill(String template, Places places) {
            return Composer.fill(template, places);
        }
    }
}
