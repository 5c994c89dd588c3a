package org.lianxin.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a department has to answer, by request type, in calendar days (lianxin.deadlines.days), and how long a
 * slip's reply link stays valid after its deadline.
 */
@ConfigurationProperties("lianxin.deadlines")
public record Deadlines(Map<RequestType, Integer> days, Duration linkValidAfterDeadline) {

    public Deadlines {
        Map<RequestType, Integer> all = new EnumMap<>(RequestType.class);
        for (RequestType type : RequestType.values()) {
            Integer d = days == null ? null : days.get(type);
            if (d == null || d < 0) {
                throw new IllegalArgumentException("lianxin.deadlines.days." + type + " must be set to 0 or more days");
            }
            all.put(type, d);
        }
        days = Map.copyOf(all);
        linkValidAfterDeadline = linkValidAfterDeadline == null ? Duration.ofDays(30) : linkValidAfterDeadline;
    }

    public Instant deadline(RequestType type, Instant dispatchedAt) {
        return dispatchedAt.plus(Duration.ofDays(days.get(type)));
    }

    public Instant linkExpiry(Instant deadline) {
        return deadline.plus(linkValidAfterDeadline);
    }
}
