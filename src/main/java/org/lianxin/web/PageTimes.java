package org.lianxin.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.lianxin.cases.CaseNumbers;
import org.springframework.stereotype.Component;

/** Times on staff pages as people read them: county time to the minute (the views carry ISO-8601 strings). */
@Component("pageTimes")
public class PageTimes {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String minute(String iso) {
        return iso == null ? "" : OffsetDateTime.parse(iso).format(MINUTE);
    }

    /** The county day of a time read from the database, moved by some days (-1: the day before). */
    public String countyDay(OffsetDateTime time, int plusDays) {
        return time == null ? "" : time.atZoneSameInstant(CaseNumbers.COUNTY_TIME).toLocalDate().plusDays(plusDays)
                .toString();
    }
}
