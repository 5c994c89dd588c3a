package org.lianxin.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lianxin.cases.CaseEvent;
import org.lianxin.cases.CaseWrites;
import org.lianxin.cases.OutboxMessage;
import org.lianxin.cases.SlipMessages;
import org.lianxin.calendar.WorkingCalendarTest;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The deadline watch's decisions without a database: who is reminded, what is escalated, what the events say. */
class DeadlineWatchPlanTest {

    static final Instant NOW = Instant.parse("2026-12-07T01:00:00Z"); // Monday 09:00 in the county
    static final OffsetDateTime AT = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);

    final DeadlineWatch watch = new DeadlineWatch(Clock.fixed(NOW, ZoneOffset.UTC),
            new SupervisionSettings(Duration.ofHours(24), 2, List.of(
                    new SupervisionSettings.Leader("王副县长", "wang@county.example", Set.of("water")))),
            WorkingCalendarTest.packaged(), new SlipMessages(new ObjectMapper(), "q.email", "q.sms"),
            new ObjectMapper(), "q.supervision");

    static Map<String, Object> row(String slipNo, String deadline, String channel, String address) {
        Map<String, Object> r = new HashMap<>();
        r.put("slip_no", slipNo);
        r.put("case_no", slipNo.substring(0, 10));
        r.put("department_id", "water");
        r.put("deadline", OffsetDateTime.parse(deadline));
        r.put("channel", channel);
        r.put("address", address);
        r.put("send_round", 1);
        return r;
    }

    @Test
    void aSlipIsRemindedWhereItReachedOnceWithOneEventNamingEveryAddress() {
        CaseWrites writes = (CaseWrites) watch.notices(List.of(
                row("2026000001-1", "2026-12-07T15:59:59Z", "email", "water@county.example"),
                row("2026000001-1", "2026-12-07T15:59:59Z", "sms", "13800000001"),
                row("2026000002-1", "2026-12-07T15:59:59Z", null, null)), DeadlineWatch.DUE_REMINDER, AT)
                .get("writes");

        assertThat(writes.outbox()).extracting(OutboxMessage::destination, OutboxMessage::dedupId).containsExactly(
                tuple("q.email", "due-reminder:2026000001-1:email:water@county.example:1796659199"),
                tuple("q.sms", "due-reminder:2026000001-1:sms:13800000001:1796659199"));
        assertThat(writes.events()).extracting(CaseEvent::caseNo, CaseEvent::action, CaseEvent::note).containsExactly(
                tuple("2026000001", "due-reminder",
                        "催办 2026000001-1（时限 12月7日 23:59） email:water@county.example sms:13800000001"),
                // a slip that reached nobody yet is noted all the same: the watch saw it
                tuple("2026000002", "due-reminder", "催办 2026000002-1（时限 12月7日 23:59）"));
    }

    @Test
    void aSlipIsEscalatedOnlyOnceItIsTheSetWorkingDaysOverdue() {
        // due Thursday 3 December: Friday and Monday make two working days; due Friday 4 December: only Monday
        List<Map<String, Object>> due = watch.dueForEscalation(List.of(
                row("2026000003-1", "2026-12-03T15:59:59Z", null, null),
                row("2026000004-1", "2026-12-04T15:59:59Z", null, null)));
        assertThat(due).extracting(r -> r.get("slip_no")).containsExactly("2026000003-1");
    }

    @Test
    void anEscalationGoesToTheDepartmentsLeaderAndIsAnEventOnTheCase() {
        Map<String, Object> r = row("2026000003-1", "2026-12-03T15:59:59Z", null, null);
        r.put("title", "路灯不亮");
        r.put("department_name", "县水务局");
        r.put("role", "LEAD");
        CaseWrites writes = (CaseWrites) watch.escalations(List.of(r), AT).get("writes");

        assertThat(writes.outbox()).singleElement().satisfies(m -> {
            assertThat(m.destination()).isEqualTo("q.supervision");
            assertThat(m.dedupId()).isEqualTo("escalation-2026000003-1-1796313599");
            assertThat(m.payload()).contains("\"leaders\":[\"wang@county.example\"]", "\"slipNo\":\"2026000003-1\"");
        });
        assertThat(writes.events()).extracting(CaseEvent::action, CaseEvent::note)
                .containsExactly(tuple("escalated", "督办 2026000003-1 → 王副县长"));
    }
}
