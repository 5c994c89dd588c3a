package org.lianxin.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The one hub context whose mail goes through a real mail server (GreenMail on 127.0.0.1): slips out by SMTP, the
 * departments' answers in through the hub's IMAP mailbox (user lianxin). Test classes extending it share the context;
 * each class gets the server started afresh. Its retries are quick: 6 attempts, 200 ms doubling up to 1.6 s (about
 * 4.6 s until a delivery is parked).
 */
@LianxinTest
@TestPropertySource(properties = {
        "lianxin.mail.connector=mail-smtp-sink",
        "lianxin.mail.smtp.host=127.0.0.1",
        // every slip of a test is in its retries at once
        "lianxin.mail.concurrent-consumers=4",
        "lianxin.mail.from=某某县连心桥 <lianxin@hub.test>",
        "lianxin.delivery.max-attempts=6",
        "lianxin.delivery.initial-delay-ms=200",
        "lianxin.delivery.max-delay-ms=1600",
        // the departments' answers come back through the hub's IMAP mailbox on the same GreenMail
        "lianxin.mail.inbound.connector=mail-imap-source",
        "lianxin.mail.inbound.imap.protocol=imap",
        "lianxin.mail.inbound.imap.host=127.0.0.1",
        "lianxin.mail.inbound.imap.username=lianxin",
        "lianxin.mail.inbound.imap.password=mailbox-secret",
        "lianxin.mail.inbound.poll-interval-ms=200"})
public abstract class MailServerHub extends HubTestSupport {

    protected static final int SMTP_PORT = freePort();
    protected static final int IMAP_PORT = freePort();
    /** The hub's mailbox: where departments' answers are delivered for the hub to read. */
    protected static final String HUB_MAILBOX = "lianxin";

    @RegisterExtension
    protected static final GreenMailExtension smtp = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"), new ServerSetup(IMAP_PORT, "127.0.0.1", "imap")})
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailPorts(DynamicPropertyRegistry properties) {
        properties.add("lianxin.mail.smtp.port", () -> SMTP_PORT);
        properties.add("lianxin.mail.inbound.imap.port", () -> IMAP_PORT);
    }

    @BeforeEach
    void mailServerUp() {
        if (!smtp.isRunning()) {
            smtp.start();
        }
        if (!smtp.getUserManager().hasUser(HUB_MAILBOX)) {
            smtp.setUser("lianxin@hub.test", HUB_MAILBOX, "mailbox-secret");
        }
    }

    protected static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
