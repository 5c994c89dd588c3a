package org.lianxin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.calendar.WorkingCalendar;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestDepartments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;


@LianxinTest
class DispatchCaseTest extends HubTestSupport {

    @Autowired
    WorkingCalendar calendar;
    @Autowired
    ProducerTemplate camel;
    @Value("${lianxin.data-dir}")
    String dataDir;
    @Autowired
    SmsRefs smsRefs;

    DispatchFixtures fixtures;

    @BeforeEach
    void departments() {
        TestDepartments.ensure(db);
        fixtures = new DispatchFixtures(db, hub(), camel);
    }

    String registerCase() {
        return TestCases.awaitingDispatcher(hub(), db, "");
    }

    @Test
    void anUrgentCaseIsDueTheSameDay() {
        String caseNo = registerCase();
        db.update("update citizen_case set hot = true where case_no = ?", caseNo);
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.COMPLAINT, null, "t-water",
                List.of(), "rule:test"));

        ZonedDateTime issued = db.queryForObject("select issued_at from slip where slip_no = ?", OffsetDateTime.class,
                caseNo + "-1").atZoneSameInstant(CountyTime.ZONE);
        ZonedDateTime due = db.queryForObject("select deadline from slip where slip_no = ?", OffsetDateTime.class,
                caseNo + "-1").atZoneSameInstant(CountyTime.ZONE);
        assertThat(due).isEqualTo(issued.toLocalDate().atTime(23, 59, 59).atZone(CountyTime.ZONE));
    }

    @Test
    void aLeadAndACoHandlerGetOneSlipEachAndEveryPreferredAddressADelivery() throws Exception {
        String caseNo = registerCase();
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.HELP, "utilities", "t-water",
                List.of("t-town"), "rule:test"));

        List<Map<String, Object>> slips = db.queryForList(
                "select * from slip where case_no = ? order by slip_no", caseNo);
        assertThat(slips).extracting(s -> s.get("slip_no")).containsExactly(caseNo + "-1", caseNo + "-2");
        assertThat(slips).extracting(s -> s.get("role")).containsExactly("LEAD", "CO");
        OffsetDateTime deadline = db.queryForObject("select deadline from slip where slip_no = ?",
                OffsetDateTime.class, caseNo + "-1");
        OffsetDateTime issued = db.queryForObject("select issued_at from slip where slip_no = ?",
                OffsetDateTime.class, caseNo + "-1");
        // HELP: the end (county time) of the 3rd working day after the day of issue
        ZonedDateTime due = deadline.atZoneSameInstant(CountyTime.ZONE);
        assertThat(due.toLocalDate()).isEqualTo(calendar.plusWorkingDays(
                issued.atZoneSameInstant(CountyTime.ZONE).toLocalDate(), 3));
        assertThat(due.toLocalTime()).isEqualTo(LocalTime.of(23, 59, 59));

        // the delivery routes may already have taken them: the status is theirs to assert
        List<Map<String, Object>> deliveries = db.queryForList("select channel, address, send_round "
                + "from slip_delivery where slip_no like ? order by slip_no, channel, address", caseNo + "-%");
        assertThat(deliveries).extracting(d -> d.get("channel") + " " + d.get("address") + " " + d.get("send_round"))
                .containsExactly("email water2@t.example.cn 1", "email water@t.example.cn 1",
                        "sms 13900009001 1", "sms 13900009002 1");

        assertThat(db.queryForObject("select status from citizen_case where case_no = ?", String.class, caseNo))
                .isEqualTo("DISPATCHED");
        Map<String, Object> event = db.queryForMap(
                "select * from case_event where case_no = ? and action = 'dispatched'", caseNo);
        assertThat(event.get("from_status")).isEqualTo("TRIAGE");
        assertThat(event.get("note").toString()).contains("t-water", "t-town", "rule:test");

        // deliver-email.yaml takes the email messages off their queue: each is sent (to the embedded default's
        // file outbox) and accepted once
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryForObject("select count(*) from slip_delivery "
                + "where slip_no = ? and channel = 'email' and status = 'ACCEPTED'", Long.class, caseNo + "-1") == 2);
        try (Stream<Path> files = Files.list(Path.of(dataDir, "outbox", "mail"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(caseNo + "-1-email-")))
                    .hasSize(2).allMatch(n -> n.endsWith(".eml"));
        }
        // SMS deliveries are taken off their queue and sent at once: by default into the data dir's SMS outbox
        for (String[] sms : new String[][] {{caseNo + "-1", "13900009001"}, {caseNo + "-2", "13900009002"}}) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> fixtures.deliveryStatus(sms[0], "sms", sms[1]), "ACCEPTED"::equals);
            Path file = Path.of(dataDir, "outbox", "sms", smsRefs.ref(sms[0], "sms", sms[1]) + ".txt");
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("To: " + sms[1] + "\n")
                    .contains("\n\n【某某县交办】" + sms[0] + (sms[0].endsWith("-1") ? " 主办 求助" : " 协办"))
                    .endsWith(fixtures.delivery(sms[0], "sms", sms[1]).replyUrl());
        }
    }

    @Test
    void aDeliveryReadsWithItsSlipCaseAndDepartmentAndRecordsItsOutcome() {
        String caseNo = registerCase();
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.COMPLAINT, "utilities",
                "t-water", List.of(), "rule:test"));
        // a delivery of the test's own, which no queue message refers to: no route sends it meanwhile
        db.update("insert into slip_delivery (slip_no, channel, address, status, attempts, send_round, created_at, "
                + "updated_at) values (?, 'sms', '13900009999', 'QUEUED', 0, 1, now(), now())", caseNo + "-1");
        Map<String, Object> where = Map.of("slipNo", caseNo + "-1", "channel", "sms", "address", "13900009999");

        SlipDelivery d = camel.requestBodyAndHeaders("direct:slip-delivery-context", null, where, SlipDelivery.class);
        assertThat(d.caseNo()).isEqualTo(caseNo);
        assertThat(d.departmentName()).isEqualTo("测试水务局");
        assertThat(d.requestType()).isEqualTo("投诉");
        assertThat(d.categoryName()).isEqualTo("供水供电供热");
        assertThat(d.content()).isEqualTo(TestCases.UNPLACEABLE);
        assertThat(d.deadline().getOffset().getTotalSeconds()).isEqualTo(8 * 3600);
        assertThat(d.replyUrl()).contains("/reply/");
        assertThat(d.alreadySent()).isFalse();

        Map<String, Object> accepted = new java.util.HashMap<>(where);
        accepted.put("providerRef", "msg-1");
        camel.sendBodyAndHeaders("direct:slip-delivery-accepted", null, accepted);
        camel.sendBodyAndHeaders("direct:slip-delivery-accepted", null, accepted);
        Map<String, Object> row = fixtures.deliveryRow(caseNo + "-1", "sms", "13900009999");
        assertThat(row).containsEntry("status", "ACCEPTED").containsEntry("attempts", 1)
                .containsEntry("provider_ref", "msg-1");
        assertThat(camel.requestBodyAndHeaders("direct:slip-delivery-context", null, where, SlipDelivery.class)
                .alreadySent()).isTrue();
    }

    @Test
    void aCaseIsDispatchedOnceAndABadOrderWritesNothing() {
        String caseNo = registerCase();
        DispatchOrder order = new DispatchOrder(caseNo, RequestType.COMPLAINT, null, "t-water", List.of(), "rule:t");
        camel.sendBody("direct:dispatch-case", order);

        assertThatThrownBy(() -> camel.sendBody("direct:dispatch-case", order))
                .isInstanceOf(CamelExecutionException.class).hasRootCauseInstanceOf(DispatchRefusedException.class)
                .rootCause().hasMessageContaining("DISPATCHED");
        assertThat(db.queryForObject("select count(*) from slip where case_no = ?", Long.class, caseNo)).isEqualTo(1);

        String other = registerCase();
        assertThatThrownBy(() -> camel.sendBody("direct:dispatch-case", new DispatchOrder(other, RequestType.HELP,
                null, "t-water", List.of("t-closed"), "rule:t")))
                .rootCause().hasMessageContaining("t-closed");
        assertThat(db.queryForObject("select count(*) from slip where case_no = ?", Long.class, other)).isZero();
        assertThat(db.queryForObject("select count(*) from slip_delivery where slip_no like ?", Long.class,
                other + "-%")).isZero();
        assertThat(db.queryForObject("select status from citizen_case where case_no = ?", String.class, other))
                .isEqualTo("TRIAGE");
    }
}
