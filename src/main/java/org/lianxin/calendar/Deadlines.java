package org.lianxin.calendar;

import java.time.Instant;
import java.time.LocalDate;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.RequestType;

import org.springframework.stereotype.Component;

/**
 * When a department must have answered or signed for a slip: a number of working days (DeadlineSettings) counted on
 * the county's working-day calendar from the first working day after the slip was issued; the deadline is the end
 * of that day in county time (so a slip says "限 11月30日前办结" and means the whole of the 30th). An urgent case
 * (0 working days by default) is due by the end of the day it was issued.
 */
@Component
public class Deadlines {

    private final DeadlineSettings settings;
    private final WorkingCalendar calendar;

    public Deadlines(DeadlineSettings settings, WorkingCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    public Instant deadline(RequestType type, Instant issuedAt) {
        return deadline(type, false, issuedAt);
    }

    public Instant deadline(RequestType type, boolean urgent, Instant issuedAt) {
        return endOfWorkingDay(issuedAt, urgent ? settings.urgentWorkingDays() : settings.workingDays().get(type));
    }

    /** The working days a department has to answer a request of this type. */
    public int workingDays(RequestType type) {
        return settings.workingDays().get(type);
    }

    /** By when a slip issued then must be signed for (签收). */
    public Instant signForBy(Instant issuedAt) {
        return endOfWorkingDay(issuedAt, settings.signForWorkingDays());
    }

    public Instant linkExpiry(Instant deadline) {
        return deadline.plus(settings.linkValidAfterDeadline());
    }

    private Instant endOfWorkingDay(Instant from, int workingDays) {
        LocalDate issued = from.atZone(CountyTime.ZONE).toLocalDate();
        LocalDate due = calendar.plusWorkingDays(issued, workingDays);
        return due.plusDays(1).atStartOfDay(CountyTime.ZONE).toInstant().minusSeconds(1);
    }
}
