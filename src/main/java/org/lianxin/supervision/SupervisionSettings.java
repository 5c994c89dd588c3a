package org.lianxin.supervision;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How deadlines are watched (lianxin.supervision): the reminder before a deadline, when an overdue slip is
 * escalated, and the leaders responsible for departments (分管领导), who get their departments' 督办单.
 */
@ConfigurationProperties("lianxin.supervision")
public record SupervisionSettings(Duration remindBefore, Integer escalateAfterWorkingDays, List<Leader> leaders) {

    /** A county leader and the departments (ids) they are responsible for. */
    public record Leader(String name, String email, Set<String> departments) {
        public Leader {
            if (email == null || email.isBlank()) {
                throw new IllegalArgumentException("lianxin.supervision.leaders: " + name + " has no email");
            }
            departments = departments == null ? Set.of() : Set.copyOf(departments);
        }
    }

    public SupervisionSettings {
        remindBefore = remindBefore == null ? Duration.ofHours(24) : remindBefore;
        if (remindBefore.isNegative()) {
            throw new IllegalArgumentException("lianxin.supervision.remind-before must not be negative");
        }
        escalateAfterWorkingDays = escalateAfterWorkingDays == null ? 3 : escalateAfterWorkingDays;
        if (escalateAfterWorkingDays < 1) {
            throw new IllegalArgumentException("lianxin.supervision.escalate-after-working-days must be 1 or more");
        }
        leaders = leaders == null ? List.of() : List.copyOf(leaders);
    }

    /** The leaders responsible for a department. */
    public List<Leader> leadersOf(String departmentId) {
        return leaders.stream().filter(l -> l.departments().contains(departmentId)).toList();
    }
}
