package org.lianxin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@LianxinTest
class DispatchCaseTest extends HubTestSupport {

    @Autowired
    ProducerTemplate camel;
    @Autowired
    ObjectMapper json;

    @Value("${lianxin.data-dir}")
    Path dataDir;
    @Autowired
    SmsRefs smsRefs;

    DispatchFixtures fixtures;

    /** Departments of this test's own, so that the sample directory does not matter. */
    @BeforeEach
    void departments() {
        fixtures = new DispatchFixtures(db, hub(), camel);
        fixtures.department("t-water", "测试水务局", true, true, List.of("water@t.example.cn", "water2@t.example.cn"),
                List.of("13900009001"));
        fixtures.department("t-town", "测试镇人民政府", false, true, List.of("town@t.example.cn"),
                List.of("13900009002"));
        fixtures.department("t-closed", "已撤销单位", true, true, List.of("closed@t.example.cn"), List.of());
        db.update("update department set active = false where id = 't-closed'");
    }

    String registerCase() {
        return fixtures.registerCase("小区停水两天了");
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
        assertThat(Duration.between(issued, deadline)).isEqualTo(Duration.ofDays(3));

        List<Map<String, Object>> deliveries = db.queryForList("select channel, address from slip_delivery "
                + "where slip_no like ? order by slip_no, channel, address", caseNo + "-%");
        assertThat(deliveries).extracting(d -> d.get("channel") + " " + d.get("address"))
                .containsExactly("email water2@t.example.cn", "email water@t.example.cn", "sms 13900009001",
                        "sms 13900009002");

        assertThat(db.queryForObject("select status from citizen_case where case_no = ?", String.class, caseNo))
                .isEqualTo("DISPATCHED");
        Map<String, Object> event = db.queryForMap(
                "select * from case_event where case_no = ? and action = 'dispatched'", caseNo);
        assertThat(event.get("from_status")).isEqualTo("REGISTERED");
        assertThat(event.get("note").toString()).contains("t-water", "t-town", "rule:test");

        List<String> email = queue.messagesOn("lianxin.slips.email", caseNo);
        assertThat(email).hasSize(2);
        JsonNode message = json.readTree(email.get(0));
        assertThat(message.get("slipNo").asText()).isEqualTo(caseNo + "-1");
        assertThat(message.get("channel").asText()).isEqualTo("email");
        assertThat(message.get("round").asInt()).isEqualTo(1);

        // SMS deliveries are taken off their queue and sent at once: by default into the data dir's SMS outbox
        for (String[] sms : new String[][] {{caseNo + "-1", "13900009001"}, {caseNo + "-2", "13900009002"}}) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> fixtures.deliveryStatus(sms[0], "sms", sms[1]), "ACCEPTED"::equals);
            Path file = dataDir.resolve("outbox/sms").resolve(smsRefs.ref(sms[0], "sms", sms[1]) + ".txt");
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).startsWith("To: " + sms[1] + "\n")
                    .contains("\n\n【某某县交办】" + sms[0] + (sms[0].endsWith("-1") ? " 主办 求助 小区停水两天了" : " 协办"))
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
        assertThat(d.content()).isEqualTo("小区停水两天了");
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
                .isEqualTo("REGISTERED");
    }
}
