package org.lianxin.dispatch;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Clock;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;

import org.apache.camel.Header;
import org.lianxin.cases.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The email of a slip (交办单): multipart/alternative, text and HTML in UTF-8, from the hub's mailbox, which is also
 * the Reply-To, with the slip number in the subject because the department's answer comes back as a reply keeping
 * it. The bodies are the Thymeleaf templates templates/mail/slip.txt and slip.html; their texts are in
 * templates/mail/slip.properties (zh-CN, the default) and slip_en.properties. Citizen text goes into the HTML part
 * escaped. The Message-ID is fixed per delivery and round, so a send repeated after a crash carries the same one.
 * The intake's attachments are not sent: the data model has none yet.
 */
@Component("slipMail")
public class SlipMail {

    static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final String BUNDLE = "templates/mail/slip";
    /** Subjects stay readable in a mail client's list: longer titles are cut there (the body has them whole). */
    private static final int SUBJECT_TITLE_MAX = 60;

    private final InternetAddress hub;
    private final Clock clock;
    private final Session session = Session.getInstance(new Properties());
    private final SpringTemplateEngine templates = new SpringTemplateEngine();

    public SlipMail(@Value("${lianxin.mail.from}") String from, Clock clock) {
        this.hub = address(from);
        this.clock = clock;
        templates.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 1));
        templates.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 2));
    }

    /** The name of one delivery in file names and Message-IDs: slip, channel and a hash of the address. */
    public String key(SlipDelivery d) {
        return d.slipNo() + "-" + d.channel() + "-" + Sha256.hex(d.address()).substring(0, 12);
    }

    /** The key of a message about the slip (see {@link SlipDeliveries#purposeKey}), or of the slip itself. */
    public String keyFor(SlipDelivery d, @Header("purpose") String purpose, @Header("noticeId") String noticeId) {
        String purposeKey = SlipDeliveries.purposeKey(purpose, noticeId);
        return purposeKey == null ? key(d) : key(d) + "-" + purposeKey;
    }

    public MimeMessage render(SlipDelivery d) throws MessagingException {
        return renderFor(d, null, null, null);
    }

    /**
     * The slip again as a message about it, its subject marked by purpose: a reminder to sign for it
     * (sign-reminder, "【催签收】") or a notice of news on its case (repeat-notice, "【新的动向】", the notice's
     * text above the slip).
     */
    public MimeMessage renderFor(SlipDelivery d, @Header("purpose") String purpose, @Header("notice") String notice,
            @Header("noticeId") String noticeId) throws MessagingException {
        ResourceBundle texts = texts(LOCALE);
        Context context = new Context(LOCALE);
        context.setVariable("slip", d);
        context.setVariable("notice", notice);
        context.setVariable("purpose", purpose);
        context.setVariable("role", texts.getString("role." + d.role()));
        context.setVariable("notice", notice);
        context.setVariable("purpose", purpose);

        MimeBodyPart text = new MimeBodyPart();
        text.setText(templates.process("slip.txt", context), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(templates.process("slip.html", context), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);

        MimeMessage message = new FixedIdMessage(session, messageId(d, purpose, noticeId));
        message.setFrom(hub);
        message.setReplyTo(new InternetAddress[] {hub});
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(d.address(), true));
        message.setSubject((purpose == null ? "" : texts.getString("subject." + purpose))
                + (d.reopened() ? texts.getString("subject.reopened") : "") + subject(d, texts),
                "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    /** "【交办单】2026000123-1 小区停水两天了 (主办)": the slip number first, as replies keep it. */
    static String subject(SlipDelivery d, ResourceBundle texts) {
        String title = d.title() == null ? "" : d.title().strip();
        if (title.codePointCount(0, title.length()) > SUBJECT_TITLE_MAX) {
            title = title.substring(0, title.offsetByCodePoints(0, SUBJECT_TITLE_MAX)) + "…";
        }
        return MessageFormat.format(texts.getString("subject"), d.slipNo(), title,
                texts.getString("role." + d.role()));
    }

    static ResourceBundle texts(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private String messageId(SlipDelivery d, String purpose, String noticeId) {
        String address = hub.getAddress();
        String domain = address.contains("@") ? address.substring(address.indexOf('@') + 1) : "lianxin";
        return "<" + keyFor(d, purpose, noticeId) + ".r" + d.round() + "@" + domain + ">";
    }

    /** "连心桥 <lianxin@example.cn>" or a bare address; the name is encoded in UTF-8. */
    static InternetAddress address(String value) {
        try {
            InternetAddress address = new InternetAddress(value, true);
            if (address.getPersonal() != null) {
                address.setPersonal(address.getPersonal(), "UTF-8");
            }
            return address;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("lianxin.mail.from is not a mail address: " + value, e);
        }
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/mail/");
        resolver.setTemplateMode(mode);
        resolver.setResolvablePatterns(java.util.Set.of(pattern));
        // also the encoding of the templates' message files (slip.properties)
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        resolver.setOrder(order);
        return resolver;
    }


    /** Keeps its Message-ID when saved: JavaMail would otherwise make a new one on every saveChanges. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
