package org.lianxin.calendar;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.lianxin.cases.RequestType;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Time limits (办理时限) in working days, as the county sets them (lianxin.deadlines): to answer, by request type; to
 * answer an urgent case (0: the same day); to sign for a slip; and how long a reply link stays valid after the
 * deadline.
 */
@ConfigurationProperties("lianxin.deadlines")
public record DeadlineSettings(Map<RequestType, Integer> workingDays, Integer urgentWorkingDays,
        Integer signForWorkingDays, Duration linkValidAfterDeadline) {

    public DeadlineSettings {
        Map<RequestType, Integer> all = new EnumMap<>(RequestType.class);
        for (RequestType type : RequestType.values()) {
            Integer d = workingDays == null ? null : workingDays.get(type);
            all.put(type, atLeastZero(d, "working-days." + type));
        }
        workingDays = Map.copyOf(all);
        urgentWorkingDays = atLeastZero(urgentWorkingDays == null ? 0 : urgentWorkingDays, "urgent-working-days");
        signForWorkingDays = atLeastZero(signForWorkingDays == null ? 1 : signForWorkingDays, "sign-for-working-days");
        linkValidAfterDeadline = linkValidAfterDeadline == null ? Duration.ofDays(30) : linkValidAfterDeadline;
    }

    private static int atLeastZero(Integer days, String key) {
        if (days == null || days < 0) {
            throw new IllegalArgumentException("lianxin.deadlines." + key + " must be set to 0 or more working days");
        }
        return days;
    }
}
