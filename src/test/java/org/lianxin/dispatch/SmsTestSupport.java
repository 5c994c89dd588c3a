package org.lianxin.dispatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.WithoutTriage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one hub the SMS tests share: SMS slips go through sms-kannel-sink to a local gateway
 * ({@link SmsGatewayServer}), which the Twilio and generic connectors are pointed at as well; retries are quick and
 * few. The hub listens on a port chosen here, so that the callback URLs it hands to gateways are known before it
 * starts.
 */
@LianxinTest
@WithoutTriage
abstract class SmsTestSupport extends HubTestSupport {

    static final SmsGatewayServer GATEWAY = SmsGatewayServer.start();
    static final int HUB_PORT = freePort();
    static final String KANNEL_USER = "lianxin";
    /** Characters that must be encoded in a query. */
    static final String KANNEL_PASSWORD = "p&ss=w?rd 1";
    static final String TWILIO_SID = "ACtest0001";
    static final String TWILIO_TOKEN = "twilio-test-token";
    static final int MAX_ATTEMPTS = 3;
    /** A real SMTP server for this context's mail slips (only the end-to-end test dispatches to mailboxes). */
    static final GreenMail SMTP = startSmtp();

    private static GreenMail startSmtp() {
        // a port the server takes itself: no window in which another server could take a port chosen for it
        GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", "smtp").dynamicPort());
        smtp.start();
        return smtp;
    }

    @DynamicPropertySource
    static void smsGateways(DynamicPropertyRegistry p) {
        p.add("server.port", () -> HUB_PORT);
        p.add("lianxin.http.port", () -> HUB_PORT);
        p.add("lianxin.sms.connector", () -> "sms-kannel-sink");
        p.add("lianxin.sms.kannel.url", () -> GATEWAY.url("/cgi-bin/sendsms"));
        p.add("lianxin.sms.kannel.username", () -> KANNEL_USER);
        p.add("lianxin.sms.kannel.password", () -> KANNEL_PASSWORD);
        p.add("lianxin.sms.kannel.from", () -> "12345");
        p.add("lianxin.sms.twilio.base-url", () -> GATEWAY.url(""));
        p.add("lianxin.sms.twilio.account-sid", () -> TWILIO_SID);
        p.add("lianxin.sms.twilio.auth-token", () -> TWILIO_TOKEN);
        p.add("lianxin.sms.twilio.from", () -> "+15005550006");
        p.add("lianxin.sms.http.url", () -> GATEWAY.url("/send"));
        p.add("lianxin.sms.http.answer-format", () -> "json");
        p.add("lianxin.sms.http.success-condition", () -> "$simple{body[code]} == 0");
        p.add("lianxin.sms.http.message-id", () -> "$simple{body[msgId]}");
        p.add("lianxin.mail.connector", () -> "mail-smtp-sink");
        p.add("lianxin.mail.smtp.host", () -> "127.0.0.1");
        p.add("lianxin.mail.smtp.port", () -> SMTP.getSmtp().getPort());
        p.add("lianxin.delivery.max-attempts", () -> MAX_ATTEMPTS);
        p.add("lianxin.delivery.initial-delay-ms", () -> 20);
        p.add("lianxin.delivery.max-delay-ms", () -> 100);
    }

    @Autowired
    protected ProducerTemplate camel;
    @Autowired
    protected CamelContext camelContext;
    @Autowired
    protected SlipSms slipSms;
    @Autowired
    protected SmsRefs smsRefs;

    protected DispatchFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new DispatchFixtures(db, hub(), camel);
    }

    static String callbackUrl() {
        return "http://127.0.0.1:" + HUB_PORT + "/api/sms/dlr";
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
