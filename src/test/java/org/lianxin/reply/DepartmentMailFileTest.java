package org.lianxin.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestEnvironment;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestDepartments;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The embedded default's mailbox: answers dropped as .eml files act on their slips, strangers are quarantined. */
@LianxinTest
class DepartmentMailFileTest extends HubTestSupport {

    @Autowired
    ProducerTemplate camel;
    @Value("${lianxin.mail.inbound.folder}")
    Path inbox;

    static byte[] mail(String from, String subject, String text, String messageId) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        m.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    void drop(byte[] eml) throws Exception {
        Files.createDirectories(inbox);
        Path tmp = inbox.resolve(UUID.randomUUID() + ".tmp");
        Files.write(tmp, eml);
        Files.move(tmp, inbox.resolve(UUID.randomUUID() + ".eml"));
    }

    String dispatched() {
        TestDepartments.ensure(db);
        String caseNo = TestCases.awaitingDispatcher(hub(), db, "");
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.HELP, null, "t-water", List.of(),
                "rule:test"));
        return caseNo;
    }

    @Test
    void aReplySigningForTheSlipActsOnceEvenWhenTheSameMailComesTwice() throws Exception {
        String caseNo = dispatched();
        String id = "<" + UUID.randomUUID() + "@dept.example.cn>";
        byte[] eml = mail("Water@T.example.cn", "Re: 【交办单】" + caseNo + "-1 反映问题 (主办)",
                "签收\n\n发自我的iPhone\n\n------------------ 原始邮件 ------------------\n> 原文", id);

        drop(eml);
        drop(eml);

        await().atMost(Duration.ofSeconds(20)).until(() -> "SIGNED".equals(db.queryForObject(
                "select status from slip where slip_no = ?", String.class, caseNo + "-1")));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (var files = Files.list(inbox)) {
                return files.noneMatch(f -> f.toString().endsWith(".eml"));
            }
        });
        assertThat(db.queryForObject("select count(*) from case_event where case_no = ? and action = 'signed'",
                Long.class, caseNo)).isEqualTo(1);
        assertThat(db.queryForObject("select count(*) from camel_messageprocessed where messageId = ?", Long.class,
                id)).isEqualTo(1);
    }

    @Test
    void theSameMailTwiceIsTakenOnceByItsMessageId() throws Exception {
        String caseNo = dispatched();
        String id = "<" + UUID.randomUUID() + "@dept.example.cn>";
        byte[] eml = mail("water@t.example.cn", "Re: " + caseNo + "-1", "进展：已派人现场查看，三日内回复。", id);

        drop(eml);
        drop(eml);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (var files = Files.list(inbox.resolve(".done"))) {
                return files.filter(f -> f.toString().endsWith(".eml")).count() >= 2
                        && db.queryForObject("select count(*) from camel_messageprocessed where messageId = ?",
                                Long.class, id) == 1;
            }
        });
        // Every file is moved only once its route is done: both are done, and the message was kept once.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (var files = Files.list(inbox)) {
                return files.noneMatch(f -> f.toString().endsWith(".eml"));
            }
        });
        assertThat(db.queryForObject("select count(*) from case_answer where case_no = ? and kind = 'PROGRESS'",
                Long.class, caseNo)).isEqualTo(1);
    }

    @Test
    void aDroppedAnswersFileIsKeptWithTheCase() throws Exception {
        String caseNo = dispatched();
        byte[] photo = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        drop(ReplyMails.bytes(ReplyMails.reply("water@t.example.cn", "Re: 【交办单】" + caseNo + "-1",
                "进展：已到现场查看，见照片。", "<" + UUID.randomUUID() + "@dept.example.cn>",
                new ReplyMails.File("现场.png", "image/png", photo, null))));

        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryForObject(
                "select count(*) from case_attachment where case_no = ?", Long.class, caseNo) == 1);
        Map<String, Object> file = db.queryForMap("select * from case_attachment where case_no = ?", caseNo);
        assertThat(file).containsEntry("file_name", "现场.png").containsEntry("content_type", "image/png");
        assertThat((byte[]) file.get("content")).isEqualTo(photo);
        assertThat(db.queryForObject("select status from citizen_case where case_no = ?", String.class, caseNo))
                .isEqualTo("IN_PROGRESS");
    }

    @Test
    void aStrangersMailAndAMailWithoutSlipNumberAreQuarantinedAndChangeNothing() throws Exception {
        String caseNo = dispatched();
        String strangerId = "<" + UUID.randomUUID() + "@qq.com>";
        String plainId = "<" + UUID.randomUUID() + "@dept.example.cn>";

        drop(mail("someone@qq.com", "Re: " + caseNo + "-1", "退单 这不是你们的事", strangerId));
        drop(mail("water@t.example.cn", "你好", "请问怎么处理？", plainId));

        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryForObject(
                "select count(*) from quarantined_message where message_id in (?, ?)", Long.class, strangerId,
                plainId) == 2);
        Map<String, Object> stranger = db.queryForMap("select * from quarantined_message where message_id = ?",
                strangerId);
        assertThat(stranger.get("sender")).isEqualTo("someone@qq.com");
        assertThat(stranger.get("reason").toString()).contains("someone@qq.com", caseNo + "-1");
        assertThat(stranger.get("body").toString()).contains("这不是你们的事");
        assertThat(db.queryForObject("select reason from quarantined_message where message_id = ?", String.class,
                plainId)).contains("no slip number");
        assertThat(db.queryForObject("select status from slip where slip_no = ?", String.class, caseNo + "-1"))
                .isEqualTo("ISSUED");

        // Staff read them at /quarantine, escaped as all outside text.
        HttpAnswer page = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD).get("/quarantine");
        assertThat(page.text()).contains("someone@qq.com", "这不是你们的事", "no slip number");
    }
}
