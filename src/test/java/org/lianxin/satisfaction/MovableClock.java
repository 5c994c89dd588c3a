package org.lianxin.satisfaction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The hub's clock in the satisfaction tests: real time, moved forward when a test says so. */
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void moveBy(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same moving time in another zone: follows this clock's moves. */
    @Override
    public Clock withZone(ZoneId other) {
        MovableClock parent = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId again) {
                return parent.withZone(again);
            }

            @Override
            public Instant instant() {
                return parent.instant();
            }
        };
    }
}
