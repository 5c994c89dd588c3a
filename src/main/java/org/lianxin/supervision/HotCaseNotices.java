package org.lianxin.supervision;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.lianxin.cases.RowTime;
import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.Category;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * The mail that tells supervisors at once of a hot case (热点: a group petition, a safety accident…): what it is,
 * why triage flagged it, and where it went. One mail per case, with a Message-ID fixed by the case, so a mail
 * client shows a repeat after a crash as the same message.
 */
@Component("hotCaseNotices")
public class HotCaseNotices {

    private static final TypeReference<Map<String, Object>> NOTICE = new TypeReference<>() {
    };

    private final ObjectMapper json;
    private final CategoryCatalog categories;
    private final Clock clock;
    private final InternetAddress hub;
    private final InternetAddress[] supervisors;
    private final String publicUrl;
    private final Session session = Session.getInstance(new Properties());

    public HotCaseNotices(ObjectMapper json, CategoryCatalog categories, Clock clock,
            @Value("${lianxin.mail.from}") String from,
            @Value("${lianxin.supervision.notify-emails}") List<String> supervisors,
            @Value("${lianxin.public-url}") String publicUrl) {
        this.json = json;
        this.categories = categories;
        this.clock = clock;
        this.hub = address(from, "lianxin.mail.from");
        this.supervisors = supervisors.stream().filter(s -> !s.isBlank())
                .map(s -> address(s, "lianxin.supervision.notify-emails")).toArray(InternetAddress[]::new);
        this.publicUrl = publicUrl;
    }

    public boolean anyoneToTell() {
        return supervisors.length > 0;
    }

    public Map<String, Object> read(String notice) throws JsonProcessingException {
        return json.readValue(notice, NOTICE);
    }

    public MimeMessage render(Map<String, Object> notice) throws MessagingException {
        String caseNo = (String) notice.get("caseNo");
        String title = String.valueOf(notice.getOrDefault("title", ""));
        String category = (String) notice.get("category");
        StringBuilder text = new StringBuilder()
                .append("热点诉求提示\n\n")
                .append("案件编号：").append(caseNo).append('\n')
                .append("标题：").append(title).append('\n')
                .append("原因：").append(notice.get("reason")).append('\n');
        if (category != null) {
            text.append("类别：").append(categories.find(category).map(Category::name).orElse(category)).append('\n');
        }
        if (notice.get("lead") != null) {
            text.append("主办单位：").append(notice.get("lead")).append('\n');
        } else {
            text.append("尚待人工分派。\n");
        }
        text.append("\n查看案件：").append(publicUrl).append("/api/cases/").append(caseNo).append('\n');

        String domain = hub.getAddress().contains("@") ? hub.getAddress().substring(hub.getAddress().indexOf('@') + 1)
                : "lianxin";
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<hot-" + caseNo + "@" + domain + ">");
            }
        };
        message.setFrom(hub);
        message.setRecipients(MimeMessage.RecipientType.TO, supervisors);
        message.setSubject("【热点】" + caseNo + " " + title, "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        message.setText(text.toString(), "UTF-8");
        message.saveChanges();
        return message;
    }


    public String recipients() {
        return String.join(", ", java.util.Arrays.stream(supervisors).map(InternetAddress::getAddress).toList());
    }

    private static InternetAddress address(String value, String setting) {
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
