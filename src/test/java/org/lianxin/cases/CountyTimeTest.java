package org.lianxin.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** Rows in UTC, read in county time (UTC+8), whichever type the database driver answers. */
class CountyTimeTest {

    static final Instant LATE_EVENING_UTC = Instant.parse("2026-03-31T16:30:00Z");

    @Test
    void aTimestampAndAnOffsetTimeOfOneInstantAreTheSameCountyTime() {
        String fromPostgres = CountyTime.iso(Timestamp.from(LATE_EVENING_UTC));
        String fromH2 = CountyTime.iso(OffsetDateTime.parse("2026-03-31T16:30:00Z"));
        assertThat(fromPostgres).isEqualTo("2026-04-01T00:30+08:00").isEqualTo(fromH2);
    }

    @Test
    void theCountyDayTurnsAtCountyMidnight() {
        assertThat(CountyTime.day(Timestamp.from(LATE_EVENING_UTC), 0)).isEqualTo("2026-04-01");
        assertThat(CountyTime.day(Timestamp.from(LATE_EVENING_UTC.minusSeconds(3600)), 0)).isEqualTo("2026-03-31");
        assertThat(CountyTime.day(LATE_EVENING_UTC, -1)).isEqualTo("2026-03-31");
        assertThat(CountyTime.day(null, 0)).isEmpty();
    }

    @Test
    void somethingElseIsNotATime() {
        assertThat(CountyTime.iso("not a time")).isEqualTo("not a time");
        assertThat(CountyTime.of(null)).isNull();
        assertThatThrownBy(() -> CountyTime.of(42L)).hasMessageContaining("not a timestamp: java.lang.Long");
    }
}
