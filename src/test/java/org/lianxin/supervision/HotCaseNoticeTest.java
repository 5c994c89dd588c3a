package org.lianxin.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.springframework.beans.factory.annotation.Value;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** Supervisors are told at once of a hot case, by a mail through the hub's mail connector. */
@LianxinTest
class HotCaseNoticeTest extends HubTestSupport {

    @Value("${lianxin.data-dir}")
    Path dataDir;

    @Test
    void aHotCallReachesTheSupervisorsMailboxOnce() throws Exception {
        String body = "{\"recordId\":\"HOT-" + UUID.randomUUID() + "\",\"category\":\"labour\","
                + "\"title\":\"工地欠薪\",\"content\":\"三十多名工人群体聚集在县政府门口讨薪，情绪激动。\"}";
        String caseNo = hub().postJson("/api/hotline/calls", body, "X-Api-Key", HOTLINE_KEY)
                .json().get("results").get(0).get("caseNo").asText();

        Path eml = dataDir.resolve("outbox/mail/hot-" + caseNo + ".eml");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(eml) && db.queryForObject(
                "select count(*) from case_event where case_no = ? and action = 'hot-notified'", Long.class,
                caseNo) == 1);
        MimeMessage mail;
        try (InputStream in = Files.newInputStream(eml)) {
            mail = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(mail.getSubject()).isEqualTo("【热点】" + caseNo + " 工地欠薪");
        assertThat(mail.getAllRecipients()[0].toString()).contains("supervisors@localhost");
        assertThat((String) mail.getContent()).contains(caseNo, "群体", "劳动就业");
        assertThat(db.queryForObject("select hot from citizen_case where case_no = ?", Boolean.class, caseNo)).isTrue();
    }
}
