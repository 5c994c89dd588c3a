package org.lianxin.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.lianxin.cases.CountyTime;
import org.springframework.stereotype.Component;

/** Times on staff pages as people read them: county time to the minute (the views carry ISO-8601 strings). */
@Component("pageTimes")
public class PageTimes {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String minute(String iso) {
        return iso == null ? "" : OffsetDateTime.parse(iso).format(MINUTE);
    }

    /**
     * The county day of a time read from the database (a Timestamp or an OffsetDateTime, as the driver gives it),
     * moved by some days (-1: the day before).
     */
    public String countyDay(Object time, int plusDays) {
        return CountyTime.day(time, plusDays);
    }
}
