package org.lianxin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.CaseWrites;
import org.lianxin.calendar.DeadlineSettings;
import org.lianxin.calendar.Deadlines;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.NewSlip;
import org.lianxin.cases.OutboxMessage;
import org.lianxin.cases.RequestType;
import org.lianxin.cases.SlipDelivery;
import org.lianxin.cases.SlipMessages;
import org.lianxin.cases.StatusMove;
import org.lianxin.calendar.WorkingCalendarTest;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Dispatch planning without a database: the slips, deliveries, messages and case move an order makes. */
class DispatchPlannerTest {

    static final Instant MONDAY_MORNING = Instant.parse("2026-11-30T01:00:00Z"); // 09:00 in the county

    final DispatchPlanner planner = new DispatchPlanner(new Deadlines(new DeadlineSettings(Map.of(RequestType.HELP, 3,
            RequestType.INQUIRY, 3, RequestType.COMPLAINT, 15, RequestType.SUGGESTION, 15, RequestType.REPORT, 15), 1,
            1, Duration.ofDays(30)), WorkingCalendarTest.packaged()), Clock.fixed(MONDAY_MORNING, ZoneOffset.UTC),
            new SlipMessages(new ObjectMapper(), "q.email", "q.sms"));

    static Map<String, Object> department(String id, boolean active, boolean email, boolean sms, String kind,
            String address) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("active", active);
        row.put("prefers_email", email);
        row.put("prefers_sms", sms);
        row.put("kind", kind);
        row.put("address", address);
        return row;
    }

    static final List<Map<String, Object>> DEPARTMENTS = List.of(
            department("water", true, true, true, "email", "water@county.example"),
            department("water", true, true, true, "mobile", "13800000001"),
            department("roads", true, false, true, "email", "roads@county.example"),
            department("roads", true, false, true, "mobile", "13800000002"),
            department("closed", false, true, false, "email", "closed@county.example"),
            department("silent", true, true, false, "mobile", "13800000003"));

    Map<String, Object> plan(DispatchOrder order, String status, boolean hot, int slipsBefore) {
        Map<String, Object> caseRow = new HashMap<>();
        caseRow.put("status", status);
        caseRow.put("hot", hot);
        return planner.plan(order, caseRow, slipsBefore, DEPARTMENTS);
    }

    static DispatchOrder order(String lead, List<String> co) {
        return new DispatchOrder("2026000007", RequestType.HELP, "C05", lead, co, "rule:water", null);
    }

    @Test
    void theLeadComesFirstAndEachDepartmentGetsASlipByTheChannelsItPrefers() {
        Map<String, Object> plan = plan(order("water", List.of("roads", "water")), "REGISTERED", false, 0);

        @SuppressWarnings("unchecked")
        List<NewSlip> slips = (List<NewSlip>) plan.get("slips");
        assertThat(slips).extracting(NewSlip::slipNo, NewSlip::departmentId, NewSlip::role).containsExactly(
                tuple("2026000007-1", "water", "LEAD"),
                tuple("2026000007-2", "roads", "CO"));
        assertThat(plan.get("deliveries")).isEqualTo(List.of(
                new SlipDelivery("2026000007-1", "email", "water@county.example"),
                new SlipDelivery("2026000007-1", "sms", "13800000001"),
                new SlipDelivery("2026000007-2", "sms", "13800000002")));

        CaseWrites writes = (CaseWrites) plan.get("writes");
        assertThat(writes.outbox()).extracting(OutboxMessage::destination, OutboxMessage::dedupId).containsExactly(
                tuple("q.email", "slip:2026000007-1:email:water@county.example:1"),
                tuple("q.sms", "slip:2026000007-1:sms:13800000001:1"),
                tuple("q.sms", "slip:2026000007-2:sms:13800000002:1"));
        assertThat(writes.moves()).containsExactly(new StatusMove("2026000007", CaseStatus.REGISTERED,
                CaseStatus.DISPATCHED, OffsetDateTime.ofInstant(MONDAY_MORNING, ZoneOffset.UTC), "rule:water", null,
                "dispatched", "主办 water；协办 roads、water（rule:water）"));
        assertThat(writes.kinds()).singleElement().satisfies(k -> {
            assertThat(k.requestType()).isEqualTo("HELP");
            assertThat(k.category()).isEqualTo("C05");
            assertThat(k.hot()).as("dispatch leaves the hot flag to triage").isNull();
        });
    }

    @Test
    void aHelpRequestIsDueInThreeWorkingDaysAndAHotOneInOne() {
        NewSlip help = slip(plan(order("water", List.of()), "TRIAGE", false, 0));
        NewSlip hot = slip(plan(order("water", List.of()), "TRIAGE", true, 0));
        // issued Monday 30 November: three working days end with Thursday 3 December, one with Tuesday, county time
        assertThat(help.deadline()).isEqualTo("2026-12-03T15:59:59Z");
        assertThat(hot.deadline()).isEqualTo("2026-12-01T15:59:59Z");
        assertThat(help.signBy()).isBeforeOrEqualTo(help.deadline());
        assertThat(help.linkExpiresAt()).isEqualTo(help.deadline().plusDays(30));
    }

    @Test
    void slipsAreNumberedOnFromTheCasesEarlierSlips() {
        assertThat(slip(plan(order("roads", List.of()), "REOPENED", false, 2)).slipNo()).isEqualTo("2026000007-3");
    }

    @Test
    void aCaseAlreadyDispatchedOrADepartmentThatCannotBeReachedIsRefused() {
        assertThatThrownBy(() -> plan(order("water", List.of()), "DISPATCHED", false, 1))
                .isInstanceOf(DispatchRefusedException.class)
                .hasMessage("case 2026000007 is DISPATCHED, not waiting for dispatch");
        assertThatThrownBy(() -> plan(order("closed", List.of()), "TRIAGE", false, 0))
                .isInstanceOf(DispatchRefusedException.class).hasMessage("unknown or inactive department closed");
        assertThatThrownBy(() -> plan(order("water", List.of("nobody")), "TRIAGE", false, 0))
                .isInstanceOf(DispatchRefusedException.class).hasMessage("unknown or inactive department nobody");
        assertThatThrownBy(() -> plan(order("silent", List.of()), "TRIAGE", false, 0))
                .isInstanceOf(DispatchRefusedException.class)
                .hasMessage("department silent has no address for its channels");
    }

    @SuppressWarnings("unchecked")
    static NewSlip slip(Map<String, Object> plan) {
        return ((List<NewSlip>) plan.get("slips")).get(0);
    }
}
