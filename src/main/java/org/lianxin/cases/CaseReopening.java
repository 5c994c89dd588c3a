package org.lianxin.cases;

import java.util.Set;

/**
 * A request to reopen a case (重办) and send it again to its lead department with a new slip and deadline:
 * `direct:reopen-case` (routes/satisfaction/reopen-case.yaml). A citizen's 不满意 and a failed spot check (回头看) both reopen
 * through it.
 *
 * @param reason what the new slip and the 'reopened' event say after "重办（第n次）：", e.g. 市民不满意：路灯还是不亮
 * @param actor who reopens it, recorded on the event (citizen, hotline:op07, user:zhang)
 * @param channel the channel it came through, recorded on the event (sms, hotline, web; null for staff pages)
 * @param from the case statuses it may be reopened from; any other is refused
 */
public record CaseReopening(String caseNo, String reason, String actor, String channel, Set<String> from) {

    public CaseReopening {
        from = Set.copyOf(from);
    }
}
