package org.lianxin.repeats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.cases.PlaceKeys;
import org.lianxin.cases.SlipMessages;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Which open case a new intake repeats, decided without a database from the candidates the routes read. */
class RepeatCheckTest {

    static final RepeatCheck CHECK = new RepeatCheck(TextSimilarityTest.SIMILARITY,
            new SlipMessages(new ObjectMapper(), "q.email", "q.sms"),
            Clock.fixed(Instant.parse("2026-12-06T01:00:00Z"), ZoneOffset.UTC), 30, 0.45, 7, 0.55, 10, 0.85);

    static Map<String, Object> intake(String content, String location) {
        Map<String, Object> p = new HashMap<>();
        p.put("content", content);
        p.put("location", location);
        p.put("placeKey", PlaceKeys.of(location));
        return p;
    }

    static Map<String, Object> candidate(String caseNo, String content, String location) {
        Map<String, Object> c = new HashMap<>();
        c.put("case_no", caseNo);
        c.put("query_code", "Q" + caseNo.substring(caseNo.length() - 3));
        c.put("content", content);
        c.put("location", location);
        c.put("place_key", PlaceKeys.of(location));
        return c;
    }

    static final String LIGHTS = "翠湖苑小区东门外的三盏路灯已经坏了一个多星期，晚上出门一片漆黑，老人孩子走路很不安全，请尽快派人修理。";

    @Test
    void theSameMessagePostedAgainJoinsItsCaseFromAnyoneAnywhere() {
        Map<String, Object> repeat = CHECK.decide(intake(LIGHTS, null), null, null,
                List.of(candidate("2026000101", "城西菜市场门口占道经营严重，早上车辆无法通行，希望城管部门加强管理。", null),
                        candidate("2026000102", LIGHTS, "翠湖苑")));
        assertThat(repeat).containsEntry("caseNo", "2026000102").containsEntry("rule", "text")
                .containsEntry("score", 1.0);
    }

    @Test
    void theSameCallerAboutTheSameMatterJoinsButNotAboutAnotherPlace() {
        String again = "翠湖苑小区东门外的路灯坏了一个多星期了，晚上一片漆黑，走路很不安全，请尽快修理。";
        Map<String, Object> sameCaller = CHECK.decide(intake(again, "翠湖苑东门"),
                List.of(candidate("2026000103", LIGHTS, "翠湖苑东门")), null, List.of());
        assertThat(sameCaller).containsEntry("caseNo", "2026000103").containsEntry("rule", "citizen");

        // the same words about another estate's lights are another matter, however alike
        Map<String, Object> elsewhere = CHECK.decide(intake(again.replace("翠湖苑", "锦绣花园"), "锦绣花园东门"),
                List.of(candidate("2026000103", LIGHTS, "翠湖苑东门")), null, List.of());
        assertThat(elsewhere).isNull();
    }

    @Test
    void aNeighbourAboutAnotherMatterAtTheSamePlaceIsACaseOfItsOwn() {
        Map<String, Object> repeat = CHECK.decide(
                intake("翠湖苑小区东门的垃圾桶三天没人清运，臭味很大，夏天苍蝇很多，请环卫部门处理。", "翠湖苑东门"), null,
                List.of(candidate("2026000104", LIGHTS, "翠湖苑东门")), List.of());
        assertThat(repeat).isNull();
    }

    @Test
    void nearlyTheSameTextNotJoinedIsOfferedToStaffOncePerCaseMostAlikeFirst() {
        String edited = LIGHTS.replace("一个多星期", "十来天");
        List<Map<String, Object>> offered = CHECK.possible(intake(edited, null), null, List.of(
                candidate("2026000105", LIGHTS, null), candidate("2026000105", LIGHTS + "谢谢！", null),
                candidate("2026000106", edited + "！", null),
                // two small edits away: below the threshold (0.84)
                candidate("2026000107", LIGHTS.replace("三盏", "两盏"), null),
                candidate("2026000108", "城西菜市场门口占道经营严重，早上车辆无法通行。", null)));
        assertThat(offered).extracting(o -> o.get("repeatOf")).containsExactly("2026000106", "2026000105");
        assertThat(offered).allSatisfy(o -> assertThat((Double) o.get("score")).isGreaterThanOrEqualTo(0.85));
        assertThat(CHECK.possible(intake(edited, null), Map.of("caseNo", "2026000105"),
                List.of(candidate("2026000105", LIGHTS, null)))).as("none when the intake joined a case").isEmpty();
    }
}
