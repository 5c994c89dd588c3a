package org.lianxin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/** The slip email as a mail client reads it: the bytes written, parsed again. */
class SlipMailTest {

    static final ZoneOffset COUNTY = ZoneOffset.ofHours(8);
    final SlipMail mail = new SlipMail("某某县连心桥 <lianxin@hub.example.cn>",
            Clock.fixed(Instant.parse("2026-03-02T01:00:00Z"), ZoneOffset.UTC));

    static SlipDelivery delivery(String role, String title, String content, boolean hot) {
        return new SlipDelivery("2026000123-1", "email", "water@t.example.cn", "QUEUED", 0, 1, role, "求助",
                "供水供电供热", OffsetDateTime.of(2026, 3, 5, 9, 0, 0, 0, COUNTY), "https://hub.example.cn/reply/tok",
                "t-water", "测试水务局", "2026000123", title, content, "城关镇幸福小区3号楼", "王女士", "138****1234",
                OffsetDateTime.of(2026, 3, 2, 8, 30, 0, 0, COUNTY), hot, null);
    }

    static MimeMessage reparse(MimeMessage message) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(MimeMessageBytes.toBytes(message)));
    }

    @Test
    void aSlipIsMultipartTextAndHtmlInUtf8WithAnEncodedChineseSubject() throws Exception {
        MimeMessage m = reparse(mail.render(delivery("LEAD", "小区停水两天了", "小区停水两天了，\n老人做饭都难。", false)));

        assertThat(m.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(m.getSubject()).isEqualTo("【交办单】2026000123-1 小区停水两天了 (主办)");
        assertThat(((InternetAddress) m.getFrom()[0]).getAddress()).isEqualTo("lianxin@hub.example.cn");
        assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("某某县连心桥");
        assertThat(((InternetAddress) m.getReplyTo()[0]).getAddress()).isEqualTo("lianxin@hub.example.cn");
        assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly("water@t.example.cn");
        assertThat(m.getMessageID()).isEqualTo("<" + mail.key(delivery("LEAD", "", "", false)) + ".r1@hub.example.cn>");
        assertThat(m.getSentDate().toInstant()).isEqualTo(Instant.parse("2026-03-02T01:00:00Z"));

        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("utf-8");
        String text = (String) parts.getBodyPart(0).getContent();
        assertThat(text).contains("交办单 2026000123-1（主办）", "案件编号：2026000123", "诉求类型：求助",
                "诉求分类：供水供电供热", "小区停水两天了，\n老人做饭都难。", "发生地点：城关镇幸福小区3号楼",
                "受理时间：2026年3月2日 08:30", "办理时限：2026年3月5日 09:00", "诉求人：王女士", "联系电话：138****1234",
                "签收 2026000123-1", "“2026000123-1 答复内容”", "https://hub.example.cn/reply/tok")
                .doesNotContain("重点关注");
    }

    @Test
    void citizenTextIsEscapedInTheHtmlPartAndKeptAsGivenInTheTextPart() throws Exception {
        String content = "水是黄的 <script>alert('x')</script> & 有异味";
        MimeMessage m = reparse(mail.render(delivery("CO", "<b>停水</b>", content, true)));

        assertThat(m.getSubject()).isEqualTo("【交办单】2026000123-1 <b>停水</b> (协办)");
        MimeMultipart parts = (MimeMultipart) m.getContent();
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).contains("水是黄的 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 有异味",
                "&lt;b&gt;停水&lt;/b&gt;", "协办", "重点关注")
                .doesNotContain("<script>", "<b>停水");
        assertThat((String) parts.getBodyPart(0).getContent()).contains(content);
    }

    @Test
    void aLongTitleIsCutInTheSubjectButKeptInTheBody() throws Exception {
        String title = "关于".repeat(40);
        MimeMessage m = reparse(mail.render(delivery("LEAD", title, "内容", false)));
        assertThat(m.getSubject()).startsWith("【交办单】2026000123-1 关于").endsWith("… (主办)");
        assertThat((String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent()).contains(title);
    }

    @Test
    void theEnglishTextsHaveTheSameKeys() {
        assertThat(SlipMail.texts(Locale.ENGLISH).keySet())
                .containsExactlyInAnyOrderElementsOf(SlipMail.texts(SlipMail.LOCALE).keySet());
        assertThat(SlipMail.subject(delivery("LEAD", "停水", "", false), SlipMail.texts(Locale.ENGLISH)))
                .isEqualTo("[Slip] 2026000123-1 停水 (lead)");
    }

    @Test
    void aReopenedCasesSlipSaysSoWithTheCitizensComment() throws Exception {
        SlipDelivery d = delivery("LEAD", "路灯不亮", "路灯<b>坏了</b>", false);
        SlipDelivery reopened = new SlipDelivery(d.slipNo(), d.channel(), d.address(), d.status(), d.attempts(),
                d.round(), d.role(), d.requestType(), d.categoryName(), d.deadline(), d.replyUrl(), d.departmentId(),
                d.departmentName(), d.caseNo(), d.title(), d.content(), d.location(), d.citizenName(),
                d.citizenPhone(), d.receivedAt(), d.hot(), "重办（第1次）：市民不满意：<还是不亮>");

        MimeMessage m = reparse(mail.render(reopened));

        assertThat(m.getSubject()).isEqualTo("【重办】【交办单】2026000123-1 路灯不亮 (主办)");
        MimeMultipart parts = (MimeMultipart) m.getContent();
        assertThat((String) parts.getBodyPart(0).getContent()).contains("重办：市民对上次答复不满意",
                "重办（第1次）：市民不满意：<还是不亮>");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("市民不满意：&lt;还是不亮&gt;");
        assertThat(reparse(mail.render(d)).getSubject()).doesNotContain("重办");
    }
}
