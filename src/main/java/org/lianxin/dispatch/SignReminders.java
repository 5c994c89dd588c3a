package org.lianxin.dispatch;

import org.lianxin.cases.RowTime;
import org.lianxin.cases.SlipMessages;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The decisions of routes/sign-reminders.yaml: which slips are late to be signed for, and the one reminder each
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
        List<Map<String, Object>> outbox = new ArrayList<>();
        Map<String, Map<String, Object>> events = new LinkedHashMap<>();
        for (Map<String, Object> r : rows) {
            String slipNo = (String) r.get("slip_no");
            Map<String, Object> event = events.computeIfAbsent(slipNo, no -> {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("caseNo", r.get("case_no"));
                e.put("now", now);
                e.put("note", "催签收 " + no + " → " + r.get("department_id"));
                return e;
            });
            String channel = (String) r.get("channel");
            if (channel == null) {
                // Its slip reached no one yet (still queued or parked): nothing to remind of.
                continue;
            }
            String address = (String) r.get("address");
            outbox.add(messages.about((String) r.get("case_no"), slipNo, channel, address,
                    ((Number) r.get("send_round")).intValue(), PURPOSE, now));
            event.put("note", event.get("note") + " " + channel + ":" + address);
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("now", now);
        plan.put("outbox", outbox);
        plan.put("events", new ArrayList<>(events.values()));
        return plan;
    }
}
