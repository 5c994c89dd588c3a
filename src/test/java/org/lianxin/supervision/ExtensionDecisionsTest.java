package org.lianxin.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.CountyTime;
import org.lianxin.calendar.DeadlineSettings;
import org.lianxin.calendar.Deadlines;
import org.lianxin.cases.RequestType;
import org.lianxin.cases.StatusMove;
import org.lianxin.calendar.WorkingCalendar;
import org.lianxin.calendar.WorkingCalendarTest;

class ExtensionDecisionsTest {

    static final ZonedDateTime DEADLINE = ZonedDateTime.of(2026, 12, 2, 18, 0, 0, 0, CountyTime.ZONE);

    static final WorkingCalendar CALENDAR = WorkingCalendarTest.packaged();

    final ExtensionDecisions decisions = new ExtensionDecisions(Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"),
            ZoneOffset.UTC), new Deadlines(new DeadlineSettings(Map.of(RequestType.HELP, 3, RequestType.INQUIRY, 3,
                    RequestType.COMPLAINT, 15, RequestType.SUGGESTION, 15, RequestType.REPORT, 15), null, null,
                    Duration.ofDays(30)), CALENDAR), CALENDAR);

    LocalDate suggest(String text) {
        return decisions.suggest(text, DEADLINE, RequestType.COMPLAINT);
    }

    @Test
    void theSuggestedDateIsTheOneTheRequestNamesOrItsDaysElseTheTypesDays() {
        assertThat(suggest("需协调三个部门，申请延期至2026年12月20日")).isEqualTo("2026-12-20");
        assertThat(suggest("申请延期到 2027-01-05")).isEqualTo("2027-01-05");
        assertThat(suggest("申请延期至12月15日")).isEqualTo("2026-12-15");
        assertThat(suggest("申请延期至1月8号")).as("next year's January").isEqualTo("2027-01-08");
        assertThat(suggest("需协调三个部门，申请延期10天")).isEqualTo("2026-12-12");
        assertThat(suggest("申请延期5个工作日")).as("working days").isEqualTo("2026-12-09");
        assertThat(suggest("工程量大，需要更多时间")).as("the type's 15 working days").isEqualTo("2026-12-23");
        assertThat(suggest("延期至2026年11月30日")).as("not later than the deadline").isEqualTo("2026-12-23");
        assertThat(suggest("延期至2026年13月40日")).as("no such date").isEqualTo("2026-12-23");
    }

    Map<String, Object> slip(String status) {
        return Map.of("slip_no", "2026000123-1", "case_no", "2026000123", "case_status", "SIGNED",
                "slip_status", status, "deadline", DEADLINE.toOffsetDateTime());
    }

    @Test
    void anApprovalKeepsTheTimeOfDayAndMovesTheLinkExpiry() {
        Map<String, Object> p = decisions.approval(slip("SIGNED"), "ref-1", "2026-12-12", "user:boss");

        assertThat(((OffsetDateTime) p.get("deadline")).toInstant()).isEqualTo(DEADLINE.plusDays(10).toInstant());
        assertThat(((OffsetDateTime) p.get("linkExpiresAt")).toInstant())
                .isEqualTo(DEADLINE.plusDays(40).toInstant());
        // the case stays where it is: the approval is an event on it
        assertThat(p.get("move")).isEqualTo(List.of(new StatusMove("2026000123", CaseStatus.SIGNED, CaseStatus.SIGNED,
                (OffsetDateTime) p.get("now"), "user:boss", null, "extension-approved",
                "2026000123-1 办理时限 2026-12-02 18:00 → 2026-12-12 18:00")));
        assertThat(p).containsEntry("note", "2026000123-1 办理时限 2026-12-02 18:00 → 2026-12-12 18:00")
                .containsEntry("purpose", "extension-approved").containsEntry("noticeId", "ref-1");
    }

    @Test
    void anApprovalNeedsADateAfterTheDeadlineAndASlipStillInHand() {
        assertThatThrownBy(() -> decisions.approval(slip("SIGNED"), "r", "2026-12-02", "u"))
                .hasMessageStartingWith("newDeadline: must be after the current deadline 2026-12-02 18:00");
        assertThatThrownBy(() -> decisions.approval(slip("SIGNED"), "r", "12/20", "u"))
                .hasMessageStartingWith("newDeadline: not a date");
        assertThatThrownBy(() -> decisions.approval(slip("ANSWERED"), "r", "2026-12-20", "u"))
                .hasMessageStartingWith("slip: 2026000123-1 is answered or returned already");
        assertThatThrownBy(() -> decisions.requireReason(" ")).hasMessage("reason: required");
        assertThatThrownBy(() -> decisions.requireReason("理".repeat(1001))).hasMessageContaining("longer than 1000");
    }
}
