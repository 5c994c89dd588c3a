package org.lianxin.dispatch;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lianxin.cases.CaseEvent;
import org.lianxin.cases.CaseWrites;
import org.lianxin.cases.OutboxMessage;
import org.lianxin.cases.RowTime;
import org.lianxin.cases.SlipMessages;

import org.springframework.stereotype.Component;

/**
 * The decisions of routes/dispatch/sign-reminders.yaml: which slips are late to be signed for, and the one reminder each
 * gets by every channel and address the slip itself reached.
 */
@Component("signReminders")
public class SignReminders {

    public static final String PURPOSE = "sign-reminder";

    private final Clock clock;
    private final SlipMessages messages;

    public SignReminders(Clock clock, SlipMessages messages) {
        this.clock = clock;
        this.messages = messages;
    }

    public List<Object> slipNumbers(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("slip_no")).toList();
    }

    /** The reminders' outbox rows and one event per slip naming where its reminder goes. */
    public Map<String, Object> plan(List<Map<String, Object>> rows) {
        OffsetDateTime now = RowTime.of(clock);
        List<OutboxMessage> outbox = new ArrayList<>();
        Map<String, String> caseOf = new LinkedHashMap<>();
        Map<String, StringBuilder> notes = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            String slipNo = (String) r.get("slip_no");
            caseOf.put(slipNo, (String) r.get("case_no"));
            StringBuilder note = notes.computeIfAbsent(slipNo,
                    no -> new StringBuilder("催签收 " + no + " → " + r.get("department_id")));
            String channel = (String) r.get("channel");
            if (channel == null) {
                // Its slip reached no one yet (still queued or parked): nothing to remind of.
                continue;
            }
            String address = (String) r.get("address");
            outbox.add(messages.about((String) r.get("case_no"), slipNo, channel, address,
                    ((Number) r.get("send_round")).intValue(), PURPOSE, now));
            note.append(" ").append(channel).append(":").append(address);
        }
        List<CaseEvent> events = new ArrayList<>();
        notes.forEach((slipNo, note) -> events.add(CaseEvent.of(caseOf.get(slipNo), now, "system", null, PURPOSE,
                note.toString())));
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("now", now);
        plan.put("writes", CaseWrites.eventsAndOutbox(events, outbox));
        return plan;
    }
}
