package org.lianxin.repeats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianxin.repeats.RepeatFixtures.building;
import static org.lianxin.repeats.RepeatFixtures.call;
import static org.lianxin.repeats.RepeatFixtures.phone;
import static org.lianxin.repeats.RepeatIntakeTest.STREETLIGHT;
import static org.lianxin.repeats.RepeatIntakeTest.STREETLIGHT_AGAIN;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubClient;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.WithoutTriage;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/** Staff merge a case into another and split an intake off into a new case, with events on both cases. */
@LianxinTest
@WithoutTriage
@TestPropertySource(properties = "lianxin.repeats.enabled=true")
class CaseMergeTest extends HubTestSupport {

    HttpAnswer post(String path, String json) {
        return hub().postJson(path, json, HubClient.admin());
    }

    String event(String caseNo, String action) {
        return db.queryForObject("select note from case_event where case_no = ? and action = ?", String.class, caseNo,
                action);
    }

    @Test
    void aCaseMergedIntoAnotherTakesItsIntakesAlongAndCanBeSplitOffAgain() {
        String place = building();
        String a = call(hub(), phone(), place, STREETLIGHT.formatted(place)).get("caseNo").asText();
        // Another caller, written differently enough to make a case of its own.
        String bText = place + "那边晚上黑乎乎的，灯不亮。";
        String b = call(hub(), phone(), "城东" + place, bText).get("caseNo").asText();
        assertThat(b).isNotEqualTo(a);

        HttpAnswer merged = post("/api/cases/" + b + "/merge", "{\"into\":\"" + a + "\",\"note\":\"同一路灯\"}");
        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        assertThat(merged.json().get("mergedInto").asText()).isEqualTo(a);
        assertThat(db.queryForMap("select status, merged_into from citizen_case where case_no = ?", b))
                .containsEntry("status", "MERGED").containsEntry("merged_into", a);
        assertThat(db.queryForObject("select repeat_count from citizen_case where case_no = ?", Integer.class, a))
                .isEqualTo(1);
        assertThat(event(b, "merged")).contains("并入案件 " + a, "同一路灯");
        assertThat(event(a, "merge-received")).contains(b, "受理 1 件");
        JsonNode view = hub().get("/api/cases/" + a, HubClient.admin()).json();
        assertThat(view.get("intakes")).hasSize(2);
        JsonNode movedIntake = view.get("intakes").get(1);
        assertThat(movedIntake.get("content").asText()).isEqualTo(bText);

        // A merged case takes no more merges, and nothing merges into it.
        assertThat(post("/api/cases/" + b + "/merge", "{\"into\":\"" + a + "\"}").status()).isEqualTo(409);
        assertThat(post("/api/cases/" + a + "/merge", "{\"into\":\"" + b + "\"}").status()).isEqualTo(409);

        HttpAnswer split = post("/api/cases/" + a + "/split", "{\"intakeId\":" + movedIntake.get("id") + "}");
        assertThat(split.status()).as(split.text()).isEqualTo(201);
        String c = split.json().get("caseNo").asText();
        assertThat(c).isNotIn(a, b);
        Map<String, Object> newCase = db.queryForMap("select status, content, location from citizen_case where case_no = ?", c);
        assertThat(newCase).containsEntry("status", "REGISTERED").containsEntry("content", bText)
                .containsEntry("location", "城东" + place);
        assertThat(event(c, "split-from")).contains(a, "#" + movedIntake.get("id"));
        assertThat(event(a, "split-off")).contains(c);
        assertThat(db.queryForObject("select repeat_count from citizen_case where case_no = ?", Integer.class, a))
                .isZero();
        // Registered again: triage will take it.
        assertThat(queue.messagesFor(c)).hasSize(1);
    }

    @Test
    void theIntakeThatMadeACaseIsNotSplitOffAndBadRequestsNameTheirField() {
        String phone = phone();
        String place = building();
        String a = call(hub(), phone, place, STREETLIGHT.formatted(place)).get("caseNo").asText();
        call(hub(), phone, place, STREETLIGHT_AGAIN.formatted(place));
        List<Long> ids = db.queryForList("select id from case_intake where case_no = ? order by id", Long.class, a);
        assertThat(ids).hasSize(2);

        HttpAnswer first = post("/api/cases/" + a + "/split", "{\"intakeId\":" + ids.get(0) + "}");
        assertThat(first.status()).as(first.text()).isEqualTo(409);
        assertThat(first.json().get("field").asText()).isEqualTo("intakeId");
        assertThat(post("/api/cases/" + a + "/split", "{}").json().get("field").asText()).isEqualTo("intakeId");
        assertThat(post("/api/cases/" + a + "/merge", "{\"into\":\"" + a + "\"}").status()).isEqualTo(400);
        assertThat(post("/api/cases/" + a + "/merge", "not json").json().get("field").asText()).isEqualTo("body");
        assertThat(post("/api/cases/" + a + "/merge", "{\"into\":\"1999000000\"}").status()).isEqualTo(404);

        // A desk login may not merge.
        assertThat(hub().postJson("/api/cases/" + a + "/split", "{\"intakeId\":" + ids.get(1) + "}").status())
                .isEqualTo(401);
        assertThat(db.queryForObject("select count(*) from case_intake where case_no = ?", Long.class, a)).isEqualTo(2);
    }
}
