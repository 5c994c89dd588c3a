package org.lianxin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.WithoutTriage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jms.core.JmsTemplate;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** The embedded default, mail-file-sink: each email slip is an .eml file under <data-dir>/outbox/mail. */
@LianxinTest
@WithoutTriage
class SlipMailFileTest extends HubTestSupport {

    @Autowired
    ProducerTemplate camel;
    @Autowired
    JmsTemplate jms;
    @Value("${lianxin.data-dir}")
    Path dataDir;

    @BeforeEach
    void department() {
        DispatchFixtures.department(db, "t-file", "测试文件局", true, false, false, List.of("file@t.example.cn"),
                List.of());
    }

    @Test
    void aDispatchedSlipIsWrittenAsAnEmlFileOnceEvenWhenItsMessageComesAgain() throws Exception {
        String caseNo = DispatchFixtures.registerCase(hub(), Map.of("title", "垃圾清运不及时",
                "content", "小区垃圾三天没人清运", "callerNumber", "13812341234"));
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.COMPLAINT, "environment",
                "t-file", List.of(), "rule:test"));
        String slipNo = caseNo + "-1";
        await().atMost(Duration.ofSeconds(20)).until(() -> "ACCEPTED".equals(status(slipNo)));

        List<Path> files = emlFiles(slipNo);
        assertThat(files).hasSize(1);
        String messageId = db.queryForObject("select provider_ref from slip_delivery where slip_no = ?",
                String.class, slipNo);
        // <slipNo>-email-<hash of the address>.eml, the name the Message-ID is made of too
        assertThat(files.get(0).getFileName().toString()).matches(slipNo + "-email-[0-9a-f]{12}\\.eml");
        assertThat(messageId).startsWith("<" + files.get(0).getFileName().toString().replace(".eml", ".r1@"));

        MimeMessage mail;
        try (InputStream in = Files.newInputStream(files.get(0))) {
            mail = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertThat(mail.getSubject()).isEqualTo("【交办单】" + slipNo + " 垃圾清运不及时 (主办)");
        assertThat(mail.getMessageID()).isEqualTo(messageId);
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("file@t.example.cn");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat((String) parts.getBodyPart(0).getContent()).contains("小区垃圾三天没人清运", "138****1234");

        // The broker hands the same message out again (as after a crash before its commit): nothing is sent twice.
        FileTime written = Files.getLastModifiedTime(files.get(0));
        jms.convertAndSend("lianxin.slips.email", "{\"slipNo\":\"" + slipNo + "\",\"channel\":\"email\","
                + "\"address\":\"file@t.example.cn\",\"round\":1}", m -> {
                    m.setStringProperty("caseNo", caseNo);
                    return m;
                });
        await().atMost(Duration.ofSeconds(20)).until(() -> queue.messagesOn("lianxin.slips.email", caseNo).isEmpty());
        assertThat(emlFiles(slipNo)).hasSize(1);
        assertThat(Files.getLastModifiedTime(files.get(0))).isEqualTo(written);
        assertThat(db.queryForObject("select attempts from slip_delivery where slip_no = ?", Integer.class, slipNo))
                .isEqualTo(1);
    }

    String status(String slipNo) {
        return db.queryForObject("select status from slip_delivery where slip_no = ?", String.class, slipNo);
    }

    List<Path> emlFiles(String slipNo) throws Exception {
        Path folder = dataDir.resolve("outbox").resolve("mail");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(slipNo + "-")).toList();
        }
    }
}
