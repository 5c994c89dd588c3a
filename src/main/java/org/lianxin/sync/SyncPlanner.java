package org.lianxin.sync;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Header;
import org.lianxin.cases.Channel;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.OutboxMessage;
import org.lianxin.cases.PhoneNumbers;
import org.lianxin.cases.PublicAnswers;
import org.lianxin.cases.SqlIdentifiers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The decisions of routes/sync/answer-sync.yaml: where a published answer goes, one record per intake of its case and
 * target, with what is sent and the outbox message that asks the delivery route to send it.
 * <ul>
 * <li>web (Open311, portal database): the portal connector (lianxin.sync.portal.connector), unless none; Open311
 * clients read the answer themselves.</li>
 * <li>hotline: the call center's callback task (lianxin.sync.hotline.connector, unless none) and an SMS.</li>
 * <li>walk-in: an SMS.</li>
 * <li>after the lead's final answer: one survey SMS per intake with a mobile phone, on any channel.</li>
 * </ul>
 * An SMS needs a mobile number; a phone that two intakes share gets each message once. A record's ref is its
 * idempotency key: the answer, the intake and the target, and for the survey the slip instead of the answer, so a
 * final answer sent again on the same slip asks no second time (a reopened case's new slip asks again).
 */
@Component("syncPlanner")
public class SyncPlanner {

    public static final String PORTAL = "portal";
    public static final String HOTLINE = "hotline";
    public static final String SMS = "sms";
    public static final String SURVEY = "survey";
    static final String NONE = "none";
    static final String PORTAL_SQL_SINK = "portal-sql-sink";

    private final CitizenSms sms;
    private final ObjectMapper json;
    private final boolean portal;
    private final boolean hotline;
    private final Map<String, String> queues;

    public SyncPlanner(CitizenSms sms, ObjectMapper json,
            @Value("${lianxin.sync.portal.connector}") String portalConnector,
            @Value("${lianxin.sync.hotline.connector}") String hotlineConnector,
            @Value("${lianxin.queues.sync-portal}") String portalQueue,
            @Value("${lianxin.queues.sync-hotline}") String hotlineQueue,
            @Value("${lianxin.queues.sync-sms}") String smsQueue,
            @Value("${lianxin.sync.portal.sql.table}") String portalTable) {
        if (PORTAL_SQL_SINK.equals(portalConnector.strip())) {
            // pasted into the sink's SQL text
            SqlIdentifiers.requireTableName("lianxin.sync.portal.sql.table", portalTable);
        }
        this.sms = sms;
        this.json = json;
        this.portal = !NONE.equals(portalConnector.strip());
        this.hotline = !NONE.equals(hotlineConnector.strip());
        this.queues = Map.of(PORTAL, portalQueue, HOTLINE, hotlineQueue, SMS, smsQueue, SURVEY, smsQueue);
    }

    /** The records of a published answer; none when the answer is not published. */
    public List<Map<String, Object>> plan(@Header("syncAnswer") Map<String, Object> answer,
            @Header("syncIntakes") List<Map<String, Object>> intakes, @Header("syncNow") OffsetDateTime now) {
        List<Map<String, Object>> records = new ArrayList<>();
        if (answer == null) {
            return records;
        }
        String answerRef = (String) answer.get("ref");
        String caseNo = (String) answer.get("case_no");
        String kind = (String) answer.get("kind");
        Set<String> texted = new HashSet<>();
        Set<String> surveyed = new HashSet<>();
        for (Map<String, Object> intake : intakes) {
            long intakeId = ((Number) intake.get("id")).longValue();
            String channelKind = Channel.ofCode((String) intake.get("channel")).kind();
            String mobile = mobile((String) intake.get("citizen_phone"));
            String prefix = answerRef + "." + intakeId + ".";
            if ("web".equals(channelKind) && portal) {
                records.add(record(prefix + PORTAL, caseNo, answerRef, intakeId, PORTAL, null,
                        toJson(portalReply(prefix + PORTAL, answer, intake)), now));
            }
            if (HOTLINE.equals(channelKind) && hotline) {
                records.add(record(prefix + HOTLINE, caseNo, answerRef, intakeId, HOTLINE, null,
                        toJson(callbackTask(prefix + HOTLINE, answer, intake)), now));
            }
            if (!"web".equals(channelKind) && mobile != null && texted.add(mobile)) {
                records.add(record(prefix + SMS, caseNo, answerRef, intakeId, SMS, mobile,
                        sms.answer(caseNo, (String) answer.get("query_code"), kind, (String) answer.get("body")), now));
            }
            if (PublicAnswers.FINAL.equals(kind) && mobile != null && surveyed.add(mobile)) {
                records.add(record(SURVEY + "." + answer.get("slip_no") + "." + intakeId, caseNo, answerRef, intakeId,
                        SURVEY, mobile, sms.survey(caseNo), now));
            }
        }
        return records;
    }

    /**
     * The outbox messages of the records this answer made (rows made: ref); a record kept from an earlier answer
     * (the survey of a slip answered finally once before) is not queued again.
     */
    public List<OutboxMessage> outbox(List<Map<String, Object>> records,
            @Header("syncMade") List<Map<String, Object>> made) {
        Set<Object> refs = new HashSet<>(made.stream().map(r -> r.get("ref")).toList());
        return records.stream().filter(r -> refs.contains(r.get("ref"))).map(r -> message((String) r.get("caseNo"),
                (String) r.get("ref"), (String) r.get("target"), 1, (OffsetDateTime) r.get("now"))).toList();
    }

    /** The outbox message that sends a record (again, in a later round after a replay). */
    private OutboxMessage message(String caseNo, String ref, String target, int round, OffsetDateTime now) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("ref", ref);
        message.put("round", round);
        return new OutboxMessage(caseNo, queues.get(target), toJson(message), "sync:" + ref + ":" + round, now);
    }

    /** The outbox message of a replayed record, from its row (case_no, target, send_round after the raise). */
    public List<OutboxMessage> replayed(Map<String, Object> row, @Header("syncRef") String ref,
            @Header("now") OffsetDateTime now) {
        return List.of(message((String) row.get("case_no"), ref, (String) row.get("target"),
                ((Number) row.get("send_round")).intValue(), now));
    }

    private Map<String, Object> record(String ref, String caseNo, String answerRef, long intakeId, String target,
            String address, String body, OffsetDateTime now) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("caseNo", caseNo);
        r.put("now", now);
        r.put("ref", ref);
        r.put("answerRef", answerRef);
        r.put("intakeId", intakeId);
        r.put("target", target);
        r.put("address", address);
        r.put("body", body);
        return r;
    }

    /**
     * What the portal is given (portal-sql-sink inserts it as a row, portal-http-sink posts it): the portal's own id
     * of the message (the intake's external id), the case, the answer with its kind and the request's status.
     * Public text: numbers in the answer are masked as on Open311.
     */
    static Map<String, Object> portalReply(String ref, Map<String, Object> answer, Map<String, Object> intake) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ref", ref);
        m.put("messageId", intake.get("external_id"));
        m.put("channel", intake.get("channel"));
        m.put("caseNo", answer.get("case_no"));
        m.put("status", PublicAnswers.answers((String) answer.get("kind")) ? "closed" : "open");
        return withAnswer(m, answer, PhoneNumbers.maskNumbersIn((String) answer.get("body")));
    }

    /**
     * The call center's callback task: enough for an operator to call the citizen back and read the answer — the
     * call record's id, the caller's number and name, the case and its query code, the answer as written.
     */
    static Map<String, Object> callbackTask(String ref, Map<String, Object> answer, Map<String, Object> intake) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ref", ref);
        m.put("recordId", intake.get("external_id"));
        m.put("callerNumber", intake.get("citizen_phone"));
        m.put("callerName", intake.get("citizen_name"));
        m.put("caseNo", answer.get("case_no"));
        m.put("queryCode", answer.get("query_code"));
        m.put("title", answer.get("title"));
        return withAnswer(m, answer, (String) answer.get("body"));
    }

    /** The answer's fields every receiver gets: its kind (code and label), the department, the text, when. */
    private static Map<String, Object> withAnswer(Map<String, Object> m, Map<String, Object> answer, String text) {
        String kind = (String) answer.get("kind");
        m.put("kind", PublicAnswers.code(kind));
        m.put("kindName", PublicAnswers.label(kind));
        m.put("department", answer.get("department_name"));
        m.put("answer", text);
        m.put("publishedAt", CountyTime.iso(answer.get("published_at")));
        return m;
    }

    private static String mobile(String phone) {
        return PhoneNumbers.normalise(phone).filter(PhoneNumbers::isMobile).orElse(null);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
