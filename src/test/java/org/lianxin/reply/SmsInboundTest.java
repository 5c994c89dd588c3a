package org.lianxin.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.gateways.TwilioSignatures;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestDepartments;
import org.lianxin.support.TestEnvironment;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Departments answer slips by SMS, forwarded by Kannel, Twilio or a generic gateway to the hub's webhooks. */
@LianxinTest
class SmsInboundTest extends HubTestSupport {

    static final String WATER_MOBILE = "13900009001";
    static final String FORM = "application/x-www-form-urlencoded";

    @Autowired
    ProducerTemplate camel;
    @Autowired
    SmsInbound smsInbound;
    @Value("${lianxin.sms.inbound-url}")
    String inboundUrl;

    String caseNo;
    String slipNo;

    @BeforeEach
    void dispatchedCase() {
        TestDepartments.ensure(db);
        caseNo = TestCases.awaitingDispatcher(hub(), db, "");
        slipNo = caseNo + "-1";
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.REPORT, "environment",
                "t-water", List.of("t-town"), "rule:test"));
    }

    static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encoded(e.getKey()) + "=" + encoded(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** What Kannel's get-url with from=%p&text=%a&id=%I sends: the text as percent-encoded UTF-8. */
    HttpAnswer kannel(String secret, String from, String text, String id) {
        return hub().get("/api/sms/inbound/kannel?secret=" + encoded(secret) + "&from=" + encoded(from)
                + "&text=" + encoded(text) + "&id=" + id);
    }

    HttpAnswer twilio(Map<String, String> form, String signature) {
        return hub().post("/api/sms/inbound/twilio", FORM, form(form).getBytes(StandardCharsets.US_ASCII),
                TwilioSignatures.HEADER, signature);
    }

    String slipStatus() {
        return db.queryForObject("select status from slip where slip_no = ?", String.class, slipNo);
    }

    String caseStatus() {
        return db.queryForObject("select status from citizen_case where case_no = ?", String.class, caseNo);
    }

    long events(String action) {
        return db.queryForObject("select count(*) from case_event where case_no = ? and action = ?", Long.class,
                caseNo, action);
    }

    List<Map<String, Object>> quarantined(String messageId) {
        return db.queryForList("select * from quarantined_message where message_id = ?", messageId);
    }

    @Test
    void signingForByKannelWithChineseTextMovesTheSlip() {
        HttpAnswer answer = kannel(smsInbound.secret(), "86" + WATER_MOBILE, "签收 " + slipNo,
                UUID.randomUUID().toString());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("applied");
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(slipStatus()).isEqualTo("SIGNED");
        assertThat(caseStatus()).isEqualTo("SIGNED");
        assertThat(db.queryForObject("select actor from case_event where case_no = ? and action = 'signed'",
                String.class, caseNo)).contains("t-water");
    }

    @Test
    void returningByTheGenericGatewayKeepsTheReasonAsWritten() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("secret", smsInbound.secret());
        form.put("from", WATER_MOBILE);
        form.put("text", slipNo + " 退单 河道保洁属镇政府职责，请改派");
        HttpAnswer answer = hub().post("/api/sms/inbound/http", FORM,
                form(form).getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("applied");
        assertThat(slipStatus()).isEqualTo("RETURNED");
        assertThat(caseStatus()).isEqualTo("RETURNED");
        assertThat(db.queryForObject("select return_reason from slip where slip_no = ?", String.class, slipNo))
                .isEqualTo("河道保洁属镇政府职责，请改派");
    }

    @Test
    void theGenericGatewayTakesAGetToo() {
        HttpAnswer answer = hub().get("/api/sms/inbound/http?secret=" + encoded(smsInbound.secret()) + "&from="
                + WATER_MOBILE + "&text=" + encoded(slipNo + " 进展 已派人清理"));

        assertThat(answer.json().get("status").asText()).as(answer.toString()).isEqualTo("applied");
        assertThat(db.queryForObject("select note from case_event where case_no = ? and action = 'progress'",
                String.class, caseNo)).isEqualTo("已派人清理");
    }

    @Test
    void aStrangersOrASlipLessSmsIsQuarantinedAndChangesNothing() {
        String stranger = UUID.randomUUID().toString();
        String slipLess = UUID.randomUUID().toString();

        HttpAnswer fromStranger = kannel(smsInbound.secret(), "13812345678", "签收 " + slipNo, stranger);
        HttpAnswer withoutSlip = kannel(smsInbound.secret(), WATER_MOBILE, "收到，马上处理", slipLess);

        assertThat(fromStranger.status()).isEqualTo(200);
        assertThat(fromStranger.json().get("status").asText()).isEqualTo("quarantined");
        assertThat(withoutSlip.json().get("status").asText()).isEqualTo("quarantined");
        assertThat(slipStatus()).isEqualTo("ISSUED");
        assertThat(caseStatus()).isEqualTo("DISPATCHED");
        assertThat(events("signed")).isZero();
        assertThat(quarantined("kannel:" + stranger)).singleElement().satisfies(q -> {
            assertThat(q).containsEntry("channel", "sms").containsEntry("sender", "13812345678")
                    .containsEntry("body", "签收 " + slipNo);
            assertThat(q.get("reason").toString()).contains("13812345678");
        });
        assertThat(quarantined("kannel:" + slipLess)).singleElement().satisfies(q -> assertThat(q)
                .containsEntry("reason", "no slip number").containsEntry("body", "收到，马上处理"));
    }

    @Test
    void aWrongOrMissingSecretIsForbiddenAndNothingHappens() {
        String id = UUID.randomUUID().toString();

        HttpAnswer wrong = kannel(smsInbound.secret() + "x", WATER_MOBILE, "签收 " + slipNo, id);
        HttpAnswer missing = hub().get("/api/sms/inbound/http?from=" + WATER_MOBILE + "&text=" + encoded(
                "签收 " + slipNo) + "&id=" + id);

        assertThat(wrong.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(403);
        assertThat(slipStatus()).isEqualTo("ISSUED");
        assertThat(quarantined("kannel:" + id)).isEmpty();
        assertThat(quarantined("http:" + id)).isEmpty();
        // not taken: the same message with the right secret still counts
        assertThat(kannel(smsInbound.secret(), WATER_MOBILE, "签收 " + slipNo, id).json().get("status").asText())
                .isEqualTo("applied");
    }

    @Test
    void kannelRetryingTheSameMessageKeepsItOnce() {
        String id = UUID.randomUUID().toString();

        HttpAnswer first = kannel(smsInbound.secret(), WATER_MOBILE, slipNo + " 进展 已联系环卫所", id);
        HttpAnswer retry = kannel(smsInbound.secret(), WATER_MOBILE, slipNo + " 进展 已联系环卫所", id);

        assertThat(first.json().get("status").asText()).isEqualTo("applied");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("status").asText()).isEqualTo("duplicate");
        assertThat(events("progress")).isEqualTo(1);
    }

    @Test
    void twilioCountsOnlyWithItsSignatureAndGetsTwiml() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("From", "+86" + WATER_MOBILE);
        form.put("To", "+8610690000");
        form.put("Body", "签收 " + slipNo);
        String url = inboundUrl + "/twilio";

        HttpAnswer forged = twilio(form, TwilioSignatures.sign("not-the-token", url, form));
        HttpAnswer unsigned = hub().post("/api/sms/inbound/twilio", FORM, form(form).getBytes(StandardCharsets.US_ASCII));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(slipStatus()).isEqualTo("ISSUED");

        HttpAnswer signed = twilio(form, TwilioSignatures.sign(TestEnvironment.TWILIO_AUTH_TOKEN, url, form));

        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        assertThat(signed.contentType()).startsWith("text/xml");
        assertThat(signed.text()).endsWith("<Response/>");
        assertThat(slipStatus()).isEqualTo("SIGNED");
        assertThat(events("signed")).isEqualTo(1);
    }
}
