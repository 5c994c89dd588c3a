package org.lianxin.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lianxin.support.PageSession.CSRF;
import static org.lianxin.support.TestEnvironment.PORTAL_KEY;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.cases.SlipLinks;
import org.lianxin.dispatch.SmsGatewayServer;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestDepartments;
import org.lianxin.support.TestEnvironment;
import org.lianxin.support.WithoutTriage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answers back to every channel of a case, on the hub with real receivers: the call center's callback endpoint a
 * local HTTP server ({@link SinkServer}, through hotline-http-sink), SMS through sms-kannel-sink to the local
 * gateway ({@link SmsGatewayServer}), the portal's reply table a real PostgreSQL table in a schema of its own
 * (portal-sql-sink, created from connectors/portal-sql-sink.sql). A case with more than one intake comes from
 * repeats joining it; there is no joining yet, so the tests insert the further case_intake rows themselves.
 */
@LianxinTest
@WithoutTriage
// no other test shares this context: closed after the class, its database connections go back at once
@DirtiesContext
class AnswerSyncTest extends HubTestSupport {

    static final SinkServer CALL_CENTER = SinkServer.start();
    static final SmsGatewayServer SMS_GATEWAY = SmsGatewayServer.start();
    static final String PORTAL_SCHEMA = "portal_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final int MAX_ATTEMPTS = 3;

    @DynamicPropertySource
    static void receivers(DynamicPropertyRegistry p) {
        createPortalReplyTable();
        p.add("lianxin.sync.hotline.connector", () -> "hotline-http-sink");
        p.add("lianxin.sync.hotline.http.url", () -> CALL_CENTER.url("/callback-tasks"));
        p.add("lianxin.sync.hotline.http.api-key", () -> "call-center-key");
        p.add("lianxin.sync.portal.connector", () -> "portal-sql-sink");
        p.add("lianxin.channels.portal.sql.url", AnswerSyncTest::portalUrl);
        p.add("lianxin.channels.portal.sql.username", TestEnvironment::postgresUser);
        p.add("lianxin.channels.portal.sql.password", TestEnvironment::postgresPassword);
        p.add("lianxin.sms.connector", () -> "sms-kannel-sink");
        p.add("lianxin.sms.kannel.url", () -> SMS_GATEWAY.url("/cgi-bin/sendsms"));
        p.add("lianxin.sync.sms.query-url", () -> "https://lianxin.example.gov.cn/query");
        p.add("lianxin.delivery.max-attempts", () -> MAX_ATTEMPTS);
        p.add("lianxin.delivery.initial-delay-ms", () -> 20);
        p.add("lianxin.delivery.max-delay-ms", () -> 100);
    }

    static String portalUrl() {
        String base = TestEnvironment.postgresUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + PORTAL_SCHEMA;
    }

    /** The portal's reply table, from the script a county runs on its portal database. */
    static void createPortalReplyTable() {
        try (Connection c = DriverManager.getConnection(TestEnvironment.postgresUrl(),
                TestEnvironment.postgresUser(), TestEnvironment.postgresPassword())) {
            c.createStatement().execute("create schema if not exists " + PORTAL_SCHEMA);
            c.createStatement().execute("set search_path to " + PORTAL_SCHEMA);
            c.createStatement().execute(Files.readString(Path.of("connectors/portal-sql-sink.sql")));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JdbcTemplate portalDb() {
        return new JdbcTemplate(new SingleConnectionDataSource(portalUrl(), TestEnvironment.postgresUser(),
                TestEnvironment.postgresPassword(), true));
    }

    @AfterAll
    static void dropPortalSchema() {
        portalDb().execute("drop schema " + PORTAL_SCHEMA + " cascade");
    }

    @Autowired
    ProducerTemplate camel;
    @Autowired
    CamelContext camelContext;
    @Autowired
    SlipLinks links;
    @Autowired
    JmsTemplate jms;

    @BeforeEach
    void departments() {
        TestDepartments.ensure(db);
    }

    static String mobile() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** A web case (Open311, with the citizen's phone), dispatched to t-water; its case number. */
    String webCase(String externalId, String webPhone) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", PORTAL_KEY);
        form.put("service_code", "utilities");
        form.put("description", "幸福小区停水三天了，请尽快处理");
        form.put("external_id", externalId);
        form.put("phone", webPhone);
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpAnswer posted = hub().post("/open311/v2/requests.json", "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
        String caseNo = posted.json().get(0).get("service_request_id").asText();
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.COMPLAINT, "utilities",
                "t-water", List.of(), "rule:test"));
        return caseNo;
    }

    /** Another intake of the same case, as a repeat joining it would add (no joining yet: inserted here). */
    void joinIntake(String caseNo, String channel, String externalId, String name, String phone) {
        db.update("insert into case_intake (case_no, channel, external_id, citizen_name, citizen_phone, received_at, "
                + "created_at) values (?, ?, ?, ?, ?, now(), now())", caseNo, channel, externalId, name, phone);
    }

    /** The lead department answers on its slip's reply page, as a clerk would. */
    void answer(String caseNo, String kind, String text) {
        String path = "/reply/" + links.token(caseNo + "-1", "t-water", Instant.now().plus(1, ChronoUnit.DAYS));
        PageSession clerk = new PageSession(port);
        HttpAnswer page = clerk.get(path);
        HttpAnswer sent = clerk.postForm(path, Map.of(CSRF, PageSession.hidden(page, CSRF), "kind", kind, "text", text));
        assertThat(sent.status()).as(sent.toString()).isEqualTo(302);
    }

    List<Map<String, Object>> records(String caseNo) {
        return db.queryForList("select s.target, s.status, s.attempts, s.address, s.last_error, i.channel, s.ref, "
                + "s.answer_ref from case_sync s join case_intake i on i.id = s.intake_id where s.case_no = ? "
                + "order by s.id", caseNo);
    }

    void awaitAllSent(String caseNo, int count) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(records(caseNo))
                .hasSize(count).allSatisfy(r -> assertThat(r.get("status")).as(r.toString()).isEqualTo("SENT")));
    }

    List<String> texts(String phone) {
        return SMS_GATEWAY.requestsTo(phone).stream().map(r -> r.params().get("text")).toList();
    }

    @Test
    void aCaseWithWebHotlineAndWalkInIntakesGetsEachAnswerOnEveryChannel() {
        String webPhone = mobile();
        String callerPhone = mobile();
        String petitionerPhone = mobile();
        String externalId = "WEB-" + UUID.randomUUID();
        String caseNo = webCase(externalId, webPhone);
        joinIntake(caseNo, "hotline", "HL-" + caseNo, "王女士", callerPhone);
        joinIntake(caseNo, "desk", null, "李先生", petitionerPhone);

        answer(caseNo, "PROGRESS", "已安排抢修，预计周五前恢复供水");
        // web: portal row; hotline: callback task and SMS; walk-in: SMS. No survey before the final answer.
        awaitAllSent(caseNo, 4);
        JsonNode open = hub().get("/open311/v2/requests/" + caseNo + ".json").json().get(0);
        assertThat(open.get("status").asText()).isEqualTo("open");
        assertThat(open.get("status_notes").asText()).isEqualTo("已安排抢修，预计周五前恢复供水");

        answer(caseNo, "FINAL", "供水管道已修复，已恢复供水。如仍有问题请拨打13912345678联系。");
        // and now the same again for the final answer, plus one survey per intake with a mobile
        awaitAllSent(caseNo, 4 + 4 + 3);

        JsonNode request = hub().get("/open311/v2/requests/" + caseNo + ".json").json().get(0);
        assertThat(request.get("status").asText()).isEqualTo("closed");
        assertThat(request.get("status_notes").asText()).isEqualTo("供水管道已修复，已恢复供水。如仍有问题请拨打139****5678联系。");
        OffsetDateTime published = db.queryForObject("select max(published_at) from case_answer where case_no = ?",
                OffsetDateTime.class, caseNo);
        assertThat(OffsetDateTime.parse(request.get("updated_datetime").asText())).isAfterOrEqualTo(
                published.truncatedTo(ChronoUnit.SECONDS));
        assertThat(hub().get("/open311/v2/requests.json?status=closed").json().findValuesAsText("service_request_id"))
                .contains(caseNo);

        JsonNode updates = hub().get("/open311/v2/servicerequestupdates.json").json();
        List<JsonNode> ours = java.util.stream.StreamSupport.stream(updates.spliterator(), false)
                .filter(u -> caseNo.equals(u.get("service_request_id").asText())).toList();
        assertThat(ours).extracting(u -> u.get("status").asText()).containsExactly("in_progress", "closed");
        assertThat(ours.get(1).get("description").asText()).contains("139****5678").doesNotContain("13912345678");
        assertThat(ours.get(1).get("updated_datetime").asText()).endsWith("+08:00");
        assertThat(ours.get(0).get("update_id").asText()).isNotEqualTo(ours.get(1).get("update_id").asText());
        String xml = hub().get("/open311/v2/servicerequestupdates.xml").text();
        assertThat(xml).contains("<service_request_updates>", "<request_update>", "<update_id>");

        List<SinkServer.Request> callbacks = CALL_CENTER.requestsFor(caseNo);
        assertThat(callbacks).hasSize(2).allSatisfy(c -> {
            assertThat(c.taken()).isTrue();
            assertThat(c.contentType()).startsWith("application/json");
            assertThat(c.apiKey()).isEqualTo("call-center-key");
            assertThat(c.idempotencyKey()).isEqualTo(c.json().get("ref").asText());
        });
        JsonNode task = callbacks.get(1).json();
        assertThat(task.get("recordId").asText()).isEqualTo("HL-" + caseNo);
        assertThat(task.get("callerNumber").asText()).isEqualTo(callerPhone);
        assertThat(task.get("callerName").asText()).isEqualTo("王女士");
        assertThat(task.get("kind").asText()).isEqualTo("final");
        assertThat(task.get("department").asText()).isEqualTo("测试水务局");
        assertThat(task.get("answer").asText()).isEqualTo("供水管道已修复，已恢复供水。如仍有问题请拨打13912345678联系。");
        assertThat(task.get("queryCode").asText()).isNotBlank();

        assertThat(texts(callerPhone)).hasSize(3);
        assertThat(texts(callerPhone).get(1)).startsWith("【某某县】您反映的问题（编号" + caseNo + "）有办结答复：供水管道已修复")
                .contains("139****5678", "https://lianxin.example.gov.cn/query?caseNo=" + caseNo + "&queryCode=")
                .doesNotContain("13912345678");
        assertThat(texts(callerPhone)).anySatisfy(t -> assertThat(t).contains(caseNo, "回复 1 满意 2 基本满意 3 不满意"));
        assertThat(texts(petitionerPhone)).hasSize(3);
        assertThat(texts(webPhone)).as("a web citizen: only the survey by SMS").hasSize(1)
                .allSatisfy(t -> assertThat(t).contains(caseNo, "回复 1 满意 2 基本满意 3 不满意"));

        List<Map<String, Object>> portalRows = portalDb().queryForList(
                "select message_id, channel, kind, status, answer, department from portal_reply where case_no = ? "
                        + "order by published_at", caseNo);
        assertThat(portalRows).extracting(r -> r.get("kind")).containsExactly("progress", "final");
        assertThat(portalRows.get(1)).containsEntry("message_id", externalId).containsEntry("channel", "open311")
                .containsEntry("status", "closed").containsEntry("department", "测试水务局");
        assertThat((String) portalRows.get(1).get("answer")).contains("139****5678");
    }

    @Test
    void aReceiverDownThenUpGetsItOnceAndOneDownTooLongIsParkedUntilReplayed() {
        String callerPhone = mobile();
        String caseNo = webCase("WEB-" + UUID.randomUUID(), mobile());
        joinIntake(caseNo, "hotline", "HL-" + caseNo, null, callerPhone);

        CALL_CENTER.downFor(MAX_ATTEMPTS - 1);
        answer(caseNo, "PROGRESS", "正在协调施工单位");
        awaitAllSent(caseNo, 3);
        assertThat(CALL_CENTER.requestsFor(caseNo)).extracting(SinkServer.Request::answeredWith)
                .containsExactly(502, 502, 201);
        assertThat(records(caseNo)).filteredOn(r -> "hotline".equals(r.get("target"))).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("attempts")).isEqualTo(MAX_ATTEMPTS);
                    assertThat(r.get("last_error")).isNull();
                });

        CALL_CENTER.downFor(MAX_ATTEMPTS);
        answer(caseNo, "FINAL", "施工已完成");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(records(caseNo))
                .filteredOn(r -> "hotline".equals(r.get("target"))).extracting(r -> r.get("status"))
                .containsExactly("SENT", "DEAD"));
        Map<String, Object> parked = records(caseNo).stream().filter(r -> "DEAD".equals(r.get("status"))).findFirst()
                .orElseThrow();
        assertThat(parked.get("attempts")).isEqualTo(MAX_ATTEMPTS);
        assertThat((String) parked.get("last_error")).contains("502");

        PageSession staff = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
        HttpAnswer page = staff.get("/deliveries");
        assertThat(page.text()).contains("id=\"sync-" + parked.get("ref") + "\"", "热线回访", "502");
        HttpAnswer replayed = staff.postForm("/deliveries/sync-replay", Map.of(CSRF, PageSession.hidden(page, CSRF),
                "ref", (String) parked.get("ref"), "caseNo", caseNo));
        assertThat(replayed.status()).isEqualTo(302);
        // the final answer: portal, callback task, SMS, and a survey for each of the two phones
        awaitAllSent(caseNo, 3 + 5);
        assertThat(CALL_CENTER.requestsFor(caseNo)).filteredOn(SinkServer.Request::taken)
                .extracting(r -> r.json().get("kind").asText()).containsExactly("progress", "final");
        assertThat(camel.requestBodyAndHeader("direct:replay-sync", null, "syncRef", parked.get("ref"), Boolean.class))
                .as("a sent record is never sent again").isFalse();
    }

    @Test
    void anAnswerPublishedTwiceOrAMessageReadTwiceSendsNothingTwice() throws Exception {
        String callerPhone = mobile();
        String caseNo = webCase("WEB-" + UUID.randomUUID(), mobile());
        joinIntake(caseNo, "hotline", "HL-" + caseNo, null, callerPhone);
        answer(caseNo, "FINAL", "已处理完毕");
        awaitAllSent(caseNo, 5);
        String answerRef = (String) records(caseNo).get(0).get("answer_ref");

        camel.sendBodyAndHeaders("direct:answer-published", null, Map.of("answerRef", answerRef, "now",
                OffsetDateTime.now()));
        assertThat(records(caseNo)).hasSize(5);
        assertThat(db.queryForObject("select count(*) from case_outbox where case_no = ?", Long.class, caseNo)).isZero();

        // Every record's message read again (a relay's repeat past the broker's duplicate detection, a redelivery):
        // each is consumed, and nothing goes out again.
        NotifyBuilder consumed = new NotifyBuilder(camelContext).fromRoute("sync-deliver-*").whenDone(5).create();
        for (Map<String, Object> r : records(caseNo)) {
            String queue = switch ((String) r.get("target")) {
                case "portal" -> "lianxin.sync.portal";
                case "hotline" -> "lianxin.sync.hotline";
                default -> "lianxin.sync.sms";
            };
            jms.convertAndSend(queue, "{\"ref\":\"" + r.get("ref") + "\",\"round\":1}");
        }
        assertThat(consumed.matches(20, TimeUnit.SECONDS)).isTrue();
        assertThat(CALL_CENTER.requestsFor(caseNo)).hasSize(1);
        assertThat(texts(callerPhone)).hasSize(2);
        assertThat(portalDb().queryForObject("select count(*) from portal_reply where case_no = ?", Long.class,
                caseNo)).isEqualTo(1);
        assertThat(records(caseNo)).allSatisfy(r -> assertThat(r.get("attempts")).isEqualTo(1));

        // A second final answer on the same slip (a correction) goes out again, but asks for no second rating.
        String correction = UUID.randomUUID().toString();
        db.update("insert into case_answer (ref, case_no, slip_no, department_id, kind, body, public_answer, "
                + "created_at) values (?, ?, ?, 't-water', 'FINAL', '更正：已全部处理完毕', true, now())", correction,
                caseNo, caseNo + "-1");
        camel.sendBodyAndHeaders("direct:answer-published", null, Map.of("answerRef", correction, "now",
                OffsetDateTime.now()));
        awaitAllSent(caseNo, 5 + 3);
        assertThat(records(caseNo)).filteredOn(r -> correction.equals(r.get("answer_ref")))
                .extracting(r -> r.get("target")).containsExactly("portal", "hotline", "sms");
        assertThat(texts(callerPhone)).hasSize(3).filteredOn(t -> t.contains("回复 1 满意")).hasSize(1);
    }

    /** The connectors this context does not use, called as a route would call them. */
    @Test
    void theOtherConnectorsKeepTheirContract(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        String task = "{\"ref\":\"r1\",\"caseNo\":\"2026009999\",\"answer\":\"已办结\"}";
        camel.sendBodyAndHeader("kamelet:hotline-file-sink?folder=" + folder, task, "syncRef", "r1.7.hotline");
        assertThat(Files.readString(folder.resolve("r1.7.hotline.json"), StandardCharsets.UTF_8)).isEqualTo(task);

        String portal = "kamelet:portal-http-sink?url=" + CALL_CENTER.url("/replies") + "&apiKey=portal-key";
        String reply = "{\"ref\":\"r2\",\"caseNo\":\"2026009998\",\"answer\":\"已办结\"}";
        camel.sendBodyAndHeaders(portal, reply, Map.of("syncRef", "r2.6.portal", "smsTo", "13800000000"));
        SinkServer.Request posted = CALL_CENTER.requestsFor("2026009998").get(0);
        assertThat(posted.path()).isEqualTo("/replies");
        assertThat(posted.idempotencyKey()).isEqualTo("r2.6.portal");
        assertThat(posted.apiKey()).isEqualTo("portal-key");
        assertThat(posted.body()).isEqualTo(reply);

        CALL_CENTER.downFor(1);
        org.apache.camel.Exchange failed = camel.send(portal, e -> {
            e.getMessage().setBody(reply);
            e.getMessage().setHeader("syncRef", "r2.6.portal");
        });
        assertThat(failed.getException()).hasMessageContaining("The portal answered HTTP 502");
    }
}
