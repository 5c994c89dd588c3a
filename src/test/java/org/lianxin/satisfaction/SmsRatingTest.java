package org.lianxin.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianxin.dispatch.SmsRefs;
import org.lianxin.support.HttpAnswer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Citizens answer the survey SMS through the same webhooks as departments: 1 closes the case, 3 reopens it. */
class SmsRatingTest extends RatingTestSupport {

    @Autowired
    SmsRefs smsRefs;
    @Value("${lianxin.data-dir}")
    Path dataDir;

    @Test
    void satisfiedFromTheCitizensNumberClosesTheCase() throws Exception {
        String phone = citizenPhone();
        String caseNo = answeredHotlineCase("CB-" + UUID.randomUUID(), phone);

        HttpAnswer answer = kannel("86" + phone, "1", UUID.randomUUID().toString());

        assertThat(answer.json().get("status").asText()).as(answer.toString()).isEqualTo("rated");
        assertThat(caseStatus(caseNo)).isEqualTo("CLOSED");
        assertThat(ratings(caseNo)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("rating", "SATISFIED").containsEntry("channel", "sms").containsEntry("round", 0)
                .containsEntry("comment", null));
        assertThat(events(caseNo, "rated")).isEqualTo(1);
        assertThat(db.queryForObject("select from_status || '>' || to_status from case_event where case_no = ? "
                + "and action = 'closed'", String.class, caseNo)).isEqualTo("REPLIED>CLOSED");
        // the same digit again: the case is no longer waiting, so it is no rating and goes the departments' way
        assertThat(kannel(phone, "1", UUID.randomUUID().toString()).json().get("status").asText())
                .isEqualTo("quarantined");
        assertThat(ratings(caseNo)).hasSize(1);
    }

    @Test
    void aStrangersDigitIsNoRating() throws Exception {
        String caseNo = answeredHotlineCase("CB-" + UUID.randomUUID(), citizenPhone());
        String id = UUID.randomUUID().toString();

        HttpAnswer answer = kannel(citizenPhone(), "3", id);

        assertThat(answer.json().get("status").asText()).isEqualTo("quarantined");
        assertThat(caseStatus(caseNo)).isEqualTo("REPLIED");
        assertThat(ratings(caseNo)).isEmpty();
        assertThat(db.queryForObject("select reason from quarantined_message where message_id = ?", String.class,
                "kannel:" + id)).isEqualTo("no slip number");
    }

    @Test
    void dissatisfiedReopensTheCaseWithANewSlipToTheSameLead() throws Exception {
        String phone = citizenPhone();
        String caseNo = answeredHotlineCase("CB-" + UUID.randomUUID(), phone);
        OffsetDateTime firstDeadline = deadline(caseNo + "-1");
        clock.moveBy(Duration.ofDays(2));
        String id = UUID.randomUUID().toString();

        HttpAnswer answer = kannel(phone, "3 路灯还是不亮", id);
        HttpAnswer retried = kannel(phone, "3 路灯还是不亮", id);

        assertThat(answer.json().get("status").asText()).as(answer.toString()).isEqualTo("rated");
        assertThat(retried.json().get("status").asText()).isEqualTo("duplicate");
        String newSlip = caseNo + "-2";
        assertThat(reopenCount(caseNo)).isEqualTo(1);
        assertThat(caseStatus(caseNo)).isEqualTo("DISPATCHED");
        assertThat(db.queryForList("select action from case_event where case_no = ? order by id", String.class,
                caseNo)).endsWith("rated", "reopened", "dispatched");
        assertThat(ratings(caseNo)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("rating", "DISSATISFIED").containsEntry("comment", "路灯还是不亮"));
        assertThat(db.queryForMap("select department_id, role, status, reopen_note from slip where slip_no = ?",
                newSlip)).containsEntry("department_id", "t-water").containsEntry("role", "LEAD")
                .containsEntry("status", "ISSUED").containsEntry("reopen_note", "重办（第1次）：市民不满意：路灯还是不亮");
        assertThat(deadline(newSlip)).isAfterOrEqualTo(firstDeadline.plusDays(2));

        Path sms = dataDir.resolve("outbox/sms/" + smsRefs.ref(newSlip, "sms", WATER_MOBILE) + ".txt");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(sms));
        assertThat(Files.readString(sms)).contains("重办 " + newSlip + " 主办", "路灯还是不亮");
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryForObject("select count(*) from slip_delivery "
                + "where slip_no = ? and status = 'ACCEPTED'", Long.class, newSlip) == 3);
        // the reopened case is answered again: its citizen rates this new answer
        HttpAnswer again = kannel(WATER_MOBILE, newSlip + " 办结 已更换整条线路", UUID.randomUUID().toString());
        assertThat(again.json().get("status").asText()).isEqualTo("applied");
        assertThat(kannel(phone, "满意", UUID.randomUUID().toString()).json().get("status").asText())
                .isEqualTo("rated");
        assertThat(caseStatus(caseNo)).isEqualTo("CLOSED");
        assertThat(ratings(caseNo)).extracting(r -> r.get("round") + ":" + r.get("rating"))
                .containsExactly("0:DISSATISFIED", "1:SATISFIED");
    }

    @Test
    void theMostRecentlyAnsweredCaseOfTheNumberIsRated() throws Exception {
        String phone = citizenPhone();
        String older = answeredHotlineCase("CB-" + UUID.randomUUID(), phone);
        clock.moveBy(Duration.ofMinutes(5));
        String newer = answeredHotlineCase("CB-" + UUID.randomUUID(), phone);

        kannel(phone, "２", UUID.randomUUID().toString());

        assertThat(ratings(newer)).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("rating", "BASICALLY_SATISFIED"));
        assertThat(ratings(older)).isEmpty();
        assertThat(caseStatus(older)).isEqualTo("REPLIED");
    }

    OffsetDateTime deadline(String slipNo) {
        return db.queryForObject("select deadline from slip where slip_no = ?", OffsetDateTime.class, slipNo);
    }
}
