package org.lianxin.repeats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.lianxin.corpus.CitizenMessages;
import org.lianxin.corpus.CorpusMessage;

/**
 * Hot issues on weeks of generated reports (org.lianxin.corpus): each real matter told by distinct citizens in
 * their own words, among unrelated requests of which some share a matter's place or its words at another place.
 * A hot issue holds one matter only, however many weeks are tried.
 */
class HotMattersTest {

    /** The week as the route's rows: one case per message, numbered in the order received, each from its phone. */
    static List<Map<String, Object>> rows(List<CorpusMessage> week) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < week.size(); i++) {
            CorpusMessage m = week.get(i);
            rows.add(HotClustersTest.row(caseNo(i), m.location(), m.content(), i + 1, m.phone(),
                    HotClustersTest.NOW.minusMinutes(week.size() - i)));
        }
        return rows;
    }

    static final long FIRST_CASE = 2026100000L;

    static String caseNo(int index) {
        return String.valueOf(FIRST_CASE + index);
    }

    /** The matters of a cluster's cases (a message alone is its own "matter"). */
    static Set<String> matters(Map<String, Object> cluster, List<CorpusMessage> week) {
        return byMatter(cluster, week).keySet();
    }

    /**
     * Three quiet weeks of two matters among 300 unrelated reports: nothing chains, every week finds at least one of
     * its two matters and the three weeks together at least five of six.
     */
    @Test
    void twoMattersAmongNoiseAreFoundAndNothingChains() {
        int found = 0;
        for (long seed = 11; seed <= 13; seed++) {
            Set<String> reported = foundWithoutChains(seed, 2, 300);
            assertThat(reported).as("week " + seed).isNotEmpty().isSubsetOf("H0001", "H0002");
            found += reported.size();
        }
        assertThat(found).as("matters found hot in three weeks").isGreaterThanOrEqualTo(5);
    }

    /**
     * Five busy weeks of 672 reports: no cluster chains two reported matters or two places, and at least three
     * quarters of the matters are found (one hot cluster holds two thirds of the matter's reports or more).
     */
    @Test
    void inBusyWeeksNoHotIssueChainsMattersAndManyMattersAreFound() {
        int matters = 0;
        int found = 0;
        for (long seed = 1; seed <= 5; seed++) {
            matters += 12;
            found += foundWithoutChains(seed, 12, 600).size();
        }
        System.out.printf("Hot issues on 5 generated weeks: %d of %d reported matters found hot%n", found, matters);
        assertThat(found).as("matters found hot").isGreaterThanOrEqualTo(matters * 3 / 4);
    }

    /** The reported matters found hot in a generated week (six callers each), once no cluster chains. */
    static Set<String> foundWithoutChains(long seed, int matters, int noise) {
        List<CorpusMessage> week = CitizenMessages.hotWeek(seed, matters, 6, noise);
        List<Map<String, Object>> clusters = HotClustersTest.hotClusters(5).clusters(rows(week));
        for (Map<String, Object> cluster : clusters) {
            assertNoChain(cluster, week, "week " + seed);
        }
        return reported(clusters, week);
    }

    /**
     * At most one reported matter in the cluster, and at least two thirds of its cases at its main place. (Other
     * problems told at a matter's place may join it when they are worded alike: the generator tells 17 to 50 of them
     * at each matter's place a week, wages, injuries and contracts at one company among them.)
     */
    static void assertNoChain(Map<String, Object> cluster, List<CorpusMessage> week, String where) {
        Map<String, Long> byMatter = byMatter(cluster, week);
        Map<String, Long> byPlace = ((List<?>) cluster.get("cases")).stream().map(no -> message(no, week))
                .collect(Collectors.groupingBy(CorpusMessage::location, TreeMap::new, Collectors.counting()));
        String as = "%s, cluster %s: %s at %s".formatted(where, cluster.get("label"), byMatter, byPlace);
        assertThat(byMatter.keySet().stream().filter(m -> m.startsWith("H"))).as(as).hasSizeLessThan(2);
        long main = byPlace.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(main * 3).as(as).isGreaterThanOrEqualTo(((List<?>) cluster.get("cases")).size() * 2L);
    }

    /** The reported matters (H…) found hot: at least two thirds of a matter's reports in one hot cluster. */
    static Set<String> reported(List<Map<String, Object>> clusters, List<CorpusMessage> week) {
        Map<String, Long> reports = week.stream().filter(m -> m.matter() != null)
                .collect(Collectors.groupingBy(CorpusMessage::matter, Collectors.counting()));
        return clusters.stream().flatMap(c -> byMatter(c, week).entrySet().stream())
                .filter(e -> e.getKey().startsWith("H") && e.getValue() * 3 >= reports.get(e.getKey()) * 2)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
    }

    static Map<String, Long> byMatter(Map<String, Object> cluster, List<CorpusMessage> week) {
        return ((List<?>) cluster.get("cases")).stream().map(no -> message(no, week))
                .collect(Collectors.groupingBy(HotMattersTest::matter, TreeMap::new, Collectors.counting()));
    }

    static CorpusMessage message(Object caseNo, List<CorpusMessage> week) {
        return week.get((int) (Long.parseLong((String) caseNo) - FIRST_CASE));
    }

    static String matter(CorpusMessage m) {
        return m.matter() == null ? "alone:" + m.id() : m.matter();
    }
}
