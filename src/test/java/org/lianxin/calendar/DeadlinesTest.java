package org.lianxin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.lianxin.cases.RequestType;

import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private final Deadlines deadlines = new Deadlines(new DeadlineSettings(Map.of(RequestType.HELP, 3,
            RequestType.INQUIRY, 3, RequestType.COMPLAINT, 15, RequestType.SUGGESTION, 15, RequestType.REPORT, 15),
            null, null, null), WorkingCalendarTest.packaged());

    private static Instant at(String countyTime) {
        return OffsetDateTime.parse(countyTime + "+08:00").toInstant();
    }

    @Test
    void aSlipIsDueAtTheEndOfItsLastWorkingDayInCountyTime() {
        // Wednesday 30 September 2026, before the National Day week: 8, 9 and (make-up Saturday) 10 October
        Instant issued = at("2026-09-30T10:15:00");
        assertThat(deadlines.deadline(RequestType.HELP, issued)).isEqualTo(at("2026-10-10T23:59:59"));
        assertThat(deadlines.deadline(RequestType.HELP, true, issued)).isEqualTo(at("2026-09-30T23:59:59"));
        assertThat(deadlines.signForBy(issued)).isEqualTo(at("2026-10-08T23:59:59"));
        assertThat(deadlines.linkExpiry(at("2026-10-10T23:59:59"))).isEqualTo(at("2026-11-09T23:59:59"));
    }

    @Test
    void theDayOfIssueIsTheCountysNotUtcs() {
        // 22:30 UTC on 30 September is already 1 October in the county: counting starts after a holiday
        Instant issued = Instant.parse("2026-09-30T22:30:00Z");
        assertThat(deadlines.deadline(RequestType.HELP, issued)).isEqualTo(at("2026-10-10T23:59:59"));
        assertThat(deadlines.deadline(RequestType.HELP, true, issued)).isEqualTo(at("2026-10-01T23:59:59"));
        assertThat(deadlines.deadline(RequestType.COMPLAINT, at("2026-02-13T09:00:00")))
                .isEqualTo(at("2026-03-12T23:59:59"));
    }

    @Test
    void aMissingOrNegativeLimitIsNamed() {
        assertThatThrownBy(() -> new DeadlineSettings(Map.of(RequestType.HELP, 3), 0, 1, Duration.ofDays(1)))
                .hasMessageContaining("lianxin.deadlines.working-days.COMPLAINT");
        assertThatThrownBy(() -> new DeadlineSettings(Map.of(RequestType.HELP, 3, RequestType.INQUIRY, 3,
                RequestType.COMPLAINT, 15, RequestType.SUGGESTION, 15, RequestType.REPORT, 15), -1, 1, null))
                .hasMessageContaining("urgent-working-days");
    }
}
