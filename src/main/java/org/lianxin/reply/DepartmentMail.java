package org.lianxin.reply;

import org.lianxin.cases.RowTime;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The decisions of routes/department-mail.yaml: reading a mail (sender, Message-ID, subject, text — the plain part,
 * else the HTML part as text), and what is kept of one that is quarantined.
 */
@Component("departmentMail")
public class DepartmentMail {

    static final int MAX_QUARANTINED_BODY = 20_000;
    private static final Session SESSION = Session.getInstance(new Properties());

    private final Clock clock;

    public DepartmentMail(Clock clock) {
        this.clock = clock;
    }

    public IncomingMail read(byte[] rfc822) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(rfc822));
        Address[] from = message.getFrom();
        String sender = from == null || from.length == 0 ? null
                : from[0] instanceof InternetAddress a ? a.getAddress() : from[0].toString();
        String messageId = message.getMessageID();
        if (messageId == null || messageId.isBlank()) {
            // Without one, the same file or message read twice must still be recognised: its content names it.
            messageId = "sha256:" + sha256(rfc822);
        }
        String text = text(message, false);
        if (text == null) {
            String html = text(message, true);
            text = html == null ? "" : Jsoup.parse(html).wholeText();
        }
        return new IncomingMail(messageId, sender, message.getSubject(), text);
    }

    /** The first text/plain (or text/html) part, depth first. */
    private static String text(Part part, boolean html) throws MessagingException, IOException {
        if (part.isMimeType(html ? "text/html" : "text/plain") && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = text(multipart.getBodyPart(i), html);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The SQL parameters of a quarantined mail, with the reason it was not applied. */
    public Map<String, Object> quarantine(IncomingMail mail, @Header("quarantineReason") String reason,
            Exchange exchange) {
        return quarantined("email", mail.from(), mail.subject(), mail.text(), mail.messageId(), reason, exchange,
                clock);
    }

    /** A quarantined message of any channel: the reason given, else the exception caught, else "not applied". */
    static Map<String, Object> quarantined(String channel, String sender, String subject, String body,
            String messageId, String reason, Exchange exchange, Clock clock) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("channel", channel);
        p.put("sender", sender);
        p.put("subject", subject);
        p.put("body", body.length() > MAX_QUARANTINED_BODY ? body.substring(0, MAX_QUARANTINED_BODY) : body);
        p.put("reason", reason != null ? reason : e != null ? e.getMessage() : "not applied");
        p.put("messageId", messageId);
        p.put("now", RowTime.of(clock));
        return p;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
