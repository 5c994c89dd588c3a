package org.lianxin.cases;

import java.time.OffsetDateTime;

/**
 * One row of a case's event log: who did what, through which channel, and the status before and after (both null
 * for an event that is not a move; equal for a move that keeps the status, such as a progress answer).
 */
public record CaseEvent(String caseNo, OffsetDateTime occurredAt, String actor, String channel, String action,
        String fromStatus, String toStatus, String note) {

    /** An event that does not change the case's status. */
    public static CaseEvent of(String caseNo, OffsetDateTime occurredAt, String actor, String channel, String action,
            String note) {
        return new CaseEvent(caseNo, occurredAt, actor, channel, action, null, null, note);
    }
}
