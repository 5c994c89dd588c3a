package org.lianxin.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The hub's clock in tests of timers (satisfaction, deadlines): real time, moved forward when a test says so. */
public class MovableClock extends Clock {

    /** The hub with this clock instead of the system's: import it into the test class (one shared context). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

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
