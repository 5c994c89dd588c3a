package org.lianxin.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.Sha256;
import org.lianxin.support.HubClient;
import org.lianxin.support.MailServerHub;
import org.lianxin.support.TestCases;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.internet.MimeMessage;

/**
 * A department's answer read from the hub's IMAP mailbox (GreenMail) with files attached: kept with the case and the
 * answer, Chinese names as sent, a file of a refused type noted on the case; a stranger's files are not kept.
 */
class MailAttachmentsTest extends MailServerHub {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
    static final byte[] PDF = "%PDF-1.4\n% 整改报告\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    ProducerTemplate camel;

    String caseNo;
    String slipNo;

    @BeforeEach
    void dispatched() {
        caseNo = TestCases.dispatched(hub(), db, camel, "t-water");
        slipNo = caseNo + "-1";
    }

    void deliver(MimeMessage mail) {
        smtp.getUserManager().getUser(HUB_MAILBOX).deliver(mail);
    }

    @Test
    void anAnswerWithChineseFilesIsAppliedAndItsFilesKeptWithItARefusedOneNotedOnTheCase() throws Exception {
        MimeMessage reply = ReplyMails.reply("Water@T.example.cn", "Re: 【交办单】" + slipNo + " 河道垃圾 (主办)",
                "办结：河道垃圾已清理，照片和报告见附件。\n\n发自我的iPhone\n\n在 2026年11月29日，连心桥 写道：\n> 【交办单】"
                        + slipNo + " 请于期限内办理",
                "<" + UUID.randomUUID() + "@t.example.cn>",
                new ReplyMails.File("现场照片.jpg", "image/jpeg", JPEG, null),
                new ReplyMails.File("整改报告.pdf", "application/octet-stream", PDF, "GBK"),
                new ReplyMails.File("查看工具.exe", "application/octet-stream", new byte[] {'M', 'Z'}, "UTF-8"));
        String raw = new String(ReplyMails.bytes(reply), StandardCharsets.US_ASCII);
        assertThat(raw).contains("filename*=", "=?GBK?B?", "=?UTF-8?B?");

        deliver(reply);

        await().atMost(Duration.ofSeconds(30)).until(() -> "REPLIED".equals(db.queryForObject(
                "select status from citizen_case where case_no = ?", String.class, caseNo)));
        Map<String, Object> answer = db.queryForMap("select ref, body from case_answer where slip_no = ?", slipNo);
        assertThat(answer.get("body")).isEqualTo("河道垃圾已清理，照片和报告见附件。");
        List<Map<String, Object>> files = db.queryForList("select * from case_attachment where case_no = ? order by id",
                caseNo);
        assertThat(files).extracting(f -> f.get("file_name")).containsExactly("现场照片.jpg", "整改报告.pdf");
        assertThat(files).extracting(f -> f.get("content_type")).containsExactly("image/jpeg", "application/pdf");
        assertThat(files).allSatisfy(f -> assertThat(f).containsEntry("answer_ref", answer.get("ref"))
                .containsEntry("slip_no", slipNo).containsEntry("source", "email"));
        assertThat((byte[]) files.get(0).get("content")).isEqualTo(JPEG);
        assertThat((byte[]) files.get(1).get("content")).isEqualTo(PDF);
        assertThat(files.get(1).get("sha256")).isEqualTo(Sha256.hex(PDF));

        String note = db.queryForObject("select note from case_event where case_no = ? and action = "
                + "'attachments-refused'", String.class, caseNo);
        assertThat(note).contains("查看工具.exe", "application/x-msdownload");

        JsonNode listed = hub().get("/api/cases/" + caseNo, HubClient.admin()).json().get("attachments");
        assertThat(listed).extracting(f -> f.get("fileName").asText()).containsExactly("现场照片.jpg", "整改报告.pdf");
    }

    @Test
    void aStrangersFilesAreNotKeptButNamedWithTheQuarantinedMail() throws Exception {
        String id = "<" + UUID.randomUUID() + "@qq.com>";
        deliver(ReplyMails.reply("someone@qq.com", "Re: " + slipNo, "办结 已经处理好了", id,
                new ReplyMails.File("身份证.jpg", "image/jpeg", JPEG, null)));

        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                "select count(*) from quarantined_message where message_id = ?", Long.class, id) == 1);
        assertThat(db.queryForObject("select body from quarantined_message where message_id = ?", String.class, id))
                .contains("身份证.jpg", "已经处理好了");
        assertThat(db.queryForObject("select count(*) from case_attachment where case_no = ?", Long.class, caseNo))
                .isZero();
    }
}
