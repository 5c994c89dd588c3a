package org.lianxin.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.cases.OutboxMessage;

import com.fasterxml.jackson.databind.ObjectMapper;

class SyncPlannerTest {

    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-30T02:00:00Z");
    static final CitizenSms SMS = new CitizenSms("【某某县】", 3, "");

    static SyncPlanner planner(String portal, String hotline) {
        return new SyncPlanner(SMS, new ObjectMapper(), portal, hotline, "q.portal", "q.hotline", "q.sms",
                "portal_reply");
    }

    static Map<String, Object> answer(String kind) {
        Map<String, Object> a = new HashMap<>();
        a.put("ref", "A1");
        a.put("case_no", "2026000123");
        a.put("slip_no", "2026000123-1");
        a.put("kind", kind);
        a.put("body", "已处理");
        a.put("published_at", NOW);
        a.put("query_code", "K7M2QX");
        a.put("department_name", "县水务局");
        return a;
    }

    static Map<String, Object> intake(long id, String channel, String phone) {
        Map<String, Object> i = new HashMap<>();
        i.put("id", id);
        i.put("channel", channel);
        i.put("external_id", "X" + id);
        i.put("citizen_phone", phone);
        return i;
    }

    static List<String> targets(List<Map<String, Object>> records) {
        return records.stream().map(r -> r.get("intakeId") + ":" + r.get("target")).toList();
    }

    @Test
    void eachChannelGetsItsOwnTargetsAndTheSurveyFollowsOnlyTheFinalAnswer() {
        List<Map<String, Object>> intakes = List.of(intake(1, "open311", "13800000001"),
                intake(2, "hotline", "13800000002"), intake(3, "desk", "13800000003"),
                intake(4, "portal", null));
        SyncPlanner planner = planner("portal-http-sink", "hotline-http-sink");

        assertThat(targets(planner.plan(answer("PROGRESS"), intakes, NOW)))
                .containsExactly("1:portal", "2:hotline", "2:sms", "3:sms", "4:portal");
        assertThat(targets(planner.plan(answer("FINAL"), intakes, NOW))).containsExactly("1:portal", "1:survey",
                "2:hotline", "2:sms", "2:survey", "3:sms", "3:survey", "4:portal");
        assertThat(targets(planner.plan(answer("EXPLANATION"), intakes, NOW))).doesNotContain("1:survey");
    }

    @Test
    void noConnectorNoRecordAndNoMobileNoSms() {
        List<Map<String, Object>> intakes = List.of(intake(1, "open311", "13800000001"),
                intake(2, "hotline", "010-12345678"), intake(3, "desk", "13800000003"));

        assertThat(targets(planner("none", "none").plan(answer("FINAL"), intakes, NOW)))
                .containsExactly("1:survey", "3:sms", "3:survey");
    }

    @Test
    void aPhoneTwoIntakesShareGetsEachMessageOnce() {
        List<Map<String, Object>> intakes = List.of(intake(1, "hotline", "13800000002"),
                intake(2, "desk", "+86 138 0000 0002"));

        assertThat(targets(planner("none", "none").plan(answer("FINAL"), intakes, NOW)))
                .containsExactly("1:sms", "1:survey");
    }

    @Test
    void aRecordIsKeyedByAnswerIntakeAndTargetAndTheSurveyBySlip() {
        List<Map<String, Object>> records = planner("none", "hotline-file-sink").plan(answer("FINAL"),
                List.of(intake(7, "hotline", "13800000002")), NOW);

        assertThat(records).extracting(r -> r.get("ref")).containsExactly("A1.7.hotline", "A1.7.sms",
                "survey.2026000123-1.7");
        assertThat(records.get(2)).containsEntry("target", "survey").containsEntry("address", "13800000002");
        // only the records this answer made are queued: the survey was kept from an earlier answer
        List<OutboxMessage> queued = planner("none", "hotline-file-sink").outbox(records,
                List.of(Map.of("ref", "A1.7.hotline"), Map.of("ref", "A1.7.sms")));
        assertThat(queued).containsExactly(
                new OutboxMessage("2026000123", "q.hotline", "{\"ref\":\"A1.7.hotline\",\"round\":1}",
                        "sync:A1.7.hotline:1", NOW),
                new OutboxMessage("2026000123", "q.sms", "{\"ref\":\"A1.7.sms\",\"round\":1}", "sync:A1.7.sms:1",
                        NOW));
        assertThat((String) records.get(0).get("body")).contains("\"recordId\":\"X7\"", "\"kind\":\"final\"",
                "\"publishedAt\":\"2026-11-30T10:00+08:00\"");
    }

    @Test
    void aPortalTableThatIsNoTableNameStopsTheStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SyncPlanner(SMS, new ObjectMapper(),
                "portal-sql-sink", "none", "a", "b", "c", "portal_reply; drop table x"))
                .withMessageContaining("lianxin.sync.portal.sql.table");
    }
}
