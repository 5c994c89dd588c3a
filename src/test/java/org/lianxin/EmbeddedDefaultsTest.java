package org.lianxin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;

import java.nio.file.Files;
import java.time.Duration;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubClient;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * The README's run command: H2 file database and embedded Artemis under the data dir, one channel end to end; the
 * supervisors' figures count on H2 as on PostgreSQL.
 */
@LianxinTest
@TestPropertySource(properties = {"lianxin.test.database=h2", "lianxin.security.admin-password="})
class EmbeddedDefaultsTest extends HubTestSupport {

    @Value("${lianxin.data-dir}")
    Path dataDir;
    @Autowired
    ProducerTemplate camel;

    @Test
    void startsOnH2AndCarriesAHotlineCallToTheQueue() throws Exception {
        assertThat(db.queryForObject("select database_path()", String.class)).startsWith(dataDir.toString());
        // Up once every polling consumer (the CSV folder) has polled for the first time.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(hub().get("/actuator/health").json().get("status").asText()).isEqualTo("UP"));

        String body = "{\"recordId\":\"H2-" + UUID.randomUUID() + "\",\"content\":\"自来水发黄\",\"category\":\"utilities\"}";
        HttpAnswer answer = hub().postJson("/api/hotline/calls", body, "X-Api-Key", HOTLINE_KEY);
        String caseNo = answer.json().get("results").get(0).get("caseNo").asText();

        assertThat(queue.messagesFor(caseNo)).hasSize(1);
        assertThat(Files.list(dataDir.resolve("artemis"))).isNotEmpty();
    }

    @Test
    void theDashboardAndTheQuarterlyReportCountOnH2Too() {
        String body = "{\"recordId\":\"H2-" + UUID.randomUUID() + "\",\"content\":\"路灯不亮\",\"category\":\"urban\"}";
        String caseNo = hub().postJson("/api/hotline/calls", body, "X-Api-Key", HOTLINE_KEY).json().get("results")
                .get(0).get("caseNo").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> !"REGISTERED".equals(db.queryForObject(
                "select status from citizen_case where case_no = ?", String.class, caseNo)));

        Map<?, ?> dashboard = camel.requestBody("direct:dashboard", null, Map.class);
        assertThat((List<?>) dashboard.get("openByStatus")).isNotEmpty();
        assertThat((List<?>) dashboard.get("openByDepartment")).isNotEmpty();
        Object report = camel.requestBodyAndHeaders("direct:quarterly-report", null, Map.of("year", "2026",
                "quarter", "1"));
        assertThat(report).isNotNull();
    }

    @Test
    void firstStartWritesTheGeneratedAdminPasswordOnceAndItWorks() throws Exception {
        Path file = dataDir.resolve("initial-admin-password");
        String password = Files.readString(file).strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(16);
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        HttpAnswer missing = hub().get("/api/cases/1999000001", HubClient.basic("admin", password));
        assertThat(missing.status()).isEqualTo(404);
    }
}
