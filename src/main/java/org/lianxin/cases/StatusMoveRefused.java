package org.lianxin.cases;

/** A status move the case life cycle does not allow: nothing of the transaction it was asked in is kept. */
public class StatusMoveRefused extends CaseChangeRefused {

    public StatusMoveRefused(String caseNo, CaseStatus from, CaseStatus to) {
        super(409, "status", "case " + caseNo + " cannot move from " + from + " to " + to + "; from " + from
                + " it may move to " + CaseLifecycle.next(from).stream().filter(s -> s != from).sorted().toList());
    }
}
