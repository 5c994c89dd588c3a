package org.lianxin.cases;

import java.time.OffsetDateTime;

/**
 * A case moved from one status to another by an actor; the move is made only while the case is still in the status
 * it was decided on, and recorded as an event. A move to the same status records an event and changes nothing.
 */
public record StatusMove(String caseNo, CaseStatus from, CaseStatus to, OffsetDateTime at, String actor,
        String channel, String action, String note) {

    public CaseEvent event() {
        return new CaseEvent(caseNo, at, actor, channel, action, from.name(), to.name(), note);
    }
}
