package org.lianxin.supervision;

import java.util.List;
import java.util.Map;

import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.Category;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.MessagingException;
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
    private final SupervisorMailbox mailbox;

    public HotCaseNotices(ObjectMapper json, CategoryCatalog categories, SupervisorMailbox mailbox) {
        this.json = json;
        this.categories = categories;
        this.mailbox = mailbox;
    }

    public boolean anyoneToTell() {
        return mailbox.hasSupervisors();
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
        text.append("\n查看案件：").append(mailbox.caseUrl(caseNo)).append('\n');
        return mailbox.mail("hot-" + caseNo, List.of(), "【热点】" + caseNo + " " + title, text.toString());
    }

    public String recipients() {
        return mailbox.recipients(List.of());
    }
}
