package org.lianxin.repeats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lianxin.corpus.CitizenMessages;
import org.lianxin.corpus.CorpusMessage;
import org.lianxin.triage.HistoryArchive;
import org.lianxin.triage.LabelledMessage;

/**
 * Repeats found by their text (`mvn -B -Pbenchmark verify -Dtest=RepeatsBenchmark`): a web archive without phones or
 * places replayed in order through the hub's text index and re-post rule, on top of
 * -Dbenchmark.repeats.open (100,000) other open cases, and prints the share of re-posts that joined their first case,
 * wrong joins per 100 joins, possible repeats offered, and the lookup's time per intake (p50, p99) and the index's
 * build time. The archive: -Dbenchmark.repeats.file=… (CSV or XLSX with title, content, category; messages whose first
 * 60 characters are the same are one group, as the archive's re-posts were counted), else the project's generated
 * web archive (org.lianxin.corpus) of -Dbenchmark.repeats.size messages (4,326), whose re-posts are known.
 */
@Tag("benchmark")
class RepeatsBenchmark {

    static final int CANDIDATES = 10;
    static final double POSSIBLE = 0.85;

    @Test
    void repostsJoinTheirCaseAmongManyOpenOnes() throws IOException {
        List<RepostReplay.Message> archive = archive();
        int open = Integer.getInteger("benchmark.repeats.open", 100_000);
        // other citizens' cases: generated from the same fragments, so a short one can be word for word one of the
        // archive's, which is no other matter; those are left out
        Set<String> archiveTexts = archive.stream().map(m -> RepostRule.letters(m.content())).collect(Collectors.toSet());
        List<String> others = CitizenMessages.labelled(7, open).stream().map(CorpusMessage::content)
                .filter(c -> !archiveTexts.contains(RepostRule.letters(c))).toList();
        OpenCaseIndex index = new OpenCaseIndex();
        long started = System.nanoTime();
        for (int i = 0; i < others.size(); i++) {
            index.add(i, "open" + i, others.get(i));
        }
        index.lookUp("预热", 1);
        double buildSeconds = (System.nanoTime() - started) / 1e9;

        RepostReplay.replay(archive.subList(0, Math.min(500, archive.size())), CANDIDATES, POSSIBLE); // warms up
        RepostReplay.Figures alone = RepostReplay.replay(archive, CANDIDATES, POSSIBLE);
        RepostReplay.Figures among = RepostReplay.replay(archive, CANDIDATES, POSSIBLE, index, open);

        System.out.printf("%nRepeats benchmark: %d messages, %d re-posts of an earlier one (%s)%n", archive.size(),
                alone.reposts(), source());
        print("alone", alone);
        System.out.printf("  index of %,d open cases built in %.1f s%n", others.size(), buildSeconds);
        print("among them", among);
        among.wrong().stream().limit(Integer.getInteger("benchmark.repeats.show-wrong", 0))
                .forEach(w -> System.out.println("  wrong join: " + w));
    }

    private static void print(String label, RepostReplay.Figures f) {
        System.out.printf("  %-10s joined their first case %d of %d (%.1f%%); joins %d, wrong %d (%.2f per 100 joins); "
                + "possible repeats offered on %d new cases (%d of another matter); lookup p50 %.2f ms, p99 %.2f ms%n",
                label, f.joinedFirst(), f.reposts(), 100 * f.recall(), f.joins(), f.wrongJoins(), f.wrongPer100Joins(),
                f.offers(), f.wrongOffers(), f.percentileMillis(0.5), f.percentileMillis(0.99));
    }

    private static String source() {
        String file = System.getProperty("benchmark.repeats.file");
        return file == null || file.isBlank() ? "generated web archive" : file;
    }

    private static List<RepostReplay.Message> archive() throws IOException {
        String file = System.getProperty("benchmark.repeats.file");
        if (file == null || file.isBlank()) {
            return CitizenMessages.webArchiveWithReposts(4326, Integer.getInteger("benchmark.repeats.size", 4326))
                    .stream().map(m -> new RepostReplay.Message(m.content(), m.matter())).toList();
        }
        List<LabelledMessage> rows = HistoryArchive.readAsWritten(Files.readAllBytes(Path.of(file))).rows();
        Map<String, Integer> firstOf = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (LabelledMessage row : rows) {
            counts.merge(head(row.content()), 1, Integer::sum);
        }
        List<RepostReplay.Message> messages = new ArrayList<>();
        for (LabelledMessage row : rows) {
            String head = head(row.content());
            firstOf.putIfAbsent(head, messages.size());
            messages.add(new RepostReplay.Message(row.content(), counts.get(head) > 1 ? head : null));
        }
        return messages;
    }

    /** The first 60 characters, as the archive's re-posts were counted. */
    private static String head(String content) {
        String text = content == null ? "" : content.strip();
        return text.length() <= 60 ? text : text.substring(0, text.offsetByCodePoints(0, 60));
    }
}
