package org.lianxin.cases;

import static org.lianxin.cases.CaseStatus.CLOSED;
import static org.lianxin.cases.CaseStatus.DISPATCHED;
import static org.lianxin.cases.CaseStatus.EXPLAINED;
import static org.lianxin.cases.CaseStatus.IN_PROGRESS;
import static org.lianxin.cases.CaseStatus.IN_REVIEW;
import static org.lianxin.cases.CaseStatus.MERGED;
import static org.lianxin.cases.CaseStatus.REGISTERED;
import static org.lianxin.cases.CaseStatus.REOPENED;
import static org.lianxin.cases.CaseStatus.REPLIED;
import static org.lianxin.cases.CaseStatus.RETURNED;
import static org.lianxin.cases.CaseStatus.SIGNED;
import static org.lianxin.cases.CaseStatus.TRIAGE;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The moves the case life cycle allows (DESIGN.md), in one place: the case store refuses any other. Staying in a
 * status is always allowed (an event that changes nothing, such as a second progress answer).
 */
public final class CaseLifecycle {

    private static final Map<CaseStatus, Set<CaseStatus>> NEXT = new EnumMap<>(CaseStatus.class);

    static {
        // received: triaged, dispatched, joined to another case or answered that it is not taken
        allow(REGISTERED, TRIAGE, DISPATCHED, MERGED, EXPLAINED);
        allow(TRIAGE, DISPATCHED, MERGED, EXPLAINED);
        // returned (退单) and reopened (重办) cases go through triage and dispatch again
        allow(RETURNED, TRIAGE, DISPATCHED, MERGED, EXPLAINED);
        allow(REOPENED, TRIAGE, DISPATCHED, SIGNED, IN_PROGRESS, IN_REVIEW, REPLIED, EXPLAINED, RETURNED, MERGED);
        // with the departments
        allow(DISPATCHED, SIGNED, IN_PROGRESS, IN_REVIEW, REPLIED, EXPLAINED, RETURNED, MERGED);
        allow(SIGNED, IN_PROGRESS, IN_REVIEW, REPLIED, EXPLAINED, RETURNED, MERGED);
        allow(IN_PROGRESS, SIGNED, IN_REVIEW, REPLIED, EXPLAINED, RETURNED, MERGED);
        // review (审核): approved, or sent back to the department
        allow(IN_REVIEW, SIGNED, IN_PROGRESS, REPLIED, EXPLAINED);
        // answered: rated and closed, or reopened by a dissatisfied citizen
        allow(REPLIED, CLOSED, REOPENED);
        allow(EXPLAINED, CLOSED, REOPENED);
        allow(CLOSED, REOPENED);
        // a merged case split off again goes back to triage
        allow(MERGED, TRIAGE, REGISTERED);
    }

    private CaseLifecycle() {
    }

    private static void allow(CaseStatus from, CaseStatus... to) {
        NEXT.put(from, EnumSet.of(from, to));
    }

    public static boolean allows(CaseStatus from, CaseStatus to) {
        return NEXT.getOrDefault(from, Set.of(from)).contains(to);
    }

    /** The statuses a case may move to from this one, itself included. */
    public static Set<CaseStatus> next(CaseStatus from) {
        return Set.copyOf(NEXT.getOrDefault(from, Set.of(from)));
    }

    /** Refuses a move the life cycle does not allow, naming the case and both statuses. */
    public static void check(String caseNo, CaseStatus from, CaseStatus to) {
        if (!allows(from, to)) {
            throw new StatusMoveRefused(caseNo, from, to);
        }
    }
}
