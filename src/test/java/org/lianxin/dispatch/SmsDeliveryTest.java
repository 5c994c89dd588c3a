package org.lianxin.dispatch;

import org.lianxin.cases.RequestType;
import org.lianxin.cases.DispatchOrder;
import java.util.Arrays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.lianxin.gateways.TwilioSignatures;
import org.lianxin.support.HttpAnswer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SmsDeliveryTest extends SmsTestSupport {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final ObjectMapper JSON = new ObjectMapper();

    String awaitStatus(String slipNo, String mobile, String status) {
        await().atMost(WAIT).until(() -> fixtures.deliveryStatus(slipNo, "sms", mobile), status::equals);
        return status;
    }

    record Sent(String slipNo, String mobile) {
    }

    /** A case dispatched to a new SMS department, once its slip went through the local gateway. */
    Sent acceptedSlip(String content) {
        String mobile = fixtures.smsDepartment();
        String slipNo = fixtures.dispatchToMobile(content, mobile);
        awaitStatus(slipNo, mobile, "ACCEPTED");
        return new Sent(slipNo, mobile);
    }

    /** Kannel's dlr-url as the hub gave it, with Kannel's %d replaced by a report type, as a path on the hub. */
    static String kannelReport(SmsGatewayServer.Request sent, int type) {
        String dlrUrl = sent.params().get("dlr-url");
        return dlrUrl.substring(dlrUrl.indexOf("/api/")).replace("%d", String.valueOf(type));
    }

    @Test
    void kannelGetsExactlyItsParametersAndTheDeliveryIsAccepted() {
        Sent sent = acceptedSlip("小区停水两天了，\"老人\" & 孩子用水困难");
        String mobile = sent.mobile();
        String slipNo = sent.slipNo();

        List<SmsGatewayServer.Request> requests = GATEWAY.requestsTo(mobile);
        assertThat(requests).hasSize(1);
        SmsGatewayServer.Request kannel = requests.get(0);
        String ref = smsRefs.ref(slipNo, "sms", mobile);
        String expectedText = slipSms.text(fixtures.delivery(slipNo, "sms", mobile));
        assertThat(kannel.method()).isEqualTo("GET");
        assertThat(kannel.path()).isEqualTo("/cgi-bin/sendsms");
        assertThat(kannel.params()).containsExactly(Map.entry("username", KANNEL_USER),
                Map.entry("password", KANNEL_PASSWORD), Map.entry("from", "12345"), Map.entry("to", mobile),
                Map.entry("text", expectedText), Map.entry("charset", "UTF-8"), Map.entry("coding", "2"),
                Map.entry("dlr-mask", "31"), Map.entry("dlr-url", callbackUrl() + "/kannel?ref=" + ref + "&secret="
                        + smsRefs.secret(ref) + "&status=%d"));
        assertThat(expectedText).startsWith("【某某县交办】" + slipNo + " 主办 投诉 小区停水两天了，\"老人\" & 孩子");
        // the dlr-url is one parameter: its own ? & = and Kannel's %d arrive encoded
        assertThat(kannel.rawQuery()).contains("&dlr-url=http%3A%2F%2F127.0.0.1%3A" + HUB_PORT
                + "%2Fapi%2Fsms%2Fdlr%2Fkannel%3Fref%3D" + ref + "%26secret%3D").endsWith("%26status%3D%25d");
        // nothing of the hub's exchange reaches the gateway as an HTTP header
        assertThat(kannel.headers().keySet()).noneMatch(h -> h.toLowerCase().matches("slipno|channel|address|sms.*"
                + "|caseno|jms.*|camel.*"));
        assertThat(fixtures.deliveryRow(slipNo, "sms", mobile)).containsEntry("attempts", 1)
                .containsEntry("last_error", null);
    }

    @Test
    void aKannelReportMovesTheDeliveryOnceAndOnlyForward() {
        Sent sent = acceptedSlip("路灯不亮");
        String mobile = sent.mobile();
        String slipNo = sent.slipNo();
        SmsGatewayServer.Request kannel = GATEWAY.requestsTo(mobile).get(0);

        HttpAnswer buffered = hub().get(kannelReport(kannel, 8));
        assertThat(buffered.status()).isEqualTo(200);
        assertThat(buffered.json().get("changed").asBoolean()).isFalse();
        assertThat(fixtures.deliveryStatus(slipNo, "sms", mobile)).isEqualTo("ACCEPTED");

        HttpAnswer delivered = hub().get(kannelReport(kannel, 1));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.json().get("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivered.json().get("changed").asBoolean()).isTrue();
        assertThat(delivered.headers().map().keySet()).noneMatch(h -> h.toLowerCase().matches("slipno|smsref|.*status"));

        HttpAnswer again = hub().get(kannelReport(kannel, 1));
        HttpAnswer late = hub().get(kannelReport(kannel, 16));
        assertThat(again.json().get("changed").asBoolean()).isFalse();
        assertThat(late.json().get("changed").asBoolean()).isFalse();
        assertThat(late.json().get("status").asText()).isEqualTo("DELIVERED");
        assertThat(fixtures.deliveryRow(slipNo, "sms", mobile)).containsEntry("status", "DELIVERED")
                .containsEntry("last_error", null);
    }

    @Test
    void aFailureReportKeepsItsReasonAndUnprovenOrUnknownReportsChangeNothing() {
        Sent sent = acceptedSlip("噪音扰民");
        String mobile = sent.mobile();
        String slipNo = sent.slipNo();
        String ref = smsRefs.ref(slipNo, "sms", mobile);

        HttpAnswer forged = hub().get("/api/sms/dlr/kannel?ref=" + ref + "&secret=guessed&status=1");
        HttpAnswer noSecret = hub().get("/api/sms/dlr/kannel?ref=" + ref + "&status=1");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(noSecret.status()).isEqualTo(403);
        assertThat(fixtures.deliveryStatus(slipNo, "sms", mobile)).isEqualTo("ACCEPTED");

        String unknown = smsRefs.ref(slipNo, "sms", "13000000000");
        HttpAnswer notOurs = hub().get("/api/sms/dlr/kannel?ref=" + unknown + "&secret=" + smsRefs.secret(unknown)
                + "&status=1");
        assertThat(notOurs.status()).isEqualTo(404);
        assertThat(notOurs.json().get("field").asText()).isEqualTo("ref");

        HttpAnswer badStatus = hub().get("/api/sms/dlr/kannel?ref=" + ref + "&secret=" + smsRefs.secret(ref)
                + "&status=x");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.json().get("field").asText()).isEqualTo("status");

        HttpAnswer rejected = hub().get(kannelReport(GATEWAY.requestsTo(mobile).get(0), 16));
        assertThat(rejected.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(fixtures.deliveryRow(slipNo, "sms", mobile)).containsEntry("status", "FAILED")
                .containsEntry("last_error", "Kannel 16: rejected by the SMSC");
    }

    @Test
    void aGatewayAnswering500IsRetriedAndTheSlipGoesOutOnce() {
        String mobile = fixtures.smsDepartment();
        GATEWAY.failNext(mobile, 1);
        String slipNo = fixtures.dispatchToMobile("垃圾清运不及时", mobile);
        awaitStatus(slipNo, mobile, "ACCEPTED");

        List<SmsGatewayServer.Request> sent = GATEWAY.requestsTo(mobile);
        assertThat(sent).extracting(SmsGatewayServer.Request::answeredWith).containsExactly(500, 202);
        String ref = smsRefs.ref(slipNo, "sms", mobile);
        assertThat(sent).allMatch(r -> r.params().get("dlr-url").contains("ref=" + ref + "&"));
        assertThat(sent.get(0).params()).isEqualTo(sent.get(1).params());
        assertThat(fixtures.deliveryRow(slipNo, "sms", mobile)).containsEntry("attempts", 2);
    }

    @Test
    void whenTheSmsGatewayKeepsRefusingTheSameSlipStillGoesOutByEmail() {
        String mobile = DispatchFixtures.uniqueMobile();
        String id = "t-both-" + mobile;
        String email = "both-" + mobile + "@t.example.cn";
        fixtures.department(id, "测试双通道单位" + mobile, true, true, List.of(email), List.of(mobile));
        GATEWAY.failNext(mobile, 100);
        String caseNo = fixtures.registerCase("井盖缺失");
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.HELP, null, id, List.of(),
                "rule:test"));
        String slipNo = caseNo + "-1";

        awaitStatus(slipNo, mobile, "DEAD");
        await().atMost(WAIT).until(() -> fixtures.deliveryStatus(slipNo, "email", email), "ACCEPTED"::equals);
        assertThat(Arrays.stream(SMTP.getReceivedMessages()).filter(m -> SlipEmailTest.subject(m)
                .contains(slipNo + " "))).hasSize(1);
    }

    @Test
    void aSlipTheGatewayKeepsRefusingIsParkedAfterTheLastAttempt() {
        String mobile = fixtures.smsDepartment();
        GATEWAY.failNext(mobile, 100);
        String slipNo = fixtures.dispatchToMobile("违章建筑", mobile);
        awaitStatus(slipNo, mobile, "DEAD");

        assertThat(GATEWAY.requestsTo(mobile)).hasSize(MAX_ATTEMPTS);
        assertThat(fixtures.deliveryRow(slipNo, "sms", mobile))
                .hasEntrySatisfying("last_error", e -> assertThat(e.toString()).endsWith("Kannel answered HTTP 500: gateway down"));
        String caseNo = slipNo.substring(0, slipNo.lastIndexOf('-'));
        // DEAD is recorded before the consumer's JMS transaction, carrying the dead letter, commits
        await().atMost(WAIT).until(() -> queue.messagesOn("lianxin.slips.dead", caseNo), l -> !l.isEmpty());
        assertThat(queue.messagesOn("lianxin.slips.dead", caseNo)).singleElement().asString()
                .contains("\"slipNo\":\"" + slipNo + "\"").contains("\"address\":\"" + mobile + "\"");
    }

    @Test
    void aSlipMessageReadAgainSendsNothingTwice() throws Exception {
        Sent sent = acceptedSlip("公交停运");
        String mobile = sent.mobile();
        String slipNo = sent.slipNo();

        NotifyBuilder done = new NotifyBuilder(camelContext).fromRoute("deliver-sms").whenDone(1).create();
        camel.sendBody("jms:queue:lianxin.slips.sms", JSON.writeValueAsString(
                Map.of("slipNo", slipNo, "channel", "sms", "address", mobile, "round", 1)));
        assertThat(done.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(GATEWAY.requestsTo(mobile)).hasSize(1);
        assertThat(fixtures.deliveryRow(slipNo, "sms", mobile)).containsEntry("attempts", 1);
    }

    /** Calls a sink Kamelet directly, as the deliver-sms route does, with a header of the caller's own. */
    Exchange throughSink(String kamelet, String text, String mobile, String ref) {
        return camel.request("kamelet:" + kamelet, e -> {
            e.getMessage().setBody(text);
            e.getMessage().setHeaders(sinkHeaders(mobile, ref));
        });
    }

    Map<String, Object> sinkHeaders(String mobile, String ref) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("smsTo", mobile);
        headers.put("smsRef", ref);
        headers.put("smsRefSecret", smsRefs.secret(ref));
        headers.put("slipNo", "caller-header");
        return headers;
    }

    @Test
    void twilioGetsItsFormFieldsWithBasicAuthAndItsSidIsTheProviderRef() {
        String mobile = DispatchFixtures.uniqueMobile();
        String ref = smsRefs.ref("T-1", "sms", mobile);
        String text = "【某某县交办】T-1 主办 投诉 停水 & \"急\"，限2026-12-02前办结。";

        Exchange answer = throughSink("sms-twilio-sink", text, mobile, ref);

        assertThat(answer.getException()).isNull();
        SmsGatewayServer.Request twilio = GATEWAY.requestsTo(mobile).get(0);
        assertThat(twilio.method()).isEqualTo("POST");
        assertThat(twilio.path()).isEqualTo("/2010-04-01/Accounts/" + TWILIO_SID + "/Messages.json");
        assertThat(twilio.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(twilio.header("Authorization")).isEqualTo("Basic " + Base64.getEncoder()
                .encodeToString((TWILIO_SID + ":" + TWILIO_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(twilio.params()).containsExactly(Map.entry("To", "+86" + mobile),
                Map.entry("From", "+15005550006"), Map.entry("Body", text),
                Map.entry("StatusCallback", callbackUrl() + "/twilio?ref=" + ref));
        assertThat(twilio.header("slipNo")).isNull();
        assertThat(answer.getMessage().getHeader("smsProviderRef", String.class)).startsWith("SM");
        assertThat(answer.getMessage().getHeader("slipNo")).isEqualTo("caller-header");
    }


    HttpAnswer postTwilioReport(String ref, Map<String, String> form, String signature) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return hub().post("/api/sms/dlr/twilio?ref=" + ref, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8), "X-Twilio-Signature", signature);
    }

    @Test
    void aTwilioStatusCallbackCountsOnlyWithItsSignature() {
        Sent sent = acceptedSlip("医保报销难");
        String mobile = sent.mobile();
        String slipNo = sent.slipNo();
        String ref = smsRefs.ref(slipNo, "sms", mobile);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM0123456789");
        form.put("MessageStatus", "delivered");
        form.put("To", "+86" + mobile);
        form.put("From", "+15005550006");
        form.put("AccountSid", TWILIO_SID);
        form.put("ApiVersion", "2010-04-01");
        String url = callbackUrl() + "/twilio?ref=" + ref;

        HttpAnswer forged = postTwilioReport(ref, form, TwilioSignatures.sign("not-the-token", url, form));
        HttpAnswer unsigned = postTwilioReport(ref, form, "");
        HttpAnswer malformed = hub().post("/api/sms/dlr/twilio?ref=" + ref, "application/x-www-form-urlencoded",
                "MessageStatus=%zz&To".getBytes(StandardCharsets.US_ASCII), "X-Twilio-Signature", "x");
        assertThat(forged.status()).isEqualTo(403);
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(403);
        assertThat(fixtures.deliveryStatus(slipNo, "sms", mobile)).isEqualTo("ACCEPTED");

        HttpAnswer signed = postTwilioReport(ref, form, TwilioSignatures.sign(TWILIO_TOKEN, url, form));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        assertThat(signed.json().get("changed").asBoolean()).isTrue();
        assertThat(fixtures.deliveryRow(slipNo, "sms", mobile)).containsEntry("status", "DELIVERED")
                .containsEntry("provider_ref", "SM0123456789");
    }

    @Test
    void aGenericGatewayGetsItsTemplateFilledAndItsAnswerDecides() throws Exception {
        String mobile = DispatchFixtures.uniqueMobile();
        String ref = smsRefs.ref("G-1", "sms", mobile);
        String text = "停水 \"两天\"\n请处理";

        Exchange taken = throughSink("sms-http-sink", text, mobile, ref);
        assertThat(taken.getException()).isNull();
        SmsGatewayServer.Request sent = GATEWAY.requestsOn("/send").get(GATEWAY.requestsOn("/send").size() - 1);
        assertThat(sent.header("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(sent.bodyText());
        assertThat(body.get("to").asText()).isEqualTo(mobile);
        assertThat(body.get("text").asText()).isEqualTo(text);
        assertThat(body.get("ref").asText()).isEqualTo(ref);
        assertThat(body.get("callbackUrl").asText())
                .isEqualTo(callbackUrl() + "/http?ref=" + ref + "&secret=" + smsRefs.secret(ref));
        assertThat(taken.getMessage().getHeader("smsProviderRef", String.class)).startsWith("G");

        GATEWAY.genericAnswer("{\"code\":17,\"msg\":\"余额不足\"}");
        try {
            assertThatThrownBy(() -> camel.requestBodyAndHeaders("kamelet:sms-http-sink", text,
                    sinkHeaders(mobile, ref))).isInstanceOf(CamelExecutionException.class)
                    .hasRootCauseMessage("SMS gateway did not take the message: {code=17, msg=余额不足}");
        } finally {
            GATEWAY.genericAnswer(null);
        }
    }

    @Test
    void aGenericGatewayReportsWithTheSecretOfItsRef() {
        Sent sent = acceptedSlip("占道经营");
        String mobile = sent.mobile();
        String slipNo = sent.slipNo();
        String ref = smsRefs.ref(slipNo, "sms", mobile);

        assertThat(hub().get("/api/sms/dlr/http?ref=" + ref + "&secret=x&status=DELIVRD").status()).isEqualTo(403);
        HttpAnswer report = hub().get("/api/sms/dlr/http?ref=" + ref + "&secret=" + smsRefs.secret(ref)
                + "&status=UNDELIV&messageId=gw-77");
        assertThat(report.status()).isEqualTo(200);
        assertThat(fixtures.deliveryRow(slipNo, "sms", mobile)).containsEntry("status", "FAILED")
                .containsEntry("last_error", "gateway UNDELIV").containsEntry("provider_ref", "gw-77");
    }
}
