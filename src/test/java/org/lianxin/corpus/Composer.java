package org.lianxin.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Writes one message of a topic in one style: picks the fragments with the text's own random (so the same seed
 * with other places gives the same wording at another place) and fills their placeholders from the places.
 */
final class Composer {

    /** How a citizen writes. */
    enum Style { FORMAL, ANGRY, HOTLINE, QUESTION, SUGGESTION, LONG, SHORT, VAGUE }

    record Text(String title, String content) {}

    /** Titles starting so take no district before them. */
    private static final List<String> TITLE_VERBS = List.of("投诉", "举报", "建议", "咨询", "催办", "反对", "关于");

    private final Fragments fragments = Fragments.all();

    Text write(Fragments.Topic topic, Style style, long textSeed, Places places) {
        return write(topic, style, textSeed, places, topic.lines('P'));
    }

    /** A message telling one of the given problems (the ways to tell one matter). */
    Text write(Fragments.Topic topic, Style style, long textSeed, Places places, List<String> problems) {
        Random r = new Random(textSeed);
        Writing w = new Writing(topic, r, places, problems);
        return switch (style) {
            case FORMAL -> w.formal();
            case ANGRY -> w.angry();
            case HOTLINE -> w.hotline();
            case QUESTION -> w.question();
            case SUGGESTION -> w.suggestion();
            case LONG -> w.rambling();
            case SHORT -> w.terse();
            case VAGUE -> w.vague();
        };
    }

    /** One message being written. */
    private final class Writing {
        private final Fragments.Topic topic;
        private final Random r;
        private final Places places;
        private final List<String> problems;
        /** Whether the message tells one given matter, which it then always names. */
        private final boolean told;
        private final List<String> used = new ArrayList<>();
        private String problem;
        private String problemTemplate;

        Writing(Fragments.Topic topic, Random r, Places places, List<String> problems) {
            this.topic = topic;
            this.problems = problems;
            this.told = problems != topic.lines('P');
            this.r = r;
            this.places = places;
        }

        Text formal() {
            String content = join(common('H'), intro(), problem(), detail(), maybe(0.5, this::detail),
                    maybe(0.4, () -> common('R')), maybe(0.3, () -> freshCommon('L')), demand(), common('C'));
            return new Text(title(), content);
        }

        Text angry() {
            String content = join(maybe(0.4, this::intro), loud(problem()), detail(), loud(common('X')),
                    maybe(0.5, () -> loud(common('X'))), maybe(0.5, () -> common('R')), loud(demand()));
            String title = title();
            boolean complaint = r.nextBoolean() && !title.startsWith("关于") && !title.startsWith("投诉");
            return new Text(complaint ? "投诉" + stripEnd(title) : loud(title), content);
        }

        Text hotline() {
            String where = places.named() ? fill("{区}") : "";
            String said = third(stripEnd(problem()));
            String at = r.nextBoolean() || where.isEmpty() || said.startsWith(where) ? "" : where + "，";
            String content = common('K') + at + said + "，" + third(detail()) + common('E');
            return new Text(title(), content);
        }

        Text question() {
            String content = join(oneOf(List.of("您好！", "领导您好：", "", "你好，", "尊敬的领导：")),
                    maybe(0.6, this::intro), maybe(told ? 1 : 0.5, this::problem), fresh('Q'),
                    maybe(0.3, () -> fresh('Q')), oneOf(List.of("谢谢！", "盼复，谢谢！", "望答复。", "")));
            return new Text(subjectTitle(List.of("咨询%s问题", "关于%s的咨询", "%s相关问题咨询", "关于%s的问题", "%s咨询")),
                    content);
        }

        Text suggestion() {
            String content = join(common('H'), maybe(0.5, this::intro), maybe(0.7, this::problem), fresh('S'),
                    maybe(0.4, () -> fresh('S')), common('C'));
            return new Text(subjectTitle(List.of("关于%s的建议", "建议解决%s问题", "对%s的建议", "关于%s的几点建议")), content);
        }

        Text rambling() {
            String content;
            if (r.nextInt(4) == 0) { // the problems as a numbered list
                content = join(common('H'), intro(), "现将有关问题反映如下：", numbered(problem(), detail(), detail()),
                        "\n" + common('R'), maybe(0.5, () -> freshCommon('L')), demand(), common('C'));
            } else {
                content = join(common('H'), intro(), common('B'), fill("{日期}，") + problem(), detail(), detail(),
                        maybe(0.6, this::detail), common('R'), maybe(0.5, this::department), freshCommon('L'),
                        maybe(0.6, () -> freshCommon('L')),
                        maybe(0.4, () -> common('X')), demand(), maybe(0.5, this::demand), common('C'));
                int stop = content.indexOf('。');
                if (r.nextInt(3) == 0 && stop > 0) {
                    content = content.substring(0, stop + 1) + "\n" + content.substring(stop + 1);
                }
            }
            return new Text(title(), content);
        }

        /** The points that are not empty, as a numbered list. */
        private String numbered(String... points) {
            StringBuilder out = new StringBuilder();
            int n = 0;
            for (String point : points) {
                if (!point.isEmpty()) {
                    out.append('\n').append("一二三四五".charAt(n++)).append('、').append(join(point));
                }
            }
            return out.toString();
        }

        Text terse() {
            String content = r.nextInt(3) == 0 ? problem() : join(problem(), maybe(0.6, this::demand));
            return new Text(title(), content);
        }

        Text vague() {
            List<String> vs = lines('V');
            String content = fill(oneOf(vs));
            String title = r.nextBoolean() ? stripEnd(content) : fill(oneOf(places.named()
                    ? List.of("{区}的问题", "反映问题", "请领导关注", "{小区}的事", "关于{区}的问题", "一个问题", "投诉")
                    : List.of("反映问题", "请领导关注", "一个问题", "投诉", "我们小区的事")));
            if (title.length() > 30) {
                title = title.substring(0, 30);
            }
            return new Text(title, content);
        }

        /** A title about the message's problem: its first clause, or the topic's title nearest to it in words. */
        private String title() {
            String problem = problem();
            int clause = problem.indexOf('，');
            String title;
            if (clause >= 8 && clause <= 24 && r.nextInt(10) < 3) {
                title = problem.substring(0, clause);
            } else {
                title = fill(nearest(topic.lines('T'), problemTemplate));
            }
            if (places.named() && !title.contains("区") && !title.contains("县") && r.nextInt(3) == 0
                    && TITLE_VERBS.stream().noneMatch(title::startsWith)) {
                title = fill("{区}") + title;
            }
            return title;
        }

        /** One of the two options sharing most two-character words with the text. */
        private String nearest(List<String> options, String text) {
            String best = null;
            String second = null;
            int bestScore = -1;
            int secondScore = -1;
            for (String option : options) {
                int score = 0;
                for (int i = 0; i + 2 <= option.length(); i++) {
                    String pair = option.substring(i, i + 2);
                    if (pair.indexOf('{') < 0 && pair.indexOf('}') < 0 && text.contains(pair)) {
                        score++;
                    }
                }
                score = score * 8 + r.nextInt(8);
                if (score > bestScore) {
                    second = best;
                    secondScore = bestScore;
                    best = option;
                    bestScore = score;
                } else if (score > secondScore) {
                    second = option;
                    secondScore = score;
                }
            }
            return second != null && r.nextInt(4) == 0 ? second : best;
        }

        private String subjectTitle(List<String> patterns) {
            List<String> subjects = topic.lines('U');
            if (subjects.isEmpty() || r.nextInt(4) == 0) {
                return title();
            }
            String subject = fill(oneOf(subjects));
            if (places.named() && r.nextInt(3) == 0) {
                subject = fill("{区}") + subject;
            }
            return oneOf(patterns).formatted(subject);
        }

        private String intro() {
            if (!places.named()) {
                return oneOf(List.of("", "我是附近的居民。", "我是一名普通市民，", "我就住在附近，", ""));
            }
            problem();
            return fill(nearest(lines('I'), problemTemplate));
        }

        /** The message's one problem, picked on first use. */
        private String problem() {
            if (problem == null) {
                problemTemplate = oneOf(problems);
                problem = fill(problemTemplate);
            }
            return problem;
        }

        private String detail() {
            return fresh('D');
        }

        private String demand() {
            return fresh('A');
        }

        /** A line of a kind this message has not used yet; empty when it used them all. */
        private String fresh(char kind) {
            List<String> options = new ArrayList<>(lines(kind));
            options.removeAll(used);
            if (options.isEmpty()) {
                return "";
            }
            problem();
            String line = nearest(options, problemTemplate);
            used.add(line);
            return fill(line);
        }

        /** Where the citizen went before writing. */
        private String department() {
            return "我们也找过" + oneOf(lines('G')) + oneOf(List.of("，对方说会研究处理，之后就没有消息了",
                    "，答复说不归他们管", "，工作人员让我们等通知", "，到现在也没有一个明确的说法"));
        }

        /** A line everyone may write that this message has not used yet. */
        private String freshCommon(char kind) {
            List<String> options = new ArrayList<>(fragments.generic("*", kind));
            options.removeAll(used);
            String line = oneOf(options);
            used.add(line);
            return fill(line);
        }

        private String common(char kind) {
            return fill(oneOf(fragments.generic("*", kind)));
        }

        /** The topic's lines of a kind, else its category's, else everyone's. */
        private List<String> lines(char kind) {
            List<String> own = topic.lines(kind);
            if (!own.isEmpty()) {
                return own;
            }
            List<String> category = fragments.generic(topic.category(), kind);
            return category.isEmpty() ? fragments.generic("*", kind) : category;
        }

        private String maybe(double p, Supplier<String> part) {
            return r.nextDouble() < p ? part.get() : "";
        }

        private String oneOf(List<String> options) {
            return options.get(r.nextInt(options.size()));
        }

        private String fill(String template) {
            return Composer.fill(template, places);
        }
    }

    /** The template with each {placeholder} replaced by the places' value for it. */
    static String fill(String template, Places places) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int end = c == '{' ? template.indexOf('}', i) : -1;
            if (end > 0) {
                out.append(places.get(template.substring(i + 1, end)));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Sentences joined as one text, each ending in punctuation; empty parts are left out. */
    static String join(String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part == null || part.isBlank()) {
                continue;
            }
            out.append(part);
            char last = part.charAt(part.length() - 1);
            if ("。！？，；：…\n".indexOf(last) < 0) {
                out.append('。');
            }
        }
        return out.toString();
    }

    private static String loud(String sentence) {
        String s = stripEnd(sentence);
        return s.isEmpty() ? s : s + "！";
    }

    static String stripEnd(String sentence) {
        int end = sentence.length();
        while (end > 0 && "。！？，；：…".indexOf(sentence.charAt(end - 1)) >= 0) {
            end--;
        }
        return sentence.substring(0, end);
    }

    /** A citizen's own words as an operator notes them: the caller in the third person. */
    private static String third(String sentence) {
        return sentence.replace("我们县", "其所在县").replace("我们村", "其所在村").replace("我们小区", "其所在小区")
                .replace("我们", "其").replace("我家", "其家").replace("本人", "来电人").replace("我", "其");
    }
}
