package org.lianxin.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;

/**
 * The county's time, the one place it is reckoned: rows are written in UTC (see {@link RowTime}); case numbers'
 * years, deadlines' days, quarters and every time people read are in the county's zone.
 */
public final class CountyTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private CountyTime() {
    }

    /** A database timestamp (PostgreSQL answers Timestamp, H2 OffsetDateTime) as the county's local time. */
    public static ZonedDateTime of(Object value) {
        if (value == null) {
            return null;
        }
        OffsetDateTime t;
        if (value instanceof OffsetDateTime o) {
            t = o;
        } else if (value instanceof Timestamp ts) {
            t = ts.toInstant().atOffset(ZoneOffset.UTC);
        } else if (value instanceof Instant instant) {
            t = instant.atOffset(ZoneOffset.UTC);
        } else if (value instanceof TemporalAccessor ta) {
            t = OffsetDateTime.from(ta);
        } else {
            throw new IllegalArgumentException("not a timestamp: " + value.getClass().getName());
        }
        return t.atZoneSameInstant(ZONE);
    }

    /** A database timestamp as ISO-8601 in county time; anything else as its text. */
    public static String iso(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Timestamp || value instanceof TemporalAccessor)) {
            return value.toString();
        }
        return of(value).toOffsetDateTime().toString();
    }

    /** The county day (yyyy-MM-dd) of a database timestamp, moved by some days (-1: the day before). */
    public static String day(Object value, int plusDays) {
        return value == null ? "" : of(value).toLocalDate().plusDays(plusDays).toString();
    }
}
