package org.lianxin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.support.MailServerHub;
import org.lianxin.support.WithoutTriage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

import jakarta.jms.TextMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Slips by email through a real SMTP server (GreenMail on 127.0.0.1): the MIME as received, SMTP down then up,
 * retries running out, the dead-letter queue and replay; a department's reply read from the hub's IMAP mailbox.
 */
@WithoutTriage
class SlipEmailTest extends MailServerHub {

    @Autowired
    ProducerTemplate camel;
    @Autowired
    CamelContext context;
    @Autowired
    JmsTemplate jms;

    /** Camel's redeliveries by slip number: proof that a send failed and is being tried again. */
    final Map<String, AtomicInteger> redeliveries = new ConcurrentHashMap<>();
    final EventNotifierSupport redeliveryCounter = new EventNotifierSupport() {
        @Override
        public void notify(CamelEvent event) {
            if (event instanceof CamelEvent.ExchangeRedeliveryEvent redelivery) {
                String slipNo = redelivery.getExchange().getMessage().getHeader("slipNo", String.class);
                redeliveries.computeIfAbsent(String.valueOf(slipNo), k -> new AtomicInteger()).incrementAndGet();
            }
        }
    };

    @BeforeEach
    void setUp() throws Exception {
        DispatchFixtures.department(db, "t-mail-masked", "测试住建局", true, false, false,
                List.of("zhujian@t.example.cn"), List.of("13900009101"));
        DispatchFixtures.department(db, "t-mail-open", "测试公安局", true, false, true,
                List.of("gongan@t.example.cn"), List.of("13900009102"));
        context.getManagementStrategy().addEventNotifier(redeliveryCounter);
        redeliveryCounter.start();
    }

    @AfterEach
    void tearDown() {
        context.getManagementStrategy().removeEventNotifier(redeliveryCounter);
        redeliveryCounter.stop();
    }

    String dispatchCase(String title, String content, String lead, String... coHandlers) {
        String caseNo = DispatchFixtures.registerCase(hub(), Map.of("title", title, "content", content,
                "callerName", "王女士", "callerNumber", "13812341234", "location", "城关镇幸福小区3号楼"));
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.HELP, "utilities", lead,
                List.of(coHandlers), "rule:test"));
        return caseNo;
    }

    Map<String, Object> delivery(String slipNo) {
        return db.queryForMap("select status, attempts, send_round, provider_ref, last_error from slip_delivery "
                + "where slip_no = ? and channel = 'email'", slipNo);
    }

    void awaitStatus(String slipNo, String status) {
        await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(delivery(slipNo).get("status")));
    }

    /** The mails GreenMail received (since it last started) whose subject names the slip. */
    List<MimeMessage> received(String slipNo) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> subject(m).contains(slipNo + " ")).toList();
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String part(MimeMessage m, int index) throws Exception {
        return (String) ((MimeMultipart) m.getContent()).getBodyPart(index).getContent();
    }

    @Test
    void aDispatchedSlipArrivesAsChineseMultipartMailWithThePhoneMaskedUnlessTheDepartmentMaySeeIt()
            throws Exception {
        String content = "小区停水两天了，<script>alert('x')</script> 请尽快处理";
        String caseNo = dispatchCase("小区停水两天了", content, "t-mail-open", "t-mail-masked");
        awaitStatus(caseNo + "-1", "ACCEPTED");
        awaitStatus(caseNo + "-2", "ACCEPTED");

        MimeMessage lead = received(caseNo + "-1").get(0);
        assertThat(lead.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(lead.getSubject()).isEqualTo("【交办单】" + caseNo + "-1 小区停水两天了 (主办)");
        assertThat(lead.getAllRecipients()).extracting(Object::toString).containsExactly("gongan@t.example.cn");
        assertThat(((InternetAddress) lead.getFrom()[0]).getAddress()).isEqualTo("lianxin@hub.test");
        assertThat(((InternetAddress) lead.getReplyTo()[0]).getAddress()).isEqualTo("lianxin@hub.test");
        assertThat(lead.getMessageID()).isEqualTo(delivery(caseNo + "-1").get("provider_ref"));
        assertThat(((MimeMultipart) lead.getContent()).getContentType()).startsWith("multipart/alternative");
        assertThat(part(lead, 0)).contains(caseNo + "-1", "案件编号：" + caseNo, "供水供电供热", content,
                "联系电话：13812341234", "签收 " + caseNo + "-1");
        assertThat(part(lead, 1)).contains("13812341234", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>");

        MimeMessage co = received(caseNo + "-2").get(0);
        assertThat(co.getSubject()).isEqualTo("【交办单】" + caseNo + "-2 小区停水两天了 (协办)");
        assertThat(co.getAllRecipients()).extracting(Object::toString).containsExactly("zhujian@t.example.cn");
        assertThat(part(co, 0)).contains("联系电话：138****1234").doesNotContain("13812341234");
        assertThat(part(co, 1)).contains("138****1234").doesNotContain("13812341234");
    }

    @Test
    void aDepartmentsReplyToTheSlipMailSignsForItThroughTheMailboxOnceEvenIfDeliveredTwice() throws Exception {
        String caseNo = dispatchCase("路灯不亮", "幸福路路灯不亮一周了", "t-mail-masked");
        awaitStatus(caseNo + "-1", "ACCEPTED");
        MimeMessage slip = received(caseNo + "-1").get(0);

        MimeMessage reply = (MimeMessage) slip.reply(false);
        reply.setFrom(new InternetAddress("ZhuJian@t.example.cn"));
        reply.setText("签收，马上安排。\n\n在 2026年11月29日，连心桥 写道：\n> " + part(slip, 0).lines().findFirst()
                .orElse(""), "UTF-8");
        reply.saveChanges();
        smtp.getUserManager().getUser(HUB_MAILBOX).deliver(reply);
        smtp.getUserManager().getUser(HUB_MAILBOX).deliver(reply);

        await().atMost(Duration.ofSeconds(30)).until(() -> "SIGNED".equals(db.queryForObject(
                "select status from slip where slip_no = ?", String.class, caseNo + "-1")));
        assertThat(reply.getSubject()).isEqualTo("Re: " + slip.getSubject());
        await().atMost(Duration.ofSeconds(30)).until(() -> db.queryForObject(
                "select count(*) from camel_messageprocessed where messageId = ?", Long.class,
                reply.getMessageID()) == 1);
        assertThat(db.queryForObject("select count(*) from case_event where case_no = ? and action = 'signed'",
                Long.class, caseNo)).isEqualTo(1);
    }

    @Test
    void slipsSentWhileTheSmtpServerIsDownArriveOnceWhenItIsBack() throws Exception {
        smtp.stop();
        String first = dispatchCase("路灯不亮", "幸福路路灯坏了一个月", "t-mail-open", "t-mail-masked");
        String second = dispatchCase("噪音扰民", "工地夜间施工", "t-mail-masked");
        List<String> slips = List.of(first + "-1", first + "-2", second + "-1");
        // every slip has failed at least once before the server comes back
        await().atMost(Duration.ofSeconds(20)).until(() -> slips.stream().allMatch(redeliveries::containsKey));
        smtp.start();

        for (String slipNo : slips) {
            awaitStatus(slipNo, "ACCEPTED");
        }
        for (String slipNo : slips) {
            assertThat(received(slipNo)).as(slipNo).hasSize(1);
            Map<String, Object> row = delivery(slipNo);
            assertThat((Integer) row.get("attempts")).as(slipNo).isGreaterThan(1);
            assertThat(row.get("last_error")).isNull();
            assertThat(received(slipNo).get(0).getMessageID()).isEqualTo(row.get("provider_ref"));
        }
    }

    @Test
    void aSlipWhoseRetriesRunOutIsParkedAndAReplaySendsItOnceButNeverAgainOnceAccepted() throws Exception {
        smtp.stop();
        String caseNo = dispatchCase("燃气味道很大", "楼道里燃气味道很大", "t-mail-masked");
        String slipNo = caseNo + "-1";
        awaitStatus(slipNo, "DEAD");

        Map<String, Object> dead = delivery(slipNo);
        assertThat(dead.get("attempts")).isEqualTo(6);
        assertThat((String) dead.get("last_error")).contains("Exception").contains("127.0.0.1");
        // DEAD is recorded before the consumer's JMS transaction, carrying the dead letter, commits
        List<TextMessage> parked = await().atMost(Duration.ofSeconds(10)).until(() -> deadLetters(slipNo),
                letters -> !letters.isEmpty());
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).getText()).contains("\"slipNo\":\"" + slipNo + "\"", "\"round\":1");
        assertThat(parked.get(0).getStringProperty("deliveryError")).isEqualTo(dead.get("last_error"));
        assertThat(parked.get(0).getStringProperty("address")).isEqualTo("zhujian@t.example.cn");

        smtp.start();
        assertThat(replay(slipNo)).isTrue();
        awaitStatus(slipNo, "ACCEPTED");
        assertThat(received(slipNo)).hasSize(1);
        Map<String, Object> accepted = delivery(slipNo);
        assertThat(accepted.get("send_round")).isEqualTo(2);
        assertThat(accepted.get("attempts")).isEqualTo(7);
        assertThat(received(slipNo).get(0).getMessageID()).endsWith(".r2@hub.test>")
                .isEqualTo(accepted.get("provider_ref"));

        // accepted now: a replay queues nothing and changes nothing
        assertThat(replay(slipNo)).isFalse();
        assertThat(db.queryForObject("select count(*) from case_outbox where case_no = ?", Long.class, caseNo))
                .isZero();
        assertThat(delivery(slipNo)).isEqualTo(accepted);
        assertThat(replay(caseNo + "-9")).isFalse();
    }

    boolean replay(String slipNo) {
        return camel.requestBodyAndHeaders("direct:replay-delivery", null, Map.of("slipNo", slipNo,
                "channel", "email", "address", "zhujian@t.example.cn"), Boolean.class);
    }

    List<TextMessage> deadLetters(String slipNo) {
        return jms.browseSelected("lianxin.slips.dead", "slipNo = '" + slipNo + "'", (session, browser) ->
                Collections.list(browser.getEnumeration()).stream().map(TextMessage.class::cast).toList());
    }
}
