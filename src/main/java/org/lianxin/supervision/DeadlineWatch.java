package org.lianxin.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Header;
import org.lianxin.cases.CaseEvent;
import org.lianxin.cases.CaseWrites;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.OutboxMessage;
import org.lianxin.cases.RowTime;
import org.lianxin.cases.SlipMessages;
import org.lianxin.calendar.WorkingCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The decisions of routes/supervision/deadline-watch.yaml. For an open slip (issued or signed for, not answered or returned):
 * a reminder (催办) once it is within lianxin.supervision.remind-before of its deadline; an overdue notice (超期)
 * once the deadline has passed, to the department and, in one digest per run, to the supervisors; and once it has
 * been overdue escalate-after-working-days working days, a supervision slip (督办单) to the leaders responsible for
 * its department and to the supervisors. Department messages go where the slip itself reached.
 */
@Component("deadlineWatch")
public class DeadlineWatch {

    public static final String DUE_REMINDER = "due-reminder";
    public static final String OVERDUE = "overdue";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final Clock clock;
    private final SupervisionSettings settings;
    private final WorkingCalendar calendar;
    private final SlipMessages messages;
    private final ObjectMapper json;
    private final String supervisionQueue;

    public DeadlineWatch(Clock clock, SupervisionSettings settings, WorkingCalendar calendar, SlipMessages messages,
            ObjectMapper json, @Value("${lianxin.queues.supervision}") String supervisionQueue) {
        this.clock = clock;
        this.settings = settings;
        this.calendar = calendar;
        this.messages = messages;
        this.json = json;
        this.supervisionQueue = supervisionQueue;
    }

    /**
     * The moment one run works at: now, the deadline before which open slips are reminded, and the deadline before
     * which an overdue slip may be due for escalation (calendar days, a bound the working days then refine).
     */
    public Map<String, Object> moment() {
        OffsetDateTime now = RowTime.of(clock);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("now", now);
        m.put("remindBy", now.plus(settings.remindBefore()));
        m.put("escalateBefore", now.minusDays(settings.escalateAfterWorkingDays()));
        return m;
    }

    public List<Object> slipNumbers(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("slip_no")).toList();
    }

    /**
     * Of the overdue slips found, those overdue the configured number of working days or more, counted from the
     * day after the deadline's day (county time).
     */
    public List<Map<String, Object>> dueForEscalation(List<Map<String, Object>> rows) {
        LocalDate today = ZonedDateTime.now(clock.withZone(CountyTime.ZONE)).toLocalDate();
        return rows.stream().filter(r -> calendar.workingDaysBetween(
                CountyTime.of(r.get("deadline")).toLocalDate(), today) >= settings.escalateAfterWorkingDays())
                .toList();
    }

    /**
     * One notice per slip (purpose due-reminder or overdue) to each address its slip reached (rows: slip_no,
     * case_no, deadline, channel, address, send_round), and one event per slip naming where it went.
     */
    public Map<String, Object> notices(List<Map<String, Object>> rows, @Header("purpose") String purpose,
            @Header("now") OffsetDateTime now) {
        List<OutboxMessage> outbox = new ArrayList<>();
        Map<String, String> caseOf = new LinkedHashMap<>();
        Map<String, StringBuilder> notes = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            String slipNo = (String) r.get("slip_no");
            caseOf.put(slipNo, (String) r.get("case_no"));
            ZonedDateTime deadline = CountyTime.of(r.get("deadline"));
            String text = DUE_REMINDER.equals(purpose)
                    ? "本交办单将于" + WHEN.format(deadline) + "到期，请按时办结并答复。"
                    : "本交办单已于" + WHEN.format(deadline) + "超过办理时限，请尽快办结答复，并说明超期原因。";
            StringBuilder note = notes.computeIfAbsent(slipNo, no -> new StringBuilder(
                    (DUE_REMINDER.equals(purpose) ? "催办 " : "超期 ") + no + "（时限 " + WHEN.format(deadline) + "）"));
            if (r.get("channel") == null) {
                continue;
            }
            // one notice per slip, deadline and address: an extension's new deadline is reminded again
            String noticeId = String.valueOf(deadline.toEpochSecond());
            outbox.add(messages.notice((String) r.get("case_no"), slipNo, (String) r.get("channel"),
                    (String) r.get("address"), ((Number) r.get("send_round")).intValue(), purpose, noticeId, text,
                    now));
            note.append(" ").append(r.get("channel")).append(":").append(r.get("address"));
        }
        List<CaseEvent> events = new ArrayList<>();
        notes.forEach((slipNo, note) -> events.add(CaseEvent.of(caseOf.get(slipNo), now, "system", null, purpose,
                note.toString())));
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("writes", CaseWrites.eventsAndOutbox(events, outbox));
        return plan;
    }

    /**
     * The supervisors' mail about the slips that went overdue in this run (rows: slip_no, case_no, title,
     * department_name, deadline), as one outbox row: one digest, not a mail per slip.
     */
    public List<OutboxMessage> overdueDigest(List<Map<String, Object>> rows, @Header("now") OffsetDateTime now) {
        List<Map<String, Object>> slips = rows.stream().map(DeadlineWatch::slipSummary).toList();
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("kind", OVERDUE);
        notice.put("slips", slips);
        return List.of(outboxRow((String) rows.get(0).get("case_no"), "overdue-" + slips.get(0).get("slipNo") + "-"
                + now.toInstant().toEpochMilli() + "-" + slips.size(), notice, now));
    }

    /** One 督办单 per slip to its department's leaders and the supervisors, and an 'escalated' event per slip. */
    public Map<String, Object> escalations(List<Map<String, Object>> rows, @Header("now") OffsetDateTime now) {
        List<OutboxMessage> outbox = new ArrayList<>();
        List<CaseEvent> events = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> notice = new LinkedHashMap<>();
            notice.put("kind", "escalation");
            notice.put("slip", slipSummary(r));
            List<SupervisionSettings.Leader> leaders = settings.leadersOf((String) r.get("department_id"));
            notice.put("leaders", leaders.stream().map(SupervisionSettings.Leader::email).toList());
            // one 督办单 per slip and deadline: an extension's missed deadline is escalated again, as a mail of its own
            outbox.add(outboxRow((String) r.get("case_no"), "escalation-" + r.get("slip_no") + "-"
                    + CountyTime.of(r.get("deadline")).toEpochSecond(), notice, now));
            String to = leaders.isEmpty() ? "督办室" : String.join("、",
                    leaders.stream().map(l -> l.name() == null ? l.email() : l.name()).toList());
            events.add(CaseEvent.of((String) r.get("case_no"), now, "system", null, "escalated",
                    "督办 " + r.get("slip_no") + " → " + to));
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("writes", CaseWrites.eventsAndOutbox(events, outbox));
        return plan;
    }

    private static Map<String, Object> slipSummary(Map<String, Object> r) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("slipNo", r.get("slip_no"));
        s.put("caseNo", r.get("case_no"));
        s.put("title", r.get("title"));
        s.put("department", r.get("department_name"));
        s.put("role", r.get("role"));
        s.put("deadline", CountyTime.iso(r.get("deadline")));
        return s;
    }

    private OutboxMessage outboxRow(String caseNo, String dedupId, Map<String, Object> notice,
            OffsetDateTime now) {
        // the key names the mail too (its Message-ID and file name), so a mail sent again is the same mail
        notice.put("key", dedupId);
        try {
            return new OutboxMessage(caseNo, supervisionQueue, json.writeValueAsString(notice), dedupId, now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
