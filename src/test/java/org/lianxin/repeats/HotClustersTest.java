package org.lianxin.repeats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.lianxin.support.MovableClock;

/**
 * Hot-issue clustering on realistic requests (the window itself is the route's query, see
 * org.lianxin.supervision.HotIssuesTest): six citizens about one 停水 make a hot issue however they word it, four
 * about a broken lift do not reach five, and other matters at the same estate stay out.
 */
public class HotClustersTest {

    static final TextSimilarity SIMILARITY = new TextSimilarity();
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-10-15T10:00:00+08:00");

    /** Six callers about the water cut at 幸福小区, in their own words, with or without the building. */
    public static final String[][] WATER = {
            {"幸福小区2号楼", "幸福小区从昨天早上开始停水，到现在还没来水，也没看到任何停水通知。"},
            {"幸福小区5号楼", "幸福小区停水一天多了，家里老人孩子喝水做饭都成问题，请尽快恢复供水。"},
            {"幸福小区", "我们小区（幸福小区）突然停水，打自来水公司电话一直占线，什么时候能来水？"},
            {"幸福小区7号楼", "7号楼停水快两天了，没有提前通知，上班前连脸都洗不了。"},
            {"城关镇幸福小区", "幸福小区全小区停水，物业说是水管爆了，但一直没人来修，请供水部门尽快抢修。"},
            {"幸福小区", "停水到现在还没恢复供水，超市的桶装水都卖光了，希望尽快来水。"}};
    static final String[][] LIFT = {
            {null, "锦绣花园5栋电梯又坏了，今天困了人，物业不管。"},
            {null, "锦绣花园5栋电梯三天两头坏，今天又把人困在电梯里面，物业推脱不管。"},
            {null, "锦绣花园的电梯经常坏，上周还困过人，物业一直不修。"},
            {null, "锦绣花园5栋电梯停运好几天了，老人爬不了楼，物业不管。"}};
    static final String[][] OTHERS = {
            {"幸福小区", "幸福小区门口的路灯坏了一个星期了，晚上一片漆黑。"},
            {"幸福小区", "幸福小区物业乱收停车费，每个月涨了一百块。"},
            {null, "建设路上的餐馆油烟太大，熏得窗户都不能开。"},
            {"滨河公园", "滨河公园广场舞音响声音太大，晚上十点以后还在放。"},
            {null, "想咨询一下孩子上小学入学需要准备哪些材料。"},
            {null, "阳光花园小区停电一整天了，冰箱里的东西都坏了，供电所也没通知。"},
            {null, "和平路自来水管破裂，路面全是水，车辆没法通行。"}};

    HotClusters hot = hotClusters(5);

    static HotClusters hotClusters(int minCitizens) {
        return new HotClusters(SIMILARITY, Clock.fixed(NOW.toInstant(), ZoneOffset.UTC), 7, minCitizens,
                0.4, 1000, 200, Duration.ofMinutes(1));
    }

    /** Cases numbered from first, one intake each from its own phone, an hour apart. */
    static List<Map<String, Object>> cases(long first, String[][] texts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            rows.add(row(String.valueOf(first + i), texts[i][0], texts[i][1], 100 * first + i, "1380000" + (first + i),
                    NOW.minusHours(texts.length - i)));
        }
        return rows;
    }

    static Map<String, Object> row(String caseNo, String location, String content, long intakeId, String phone,
            OffsetDateTime received) {
        Map<String, Object> row = new HashMap<>();
        row.put("case_no", caseNo);
        row.put("title", content.substring(0, 8));
        row.put("content", content);
        row.put("location", location);
        row.put("status", "DISPATCHED");
        row.put("intake_id", intakeId);
        row.put("citizen_phone", phone);
        row.put("received_at", received);
        return row;
    }

    @Test
    void sixCitizensAboutOneWaterCutAreAHotIssueAndOtherMattersStayOut() {
        List<Map<String, Object>> rows = new ArrayList<>(cases(2026000100L, WATER));
        rows.addAll(cases(2026000200L, LIFT));
        rows.addAll(cases(2026000300L, OTHERS));

        List<Map<String, Object>> clusters = hot.clusters(rows);

        assertThat(clusters).hasSize(1);
        Map<String, Object> water = clusters.get(0);
        assertThat(water.get("cases")).isEqualTo(List.of("2026000100", "2026000101", "2026000102", "2026000103",
                "2026000104", "2026000105"));
        assertThat(water.get("clusterId")).isEqualTo("2026000100");
        assertThat(water.get("citizens")).isEqualTo(6);
        assertThat(water.get("intakes")).isEqualTo(6);
        assertThat((String) water.get("label")).startsWith("停水");
        assertThat(water.get("first")).isEqualTo(NOW.minusHours(6).toString());
        assertThat(water.get("last")).isEqualTo(NOW.minusHours(1).toString());
        assertThat((List<?>) water.get("details")).hasSize(6);
    }

    @Test
    void aLocationNamesItsPlaceWithoutTheBuildingUnitOrGate() {
        assertThat(HotClusters.placeOf("翠湖苑123期5号楼")).isEqualTo("翠湖苑123期");
        assertThat(HotClusters.placeOf("翠湖苑3栋2单元")).isEqualTo("翠湖苑");
        assertThat(HotClusters.placeOf("幸福小区东门")).isEqualTo("幸福小区");
        assertThat(HotClusters.placeOf("城关镇翠湖苑123期")).isEqualTo("城关镇翠湖苑123期");
        assertThat(HotClusters.placeOf("人民路88号")).isEqualTo("人民路");
        assertThat(HotClusters.placeOf("5号楼")).isEqualTo("5号楼");
        assertThat(HotClusters.placeOf(null)).isNull();
    }

    @Test
    void pagesTakeTheLatestClustersWhileRecentAndTheRouteRecomputesWhenSomethingWasAdded() {
        MovableClock clock = new MovableClock();
        HotClusters cache = new HotClusters(SIMILARITY, clock, 7, 5, 0.4, 1000, 200, Duration.ofMinutes(1));
        List<Map<String, Object>> computed = cache.compute(cases(2026000100L, WATER), "intakes 6");

        assertThat(cache.cached("intakes 6", null, null)).isSameAs(computed);
        assertThat(cache.cached("intakes 7", false, null)).as("an intake was added").isNull();
        assertThat(cache.cached("intakes 7", true, null)).as("a page takes the latest").isSameAs(computed);
        assertThat(cache.cached("intakes 6", true, true)).as("the timer computes anew").isNull();
        clock.moveBy(Duration.ofSeconds(61));
        assertThat(cache.cached("intakes 6", null, null)).as("older than cache-for").isNull();
        assertThat(cache.cached("intakes 7", true, null)).isNull();
    }

    @Test
    void theTimersNextRunWaitsNineTimesAsLongAsTheLastTook() {
        Instant[] now = {NOW.toInstant()};
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now[0];
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        HotClusters hot = new HotClusters(SIMILARITY, clock, 7, 5, 0.4, 1000, 200, Duration.ofMinutes(1));
        assertThat(hot.refreshDue()).as("never run").isTrue();
        long started = System.nanoTime();
        hot.compute(cases(2026000100L, WATER), "intakes 6");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(hot.refreshDue()).as("just run").isFalse();
        now[0] = now[0].plus(took.multipliedBy(9)).plusMillis(1);
        assertThat(hot.refreshDue()).as("nine times as long as it took later").isTrue();
    }

    @Test
    void ofTwoRunsAtOnceTheOneThatReadMoreIsKept() {
        HotClusters cache = hotClusters(5);
        List<Map<String, Object>> newer = cache.compute(cases(2026000100L, WATER), Map.of("intakes", 7L, "events", 3L));
        cache.compute(cases(2026000100L, LIFT), Map.of("intakes", 6L, "events", 3L)); // began before, ended after

        assertThat(cache.cached(Map.of("intakes", 6L, "events", 3L), true, null)).isSameAs(newer);
    }

    @Test
    void oneWaterCutAtTwoEstatesIsTwoMattersEvenThroughCallsWithoutAPlace() {
        String[][] both = new String[WATER.length * 2][];
        for (int i = 0; i < WATER.length; i++) {
            both[i] = WATER[i];
            both[WATER.length + i] = new String[] {WATER[i][0].replace("幸福小区", "阳光花园"),
                    WATER[i][1].replace("幸福小区", "阳光花园")};
        }
        List<Map<String, Object>> rows = new ArrayList<>(cases(2026000100L, both));
        // callers who named no place and said it in the words of both estates' callers
        rows.addAll(cases(2026000200L, new String[][] {{null, "小区停水一天多了，到现在还没来水，请尽快恢复供水。"},
                {null, "突然停水，到现在还没恢复供水，没看到停水通知，请供水部门尽快抢修。"}}));

        for (Map<String, Object> cluster : hotClusters(4).clusters(rows)) {
            Set<String> estates = ((List<?>) cluster.get("cases")).stream().map(no -> rows.stream()
                    .filter(r -> r.get("case_no").equals(no)).findFirst().orElseThrow().get("location"))
                    .filter(l -> l != null).map(l -> ((String) l).contains("阳光") ? "阳光花园" : "幸福小区")
                    .collect(Collectors.toSet());
            assertThat(estates).as("cluster %s", cluster.get("cases")).hasSizeLessThan(2);
        }
    }

    @Test
    void aMatterOfEightyReportsInABusyWeekIsOneHotIssueMostly() {
        List<org.lianxin.corpus.CorpusMessage> week = org.lianxin.corpus.CitizenMessages.hotWeek(21, 1, 80, 900);
        List<Map<String, Object>> clusters = hotClusters(5).clusters(HotMattersTest.rows(week));
        long largest = clusters.stream().mapToLong(c -> HotMattersTest.byMatter(c, week).getOrDefault("H0001", 0L))
                .max().orElse(0);
        assertThat(largest).as("of the matter's 80 reports, in its largest hot issue (by cluster: %s)",
                clusters.stream().map(c -> HotMattersTest.byMatter(c, week).getOrDefault("H0001", 0L)).toList())
                .isGreaterThanOrEqualTo(60);
    }

    @Test
    void fourCitizensDoNotReachFiveButAreAClusterFromFour() {
        List<Map<String, Object>> rows = cases(2026000200L, LIFT);
        assertThat(hot.clusters(rows)).isEmpty();

        List<Map<String, Object>> fromFour = hotClusters(4).clusters(rows);
        assertThat(fromFour).hasSize(1);
        assertThat(fromFour.get(0).get("cases")).isEqualTo(List.of("2026000200", "2026000201", "2026000202",
                "2026000203"));
        assertThat((String) fromFour.get(0).get("label")).contains("电梯");
    }

    @Test
    void citizensAreCountedAcrossTheIntakesThatJoinedACase() {
        List<Map<String, Object>> rows = new ArrayList<>(cases(2026000200L, LIFT));
        // A repeat from the first caller's phone again counts no one new ...
        rows.add(row("2026000200", null, LIFT[0][1], 9001, "13800002026000200", NOW.minusMinutes(30)));
        rows.add(row("2026000200", null, LIFT[0][1], 9002, "13800002026000200", NOW.minusMinutes(20)));
        assertThat(hot.clusters(rows)).isEmpty();
        // ... an intake without a phone (a walk-in without one) counts as one citizen: five.
        rows.add(row("2026000201", null, LIFT[1][1], 9003, null, NOW.minusMinutes(10)));

        List<Map<String, Object>> clusters = hot.clusters(rows);
        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).get("citizens")).isEqualTo(5);
        assertThat(clusters.get(0).get("intakes")).isEqualTo(7);
        assertThat(clusters.get(0).get("last")).isEqualTo(NOW.minusMinutes(10).toString());
    }

    @Test
    void theClustersDoNotDependOnTheOrderOfTheRows() {
        List<Map<String, Object>> rows = new ArrayList<>(cases(2026000100L, WATER));
        rows.addAll(cases(2026000200L, LIFT));
        rows.addAll(cases(2026000300L, OTHERS));
        List<Map<String, Object>> once = hotClusters(4).clusters(rows);
        Collections.shuffle(rows, new Random(7));
        assertThat(hotClusters(4).clusters(rows)).isEqualTo(once);
        assertThat(once).extracting(c -> c.get("clusterId")).containsExactly("2026000100", "2026000200");
    }

    /**
     * A busy county week, timed: 600 cases (the window reads up to 1000), the requests above at a dozen places: the
     * water cut at each place is a matter of its own, no cluster holds two places, and the water cut's clusters hold
     * little else. Also
     * timed: scoring every pair once, what clustering costs when no two cases are alike.
     */
    @Test
    void aWeekOfSixHundredCasesIsClusteredInWellUnderASecond() {
        String[] places = {"幸福小区", "阳光花园", "锦绣花园", "和平路", "建设路", "滨河公园", "城关镇", "人民路", "东关村",
                "南湖新村", "火车站广场", "县一中"};
        List<String[]> requests = new ArrayList<>(List.of(WATER));
        requests.addAll(List.of(LIFT));
        requests.addAll(List.of(OTHERS));
        Random random = new Random(42);
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, String> kindOf = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            int r = random.nextInt(requests.size());
            String[] request = requests.get(r);
            String place = places[random.nextInt(places.length)];
            String content = request[1].replace("幸福小区", place).replace("锦绣花园", place);
            String caseNo = String.valueOf(2026001000L + i);
            kindOf.put(caseNo, r < WATER.length ? "water" : r < WATER.length + LIFT.length ? "lift" : "other" + r);
            rows.add(row(caseNo, request[0] == null ? null : place, content, 50_000 + i,
                    "139" + String.format("%08d", i), NOW.minusMinutes(10L * i)));
        }
        hot.clusters(rows.subList(0, 20));
        long started = System.nanoTime();
        List<Map<String, Object>> clusters = hot.clusters(rows);
        long clustering = (System.nanoTime() - started) / 1_000_000;

        List<TextSimilarity.Prepared> texts = rows.stream().map(r -> SIMILARITY.prepare((String) r.get("content"),
                (String) r.get("location"))).toList();
        started = System.nanoTime();
        int alike = 0;
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                alike += SIMILARITY.score(texts.get(i), texts.get(j)) >= 0.25 ? 1 : 0;
            }
        }
        long everyPair = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Hot issues: 600 cases, %d hot clusters (largest %d cases), clustered in %d ms; "
                + "every pair (179,700, %d alike) scored in %d ms%n", clusters.size(),
                clusters.stream().mapToInt(c -> ((List<?>) c.get("cases")).size()).max().orElse(0), clustering, alike,
                everyPair);
        Map<String, Map<String, Object>> byCase = new HashMap<>();
        rows.forEach(r -> byCase.put((String) r.get("case_no"), r));
        int waterPlaces = 0;
        for (Map<String, Object> cluster : clusters) {
            List<?> cases = (List<?>) cluster.get("cases");
            Map<String, Long> kinds = cases.stream().collect(Collectors.groupingBy(kindOf::get, Collectors.counting()));
            Set<Object> at = cases.stream().map(no -> byCase.get(no).get("location")).filter(l -> l != null)
                    .collect(Collectors.toSet());
            assertThat(at).as("places of %s", cluster.get("label")).hasSizeLessThan(2);
            // the water cut is not diluted; two other requests at one place that share a word may be one cluster
            // (ten people at one place about its lights and its square dancing at night, 晚上)
            if (Collections.max(kinds.entrySet(), Map.Entry.comparingByValue()).getKey().equals("water")) {
                waterPlaces++;
                assertThat(kinds.get("water") * 3).as("%s", kinds).isGreaterThanOrEqualTo(cases.size() * 2L);
            }
        }
        assertThat(waterPlaces).as("the water cut found hot at most of the 12 places").isGreaterThanOrEqualTo(10);
        assertThat(clustering).isLessThan(Duration.ofSeconds(5).toMillis());
    }
}
