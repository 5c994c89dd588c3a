package org.lianxin.supervision;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The mail the hub writes to supervisors and leaders (hot cases, overdue digests, 督办单): from the hub's address,
 * to lianxin.supervision.notify-emails and whoever else the mail is for, plain UTF-8 text, and a Message-ID fixed
 * by what the mail is about, so that a mail sent again after a crash shows as the same message.
 */
@Component
public class SupervisorMailbox {

    private final Clock clock;
    private final InternetAddress hub;
    private final InternetAddress[] supervisors;
    private final String publicUrl;
    private final Session session = Session.getInstance(new Properties());

    public SupervisorMailbox(Clock clock, @Value("${lianxin.mail.from}") String from,
            @Value("${lianxin.supervision.notify-emails}") List<String> supervisors,
            @Value("${lianxin.public-url}") String publicUrl) {
        this.clock = clock;
        this.hub = address(from, "lianxin.mail.from");
        this.supervisors = supervisors.stream().filter(s -> !s.isBlank())
                .map(s -> address(s, "lianxin.supervision.notify-emails")).toArray(InternetAddress[]::new);
        this.publicUrl = publicUrl;
    }

    public boolean hasSupervisors() {
        return supervisors.length > 0;
    }

    /** Where staff open a case. */
    public String caseUrl(String caseNo) {
        return publicUrl + "/cases/" + caseNo;
    }

    /** A mail to the supervisors and the others named (leaders' addresses), with a Message-ID made of key. */
    public MimeMessage mail(String key, List<String> others, String subject, String text) throws MessagingException {
        String address = hub.getAddress();
        String domain = address.contains("@") ? address.substring(address.indexOf('@') + 1) : "lianxin";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + key + "@" + domain + ">");
            }
        };
        message.setFrom(hub);
        InternetAddress[] to = Stream.concat(others.stream().map(o -> address(o, "leader")), Arrays.stream(supervisors))
                .distinct().toArray(InternetAddress[]::new);
        message.setRecipients(MimeMessage.RecipientType.TO, to);
        message.setSubject(subject, "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    /** Who a mail went to, for the case's events. */
    public String recipients(List<String> others) {
        return String.join(", ", Stream.concat(others.stream(),
                Arrays.stream(supervisors).map(InternetAddress::getAddress)).distinct().toList());
    }

    static InternetAddress address(String value, String setting) {
        try {
            InternetAddress a = new InternetAddress(value.strip(), true);
            if (a.getPersonal() != null) {
                a.setPersonal(a.getPersonal(), "UTF-8");
            }
            return a;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException(setting + ": not a mail address: " + value, e);
        }
    }
}
