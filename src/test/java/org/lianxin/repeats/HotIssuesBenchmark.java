package org.lianxin.repeats;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lianxin.corpus.CitizenMessages;
import org.lianxin.corpus.CorpusMessage;

/**
 * Hot issues at a county's scale (`mvn -B -Pbenchmark verify -Dtest=HotIssuesBenchmark`): generated weeks of hotline
 * reports (org.lianxin.corpus: real matters told by six citizens each among unrelated requests; every call noted
 * with its place, then a third without), clustered as
 * direct:hot-clusters does, and prints for each size the time of the first computation (every text analysed) and of
 * the next ones (texts known; the median of three), the matters found hot, the hot issues that hold two reported
 * matters (chains) and the purity: the share of the hot issues' cases that belong to their issue's main matter.
 */
@Tag("benchmark")
class HotIssuesBenchmark {

    @Test
    void weeksOfAThousandToTenThousandReports() {
        System.out.printf("%nHot issues benchmark (threshold 0.4, at most 200 cases a cluster, from 5 citizens)%n");
        week(1, 12, 600, 0); // warms up
        for (int withoutPlace : new int[] {0, 3}) {
            System.out.println(withoutPlace == 0 ? "  every call noted with its place:"
                    : "  a third of the calls noted without a place (placed by the place their text names, if any):");
            for (int[] size : new int[][] {{12, 600}, {40, 2_000}, {150, 9_100}}) {
                Figures f = week(2, size[0], size[1], withoutPlace);
                System.out.printf("  %,8d reports (%d matters): first %,d ms, again %,d ms; %d hot issues, %d of %d "
                        + "matters found hot, %d chains, purity %.1f%%%n", f.reports, size[0], f.firstMillis,
                        f.againMillis, f.hot, f.found, size[0], f.chains, 100.0 * f.pure / Math.max(1, f.clustered));
            }
        }
    }

    record Figures(int reports, long firstMillis, long againMillis, int hot, int found, int chains, int pure,
            int clustered) {
    }

    /** The week clustered, every n-th call noted without a place (0: none). */
    static Figures week(long seed, int matters, int noise, int withoutPlaceEvery) {
        List<CorpusMessage> week = CitizenMessages.hotWeek(seed, matters, 6, noise);
        List<Map<String, Object>> rows = HotMattersTest.rows(week);
        for (int i = 0; withoutPlaceEvery > 0 && i < rows.size(); i += withoutPlaceEvery) {
            rows.get(i).put("location", null);
        }
        HotClusters hot = HotClustersTest.hotClusters(5);
        long started = System.nanoTime();
        List<Map<String, Object>> clusters = hot.clusters(rows);
        long first = (System.nanoTime() - started) / 1_000_000;
        long[] runs = new long[3];
        for (int i = 0; i < runs.length; i++) {
            started = System.nanoTime();
            hot.clusters(rows);
            runs[i] = (System.nanoTime() - started) / 1_000_000;
        }
        long again = Arrays.stream(runs).sorted().toArray()[1];
        int chains = 0;
        int pure = 0;
        int clustered = 0;
        for (Map<String, Object> cluster : clusters) {
            Map<String, Long> byMatter = HotMattersTest.byMatter(cluster, week);
            if (byMatter.keySet().stream().filter(m -> m.startsWith("H")).count() > 1) {
                chains++;
            }
            pure += byMatter.values().stream().mapToLong(Long::longValue).max().orElse(0);
            clustered += ((List<?>) cluster.get("cases")).size();
        }
        return new Figures(week.size(), first, again, clusters.size(), HotMattersTest.reported(clusters, week).size(),
                chains, pure, clustered);
    }
}
