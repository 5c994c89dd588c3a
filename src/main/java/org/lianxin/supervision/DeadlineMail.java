package org.lianxin.supervision;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The mail of routes/supervision/deadline-watch.yaml's notices (on lianxin.queues.supervision): the supervisors' digest of the
 * slips that went overdue (超期), and a supervision slip (督办单) for one slip overdue too long, to the leaders
 * responsible for its department and the supervisors.
 */
@Component("deadlineMail")
public class DeadlineMail {

    private static final TypeReference<Map<String, Object>> NOTICE = new TypeReference<>() {
    };
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final ObjectMapper json;
    private final SupervisorMailbox mailbox;

    public DeadlineMail(ObjectMapper json, SupervisorMailbox mailbox) {
        this.json = json;
        this.mailbox = mailbox;
    }

    public Map<String, Object> read(String notice) throws JsonProcessingException {
        return json.readValue(notice, NOTICE);
    }

    /** The mail's key: its Message-ID and file name, fixed by what it is about (the message's dedup id). */
    public MimeMessage render(Map<String, Object> notice, @Header("deliveryKey") String key) throws MessagingException {
        if ("escalation".equals(notice.get("kind"))) {
            return escalation(notice, key);
        }
        List<Map<String, Object>> slips = slips(notice);
        StringBuilder text = new StringBuilder("以下交办单已超过办理时限（超期），已通知承办单位：\n\n");
        for (Map<String, Object> s : slips) {
            line(text, s);
        }
        return mailbox.mail(key, List.of(), "【超期】" + slips.size() + " 件交办单超过办理时限", text.toString());
    }

    private MimeMessage escalation(Map<String, Object> notice, String key) throws MessagingException {
        @SuppressWarnings("unchecked")
        Map<String, Object> slip = (Map<String, Object>) notice.get("slip");
        @SuppressWarnings("unchecked")
        List<String> leaders = (List<String>) notice.get("leaders");
        StringBuilder text = new StringBuilder("督办单\n\n下列交办单超过办理时限已久，请督促承办单位尽快办结答复：\n\n");
        line(text, slip);
        return mailbox.mail(key, leaders, "【督办】" + slip.get("slipNo") + " " + slip.get("department"),
                text.toString());
    }

    /** Who a notice's mail goes to, for the log. */
    public String recipients(Map<String, Object> notice) {
        @SuppressWarnings("unchecked")
        List<String> leaders = (List<String>) notice.getOrDefault("leaders", List.of());
        return mailbox.recipients(leaders);
    }

    public boolean anyoneToTell(Map<String, Object> notice) {
        return mailbox.hasSupervisors() || !((List<?>) notice.getOrDefault("leaders", List.of())).isEmpty();
    }

    private void line(StringBuilder text, Map<String, Object> s) {
        text.append(s.get("slipNo")).append("  ").append(s.get("department"))
                .append("LEAD".equals(s.get("role")) ? "（主办）" : "（协办）").append('\n')
                .append("  标题：").append(s.get("title") == null ? "" : s.get("title")).append('\n')
                .append("  办理时限：").append(WHEN.format(OffsetDateTime.parse((String) s.get("deadline")))).append('\n')
                .append("  查看案件：").append(mailbox.caseUrl((String) s.get("caseNo"))).append("\n\n");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> slips(Map<String, Object> notice) {
        return (List<Map<String, Object>>) notice.get("slips");
    }
}
