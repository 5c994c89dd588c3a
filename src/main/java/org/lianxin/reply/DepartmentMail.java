package org.lianxin.reply;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.jsoup.Jsoup;
import org.lianxin.attachments.Attachment;
import org.lianxin.attachments.AttachmentPolicy;
import org.lianxin.cases.RowTime;
import org.lianxin.cases.Sha256;
import org.springframework.stereotype.Component;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * The decisions of routes/reply/department-mail.yaml: reading a mail (sender, Message-ID, subject, text — the plain part,
 * else the HTML part as text — and attached files), and what is kept of one that is quarantined.
 */
@Component("departmentMail")
public class DepartmentMail {

    static final int MAX_QUARANTINED_BODY = 20_000;
    private static final Session SESSION = Session.getInstance(mailProperties());

    private final Clock clock;
    private final AttachmentPolicy attachments;

    public DepartmentMail(Clock clock, AttachmentPolicy attachments) {
        this.clock = clock;
        this.attachments = attachments;
    }

    /** Headers in raw UTF-8, as some clients send them (RFC 6532), are read as UTF-8 rather than Latin-1. */
    private static Properties mailProperties() {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        return p;
    }

    public IncomingMail read(byte[] rfc822) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(rfc822));
        Address[] from = message.getFrom();
        String sender = from == null || from.length == 0 ? null
                : from[0] instanceof InternetAddress a ? a.getAddress() : from[0].toString();
        String messageId = message.getMessageID();
        if (messageId == null || messageId.isBlank()) {
            // Without one, the same file or message read twice must still be recognised: its content names it.
            messageId = "sha256:" + Sha256.hex(rfc822);
        }
        String text = text(message, false);
        if (text == null) {
            String html = text(message, true);
            text = html == null ? "" : Jsoup.parse(html).wholeText();
        }
        List<Attachment> files = new ArrayList<>();
        collectFiles(message, files);
        return new IncomingMail(messageId, sender, message.getSubject(), text, files);
    }

    /**
     * The mail's files, depth first: every part marked as an attachment or carrying a file name (an inline photo
     * too), but not the text itself. A name may come RFC 2231-encoded (filename*=UTF-8''…, decoded by Jakarta Mail)
     * or, as many Chinese mail clients write it, as an RFC 2047 encoded-word ("=?GBK?B?…?="), decoded here.
     */
    private void collectFiles(Part part, List<Attachment> files) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectFiles(multipart.getBodyPart(i), files);
            }
            return;
        }
        String name = part.getFileName();
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        if (!attached && (name == null || name.isBlank())) {
            return;
        }
        if (name != null && name.contains("=?")) {
            name = MimeUtility.decodeText(name);
        }
        try (InputStream in = part.getInputStream()) {
            files.add(attachments.file(name, part.getContentType(), in.readAllBytes()));
        }
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
    /**
     * A quarantined mail's files are not kept: a stranger's files have no case to belong to and would fill the shared
     * database; their names and sizes are listed after the text, and the mail itself stays in the mailbox (or in
     * the inbox folder's .done/) for staff who need them.
     */
    public Map<String, Object> quarantine(IncomingMail mail, @Header("quarantineReason") String reason,
            Exchange exchange) {
        String text = mail.text();
        if (!mail.attachments().isEmpty()) {
            // first, so that a long text cut to the column's length keeps it
            text = "[附件未保存 attachments not kept: " + mail.attachments().stream()
                    .map(f -> f.fileName() + " (" + AttachmentPolicy.megabytes(f.size()) + ")")
                    .collect(Collectors.joining(", ")) + "]\n\n" + text;
        }
        return quarantined("email", mail.from(), mail.subject(), text, mail.messageId(), reason, exchange, clock);
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
}
