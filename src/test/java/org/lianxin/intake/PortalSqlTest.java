package org.lianxin.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.Channel;
import org.lianxin.cases.IntakeResult;
import org.lianxin.cases.IntakeSubmission;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.RegisteredQueue;
import org.lianxin.support.TestEnvironment;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.jms.TextMessage;

/**
 * The portal-database poller against a portal table in a schema of its own in the PostgreSQL test database, made
 * by running connectors/portal-sql-source.sql (the file a county runs) and dropped when the context closes. The
 * context is closed after this class, so that its poller does not run on beside the other test classes.
 */
@LianxinTest
@DirtiesContext
@Import(PortalSqlTest.PortalSchema.class)
class PortalSqlTest extends HubTestSupport {

    static final String SCHEMA = "portal_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final String TABLE = SCHEMA + ".portal_message";

    @DynamicPropertySource
    static void portalDatabase(DynamicPropertyRegistry registry) throws SQLException {
        try (Connection portal = portalConnection(); Statement sql = portal.createStatement()) {
            sql.execute("create schema " + SCHEMA);
            sql.execute("set search_path to " + SCHEMA);
            ScriptUtils.executeSqlScript(portal, new ClassPathResource("connectors/portal-sql-source.sql"));
        }
        registry.add("lianxin.channels.portal.sql.enabled", () -> "true");
        registry.add("lianxin.channels.portal.sql.url", TestEnvironment::postgresUrl);
        registry.add("lianxin.channels.portal.sql.username", TestEnvironment::postgresUser);
        registry.add("lianxin.channels.portal.sql.password", TestEnvironment::postgresPassword);
        registry.add("lianxin.channels.portal.sql.table", () -> TABLE);
        registry.add("lianxin.channels.portal.sql.poll-interval-ms", () -> "100");
        // Smaller than the rows of one test, so that a test spans several polls.
        registry.add("lianxin.channels.portal.sql.batch-size", () -> "2");
    }

    static Connection portalConnection() throws SQLException {
        return DriverManager.getConnection(TestEnvironment.postgresUrl(), TestEnvironment.postgresUser(),
                TestEnvironment.postgresPassword());
    }

    /** Drops the portal schema once the hub (and so its poller) has stopped. */
    static class PortalSchema implements DisposableBean {
        @Override
        public void destroy() throws SQLException {
            try (Connection portal = portalConnection(); Statement sql = portal.createStatement()) {
                sql.execute("drop schema " + SCHEMA + " cascade");
            }
        }
    }

    @Autowired
    DataSource hubDataSource;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    ObjectMapper json;

    /** Row ids chosen by the test, far above the table's own identity values, so the test knows them up front. */
    static long newId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    long insert(String name, String phone, String title, String content) {
        long id = newId();
        insert(id, name, phone, title, content);
        return id;
    }

    void insert(long id, String name, String phone, String title, String content) {
        db.update("insert into " + TABLE + " (id, created_at, name, phone, title, content) values (?, ?, ?, ?, ?, ?)",
                id, Timestamp.valueOf(LocalDateTime.of(2026, 11, 28, 9, 15)), name, phone, title, content);
    }

    Map<String, Object> row(long id) {
        return db.queryForMap("select * from " + TABLE + " where id = ?", id);
    }

    Map<String, Object> awaitMarked(long id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> row(id).get("lianxin_status") != null);
        return row(id);
    }

    long intakes(long id) {
        return db.queryForObject("select count(*) from case_intake where channel = 'portal' and external_id = ?",
                Long.class, Long.toString(id));
    }

    @Test
    void rowsBecomeCasesWithTheirTextExactlyEachOnTheQueueOnceAndMarkedWithTheCaseNumber() throws Exception {
        // CJK, a character outside the BMP (𠮷), full-width punctuation, markup, an emoji and a second line.
        List<String> contents = List.of("小区门口的路灯坏了一个月，晚上很黑。", "𠮷野家门口的井盖丢失，“非常危险”！😟\n第二行：请处理。",
                "楼下烧烤店油烟很大<b>影响休息</b>");
        List<Long> ids = contents.stream().map(c -> insert("张三", "138-0013-8000", "诉求：" + c.substring(0, 4), c)).toList();

        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            Map<String, Object> marked = awaitMarked(id);
            assertThat(marked.get("lianxin_status")).isEqualTo("registered");
            assertThat(marked.get("lianxin_error")).isNull();
            assertThat(marked.get("lianxin_synced_at")).isNotNull();
            String caseNo = (String) marked.get("lianxin_case_no");
            assertThat(caseNo).matches("\\d{10}");

            Map<String, Object> stored = db.queryForMap("select * from citizen_case where case_no = ?", caseNo);
            assertThat(((String) stored.get("content")).getBytes(StandardCharsets.UTF_8))
                    .isEqualTo(contents.get(i).getBytes(StandardCharsets.UTF_8));
            assertThat(stored.get("title")).isEqualTo("诉求：" + contents.get(i).substring(0, 4));
            assertThat(stored.get("citizen_name")).isEqualTo("张三");
            assertThat(stored.get("citizen_phone")).isEqualTo("13800138000");
            // created_at is the county's local time: 09:15 in Shanghai is 01:15 UTC.
            assertThat(db.queryForObject("select received_at from citizen_case where case_no = ?",
                    OffsetDateTime.class, caseNo).toInstant()).isEqualTo(OffsetDateTime.parse("2026-11-28T01:15Z").toInstant());
            assertThat(intakes(id)).isEqualTo(1);

            List<TextMessage> messages = queue.messagesFor(caseNo);
            assertThat(messages).hasSize(1);
            JsonNode message = json.readTree(RegisteredQueue.text(messages.get(0)));
            assertThat(message.get("channel").asText()).isEqualTo("portal");
            assertThat(message.get("externalId").asText()).isEqualTo(Long.toString(id));
        }
        assertThat(ids.stream().map(id -> row(id).get("lianxin_case_no")).distinct()).hasSize(ids.size());
    }

    @Test
    void aBadRowIsMarkedRejectedNamingItsColumnAndStoresNothing() {
        long casesBefore = db.queryForObject("select count(*) from citizen_case", Long.class);
        long noContent = insert("李四", "13900139000", "没有内容", null);
        long blankContent = insert("李四", null, "空白内容", "  \n ");
        long badPhone = insert("王五", "12ab", "电话不对", "噪音扰民");

        Map<String, Object> first = awaitMarked(noContent);
        assertThat(first.get("lianxin_status")).isEqualTo("rejected");
        assertThat((String) first.get("lianxin_error")).startsWith("content");
        assertThat(first.get("lianxin_case_no")).isNull();
        assertThat((String) awaitMarked(blankContent).get("lianxin_error")).startsWith("content");
        Map<String, Object> phone = awaitMarked(badPhone);
        assertThat(phone.get("lianxin_status")).isEqualTo("rejected");
        assertThat((String) phone.get("lianxin_error")).startsWith("phone");

        assertThat(intakes(noContent) + intakes(blankContent) + intakes(badPhone)).isZero();
        assertThat(db.queryForObject("select count(*) from citizen_case", Long.class)).isEqualTo(casesBefore);
    }

    @Test
    void aRowWhoseCaseWasCommittedButWhoseMarkerWasLostGetsTheSameCaseNumberAgain() {
        long id = insert("赵六", "13700137000", "暖气不热", "家里暖气一直不热。");
        String caseNo = (String) awaitMarked(id).get("lianxin_case_no");
        // The hub died after the case was committed and before the poll's markers were: the row is new again.
        db.update("update " + TABLE + " set lianxin_status = null, lianxin_case_no = null, lianxin_synced_at = null"
                + " where id = ?", id);

        Map<String, Object> again = awaitMarked(id);
        assertThat(again.get("lianxin_status")).isEqualTo("registered");
        assertThat(again.get("lianxin_case_no")).isEqualTo(caseNo);
        assertThat(intakes(id)).isEqualTo(1);
        assertThat(queue.messagesFor(caseNo)).hasSize(1);
    }

    @Test
    void aRowRegisteredBeforeItWasEverMarkedAnswersDuplicateWithThatCaseAndCreatesNoOther() {
        long id = newId();
        IntakeResult earlier = producer.requestBody("direct:register-intake", new IntakeSubmission(Channel.PORTAL,
                Map.of("id", Long.toString(id), "content", "公交站台的顶棚漏雨。")), IntakeResult.class);
        assertThat(earlier.status()).isEqualTo(IntakeResult.Status.created);
        long casesBefore = db.queryForObject("select count(*) from citizen_case", Long.class);

        insert(id, "孙七", null, "站台漏雨", "公交站台的顶棚漏雨。");

        Map<String, Object> marked = awaitMarked(id);
        assertThat(marked.get("lianxin_status")).isEqualTo("registered");
        assertThat(marked.get("lianxin_case_no")).isEqualTo(earlier.caseNo());
        assertThat(intakes(id)).isEqualTo(1);
        assertThat(db.queryForObject("select count(*) from citizen_case", Long.class)).isEqualTo(casesBefore);
        assertThat(queue.messagesFor(earlier.caseNo())).hasSize(1);
    }

    /**
     * The row stays locked while its case is being registered, so a second hub node polling with SKIP LOCKED passes
     * it by. The test holds the registration up by keeping an uncommitted intake with the row's external id in the
     * hub database, and looks at the row as the other node would.
     */
    @Test
    void aRowBeingRegisteredStaysLockedSoThatAnotherNodeSkipsIt() throws Exception {
        long id = newId();
        try (Connection hub = hubDataSource.getConnection()) {
            hub.setAutoCommit(false);
            String blocker = "T" + Long.toString(id).substring(0, 9);
            try (PreparedStatement c = hub.prepareStatement("insert into citizen_case (case_no, query_code, content,"
                    + " status, received_at, created_at, updated_at) values (?, 'X', 'x', 'REGISTERED', now(), now(), now())");
                    PreparedStatement i = hub.prepareStatement("insert into case_intake (case_no, channel, external_id,"
                            + " received_at, created_at) values (?, 'portal', ?, now(), now())")) {
                c.setString(1, blocker);
                c.executeUpdate();
                i.setString(1, blocker);
                i.setString(2, Long.toString(id));
                i.executeUpdate();
            }
            insert(id, "周八", null, "垃圾未清运", "小区垃圾三天没有清运。");

            await().atMost(Duration.ofSeconds(20)).until(() -> lockedByAnotherNode(id));
            assertThat(row(id).get("lianxin_status")).isNull();
            hub.rollback();
        }

        Map<String, Object> marked = awaitMarked(id);
        assertThat(marked.get("lianxin_status")).isEqualTo("registered");
        assertThat(intakes(id)).isEqualTo(1);
    }

    /** What a second node's poll sees: the row is there and new, but SKIP LOCKED passes it by. */
    boolean lockedByAnotherNode(long id) throws SQLException {
        try (Connection other = portalConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement skipLocked = other.prepareStatement(
                    "select id from " + TABLE + " where id = ? and lianxin_status is null for update skip locked")) {
                skipLocked.setLong(1, id);
                boolean visible = skipLocked.executeQuery().next();
                other.rollback();
                return !visible && row(id).get("lianxin_status") == null;
            }
        }
    }
}
