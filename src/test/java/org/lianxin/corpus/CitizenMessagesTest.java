package org.lianxin.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CitizenMessagesTest {

    @Test
    void theSameSeedGivesTheSameCorpusAndAnotherSeedAnother() {
        assertThat(CitizenMessages.labelled(7, 1500)).isEqualTo(CitizenMessages.labelled(7, 1500));
        assertThat(CitizenMessages.webArchiveWithReposts(7, 1500))
                .isEqualTo(CitizenMessages.webArchiveWithReposts(7, 1500));
        assertThat(CitizenMessages.hotWeek(7, 5, 4, 50)).isEqualTo(CitizenMessages.hotWeek(7, 5, 4, 50));
        Set<String> other = CitizenMessages.labelled(8, 1500).stream().map(CorpusMessage::content)
                .collect(Collectors.toSet());
        assertThat(CitizenMessages.labelled(7, 1500)).filteredOn(m -> other.contains(m.content())).hasSizeLessThan(30);
    }

    @Test
    void everyCategoryIsThereWithTheArchivesSkew() {
        List<CorpusMessage> messages = CitizenMessages.labelled(11, 5000);
        Map<String, Long> counts = messages.stream()
                .collect(Collectors.groupingBy(CorpusMessage::category, Collectors.counting()));
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(Fragments.CATEGORIES);
        double construction = counts.get("城乡建设") / 5000.0;
        assertThat(construction).isBetween(0.19, 0.26);
        assertThat(counts.values()).allMatch(n -> n <= counts.get("城乡建设"));
        assertThat(counts.get("商贸旅游") / 5000.0).isBetween(0.06, 0.13);
        assertThat(counts.get("卫生计生") / 5000.0).isBetween(0.06, 0.13);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.title()).isNotBlank().hasSizeLessThanOrEqualTo(45);
            assertThat(m.content()).isNotBlank().doesNotContain("{", "}");
            assertThat(m.phone()).isNull();
            assertThat(m.location()).isNull();
        });
        assertThat(messages).extracting(CorpusMessage::id).doesNotHaveDuplicates();
    }

    @Test
    void aDecentLinearClassifierIsRightMostOfTheTimeButNotAlways() {
        NaiveBayes classifier = new NaiveBayes(CitizenMessages.labelled(1, 3000));
        List<CorpusMessage> test = CitizenMessages.labelled(2, 3000);
        long right = test.stream().filter(m -> classifier.classify(m).equals(m.category())).count();
        assertThat(right / 3000.0).isBetween(0.82, 0.96);
    }

    @Test
    void noTwoMessagesReadTheSameUnlessOneIsARepost() {
        List<CorpusMessage> archive = CitizenMessages.webArchiveWithReposts(5, 4000);
        Map<String, List<CorpusMessage>> byText = archive.stream()
                .collect(Collectors.groupingBy(m -> normalized(m.content())));
        byText.values().stream().filter(same -> same.size() > 1).forEach(same ->
                assertThat(same).extracting(CorpusMessage::matter).doesNotContainNull()
                        .containsOnly(same.get(0).matter()));
        assertThat(CitizenMessages.labelled(3, 4000)).extracting(CorpusMessage::content).doesNotHaveDuplicates();
    }

    @Test
    void aFewPerCentAreRepostsOfAnEarlierMessageUpToAThousandMessagesBefore() {
        CitizenMessages.Archive archive = CitizenMessages.webArchive(5, 4000);
        List<CorpusMessage> messages = archive.messages();
        assertThat(archive.repostOf().size() / 4000.0).isBetween(0.03, 0.04);
        int identical = 0;
        int far = 0;
        for (Map.Entry<Integer, Integer> repost : archive.repostOf().entrySet()) {
            CorpusMessage copy = messages.get(repost.getKey());
            CorpusMessage original = messages.get(repost.getValue());
            assertThat(repost.getKey() - repost.getValue()).isBetween(1, CitizenMessages.MAX_REPOST_DISTANCE);
            assertThat(copy.matter()).isNotNull().isEqualTo(original.matter());
            assertThat(normalized(copy.content())).contains(normalized(original.content()));
            identical += copy.content().equals(original.content()) && copy.title().equals(original.title()) ? 1 : 0;
            far += repost.getKey() - repost.getValue() > 100 ? 1 : 0;
        }
        assertThat(identical).isBetween(5, archive.repostOf().size() / 2);
        assertThat(far).isGreaterThan(10);
        Set<String> repostMatters = archive.repostOf().keySet().stream().map(i -> messages.get(i).matter())
                .collect(Collectors.toSet());
        assertThat(messages).filteredOn(m -> m.matter() != null).allMatch(m -> repostMatters.contains(m.matter()));
        assertThat(messages).allMatch(m -> m.phone() == null && m.location() == null);
    }

    @Test
    void nearMissesLookAlikeButAreOtherMatters() {
        CitizenMessages.Archive archive = CitizenMessages.webArchive(5, 4000);
        List<CorpusMessage> messages = archive.messages();
        List<CitizenMessages.NearMiss> samePlace = archive.nearMisses().stream()
                .filter(CitizenMessages.NearMiss::samePlace).toList();
        List<CitizenMessages.NearMiss> sameWording = archive.nearMisses().stream().filter(n -> !n.samePlace()).toList();
        assertThat(samePlace.size()).isGreaterThan(80);
        assertThat(sameWording.size()).isGreaterThan(80);
        for (CitizenMessages.NearMiss n : archive.nearMisses()) {
            CorpusMessage first = messages.get(n.first());
            CorpusMessage second = messages.get(n.second());
            assertThat(second.content()).isNotEqualTo(first.content());
            assertThat(first.matter() == null || !first.matter().equals(second.matter())).isTrue();
        }
        long sharingAPlace = samePlace.stream().filter(n -> n.place() != null
                && (messages.get(n.first()).title() + messages.get(n.first()).content()).contains(n.place())
                && (messages.get(n.second()).title() + messages.get(n.second()).content()).contains(n.place())).count();
        assertThat(sharingAPlace).isGreaterThan(samePlace.size() * 8L / 10);
        long alike = sameWording.stream()
                .filter(n -> similarity(messages.get(n.first()).content(), messages.get(n.second()).content()) > 0.5)
                .count();
        assertThat(alike).isGreaterThan(sameWording.size() * 8L / 10);
    }

    @Test
    void aHotWeeksMattersAreReportedByDistinctCallersInTheirOwnWords() {
        List<CorpusMessage> week = CitizenMessages.hotWeek(3, 12, 6, 200);
        assertThat(week).hasSize(12 * 6 + 200);
        assertThat(week).extracting(CorpusMessage::phone).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(week).extracting(CorpusMessage::location).doesNotContainNull();
        assertThat(week).extracting(CorpusMessage::id).doesNotHaveDuplicates();
        Map<String, List<CorpusMessage>> matters = week.stream().filter(m -> m.matter() != null && m.matter().startsWith("H"))
                .collect(Collectors.groupingBy(CorpusMessage::matter));
        assertThat(matters).hasSize(12);
        int pairs = 0;
        int nearCopies = 0;
        Set<String> matterLocations = new HashSet<>();
        for (List<CorpusMessage> reports : matters.values()) {
            assertThat(reports).hasSize(6);
            assertThat(reports).extracting(CorpusMessage::category).containsOnly(reports.get(0).category());
            assertThat(reports).extracting(CorpusMessage::location).containsOnly(reports.get(0).location());
            matterLocations.add(reports.get(0).location());
            assertThat(reports.stream().map(CorpusMessage::content).map(String::length).collect(Collectors.toSet()))
                    .hasSizeGreaterThan(3);
            for (int i = 0; i < reports.size(); i++) {
                for (int j = i + 1; j < reports.size(); j++) {
                    pairs++;
                    nearCopies += similarity(reports.get(i).content(), reports.get(j).content()) > 0.8 ? 1 : 0;
                }
            }
        }
        assertThat(nearCopies).isLessThan(pairs / 10);
        List<CorpusMessage> noise = week.stream().filter(m -> m.matter() == null || m.matter().startsWith("S")).toList();
        assertThat(noise).hasSize(200);
        assertThat(noise.stream().map(CorpusMessage::category).distinct().count()).isEqualTo(7);
        assertThat(noise).filteredOn(m -> matterLocations.contains(m.location())).hasSizeGreaterThan(10);
        for (List<CorpusMessage> reports : matters.values()) { // spread over the week, not one after the other
            List<Integer> at = reports.stream().map(week::indexOf).sorted().toList();
            assertThat(at.get(at.size() - 1) - at.get(0)).isGreaterThan(20);
        }
    }

    @Test
    void csvKeepsCommasQuotesAndNewlinesInUtf8AndGbk(@TempDir Path dir) throws IOException {
        List<CorpusMessage> messages = new ArrayList<>(CitizenMessages.webArchiveWithReposts(9, 1000));
        messages.add(new CorpusMessage("X1", "关于\"学区\"划分，的问题", "第一行，有逗号,\n第二行有“引号”和\"双引号\"\r\n第三行。",
                "教育文体", null, null, null));
        assertThat(messages).anyMatch(m -> m.content().contains("\n"));
        CorpusFiles.writeCsv(dir.resolve("utf8.csv"), messages);
        CorpusFiles.writeCsvGbk(dir.resolve("gbk.csv"), messages);
        assertThat(read(dir.resolve("utf8.csv"), StandardCharsets.UTF_8)).isEqualTo(rows(messages));
        assertThat(read(dir.resolve("gbk.csv"), CorpusFiles.GBK)).isEqualTo(rows(messages));
        assertThat(Files.readString(dir.resolve("utf8.csv"))).startsWith("title,content,category");
    }

    @Test
    void mainWritesATrainingAndATestFile(@TempDir Path dir) throws IOException {
        CorpusFiles.main(new String[] {dir.resolve("out").toString()});
        List<List<String>> train = read(dir.resolve("out/train.csv"), StandardCharsets.UTF_8);
        List<List<String>> test = read(dir.resolve("out/test.csv"), StandardCharsets.UTF_8);
        assertThat(train).hasSize(3000);
        assertThat(test).hasSize(3000).isNotEqualTo(train);
    }

    private static List<List<String>> rows(List<CorpusMessage> messages) {
        return messages.stream().map(m -> List.of(m.title(), m.content(), m.category())).toList();
    }

    private static List<List<String>> read(Path file, Charset charset) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, charset)) {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : format.parse(in)) {
                rows.add(List.of(record.get("title"), record.get("content"), record.get("category")));
            }
            return rows;
        }
    }

    private static String normalized(String text) {
        return text.replaceAll("[\\s\\p{P}]", "");
    }

    /** Jaccard similarity of the texts' two-character shingles. */
    static double similarity(String a, String b) {
        Set<String> x = bigrams(a);
        Set<String> y = bigrams(b);
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        return both.size() / (double) (x.size() + y.size() - both.size());
    }

    private static Set<String> bigrams(String text) {
        String t = normalized(text);
        Set<String> out = new HashSet<>();
        for (int i = 0; i + 2 <= t.length(); i++) {
            out.add(t.substring(i, i + 2));
        }
        return out;
    }

    /** Multinomial naive Bayes over characters and two-character shingles of title and content. */
    static final class NaiveBayes {
        private final Map<String, Map<String, Integer>> counts = new HashMap<>();
        private final Map<String, Integer> totals = new HashMap<>();
        private final Map<String, Integer> documents = new HashMap<>();
        private final Set<String> vocabulary = new HashSet<>();
        private final int n;

        NaiveBayes(List<CorpusMessage> training) {
            n = training.size();
            for (CorpusMessage m : training) {
                documents.merge(m.category(), 1, Integer::sum);
                Map<String, Integer> c = counts.computeIfAbsent(m.category(), k -> new HashMap<>());
                for (String f : features(m)) {
                    c.merge(f, 1, Integer::sum);
                    totals.merge(m.category(), 1, Integer::sum);
                    vocabulary.add(f);
                }
            }
        }

        String classify(CorpusMessage m) {
            List<String> features = features(m);
            Function<String, Double> score = category -> {
                double s = Math.log(documents.get(category) / (double) n);
                Map<String, Integer> c = counts.get(category);
                double denominator = Math.log(totals.get(category) + vocabulary.size());
                for (String f : features) {
                    s += Math.log(c.getOrDefault(f, 0) + 1) - denominator;
                }
                return s;
            };
            return counts.keySet().stream().max((a, b) -> Double.compare(score.apply(a), score.apply(b))).orElseThrow();
        }

        private static List<String> features(CorpusMessage m) {
            String t = normalized(m.title() + " " + m.content());
            List<String> out = new ArrayList<>();
            for (int i = 0; i + 2 <= t.length(); i++) {
                out.add(t.substring(i, i + 2));
            }
            return out;
        }
    }
}
