package org.lianxin.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.stereotype.Component;

/**
 * The time written with a row: now by the hub's clock, in UTC (pages and messages show it in county time). Routes
 * take it as a bean ({@code rowTime.now}) for their SQL parameters.
 */
@Component("rowTime")
public class RowTime {

    private final Clock clock;

    public RowTime(Clock clock) {
        this.clock = clock;
    }

    public OffsetDateTime now() {
        return of(clock);
    }

    /** Now by that clock, in UTC (a different name from now(): routes call the bean's now() by name). */
    public static OffsetDateTime of(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
