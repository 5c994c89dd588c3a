package org.lianxin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.support.TestPropertySourceUtils;
import org.springframework.util.FileSystemUtils;

/**
 * Gives each test application context its own world: a data dir (embedded Artemis journal, file inboxes) in a
 * temporary folder and, on PostgreSQL, a schema of its own in the `test` database, dropped when the context
 * closes. PostgreSQL is the default; a test sets lianxin.test.database=h2 for the embedded database instead.
 * LIANXIN_TEST_PG_URL points the suite at another PostgreSQL.
 */
public class TestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String HOTLINE_KEY = "test-hotline-key";
    public static final String PORTAL_KEY = "test-portal-key";
    public static final String LEADER_EMAIL = "leader@t.example.cn";
    public static final String ADMIN_PASSWORD = "test-admin-password";
    /** Twilio's auth token in every test context, so that signed Twilio webhooks can be tested there. */
    public static final String TWILIO_AUTH_TOKEN = "test-twilio-auth-token";

    /** The PostgreSQL test database, for tests that need a second connection to it (a portal table, say). */
    public static String postgresUrl() {
        return System.getenv().getOrDefault("LIANXIN_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String postgresUser() {
        return System.getenv().getOrDefault("LIANXIN_TEST_PG_USER", "postgres");
    }

    public static String postgresPassword() {
        return System.getenv().getOrDefault("LIANXIN_TEST_PG_PASSWORD", "");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("lianxin-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("lianxin.data-dir", dataDir.toString());
        p.put("lianxin.http.port", "0");
        p.put("lianxin.channels.hotline.api-key", HOTLINE_KEY);
        p.put("lianxin.channels.portal.api-key", PORTAL_KEY);
        p.put("lianxin.security.admin-password", ADMIN_PASSWORD);
        p.put("lianxin.sms.twilio.auth-token", TWILIO_AUTH_TOKEN);
        // several test contexts stay open side by side on one PostgreSQL (100 connections): small pools each
        p.put("lianxin.database.pool-size", "4");
        p.put("spring.datasource.hikari.minimum-idle", "1");
        // fixtures write departments straight into the database (TestDepartments): the hub reads them at once
        p.put("lianxin.directory.cache-ttl-ms", "0");
        p.put("lianxin.outbox.poll-interval-ms", "50");
        p.put("lianxin.broker.redelivery-delay-ms", "100");
        p.put("lianxin.dispatch.sign-reminder-check-ms", "200");
        p.put("lianxin.satisfaction.close-unrated-check-ms", "200");
        // t-water's leader gets its 督办单 (deadline tests run the watch themselves, at a moved clock)
        p.put("lianxin.supervision.leaders[0].name", "测试副县长");
        p.put("lianxin.supervision.leaders[0].email", LEADER_EMAIL);
        p.put("lianxin.supervision.leaders[0].departments[0]", "t-water");
        // Fixtures across the suite send unrelated cases from one phone with alike texts: repeats are tested in
        // org.lianxin.repeats, where they are switched on.
        p.put("lianxin.repeats.enabled", "false");
        // Tests drop files as name.tmp renamed when written, as the call center should: no minimum age needed.
        p.put("lianxin.channels.hotline.csv.poll-interval-ms", "100");
        p.put("lianxin.channels.hotline.csv.min-age-ms", "1");
        String schema = null;
        if (!"h2".equals(env.getProperty("lianxin.test.database"))) {
            schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            String base = postgresUrl();
            p.put("lianxin.database.url", base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            p.put("lianxin.database.username", postgresUser());
            p.put("lianxin.database.password", postgresPassword());
            p.put("spring.flyway.schemas", schema);
        }
        // Below a test class's own @TestPropertySource, above everything else.
        MapPropertySource testDefaults = new MapPropertySource("lianxin-test-environment", p);
        String inlined = TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME;
        if (env.getPropertySources().contains(inlined)) {
            env.getPropertySources().addAfter(inlined, testDefaults);
        } else {
            env.getPropertySources().addFirst(testDefaults);
        }
        String ownSchema = schema;
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                // Stop the routes first: the outbox relay must not poll a schema that is being dropped.
                context.getBean(CamelContext.class).stop();
                if (ownSchema != null) {
                    new JdbcTemplate(context.getBean(DataSource.class)).execute("drop schema " + ownSchema + " cascade");
                }
                FileSystemUtils.deleteRecursively(dataDir.toFile());
            }
        });
    }
}
