package org.lianxin.cases;

/**
 * A case merged into another: its move to MERGED, the case it now belongs to, how many intakes went along (each
 * counts as a repeat there) and the event on that case.
 */
public record CaseMerge(StatusMove move, String into, int intakesMoved, CaseEvent received) {

    public CaseMerge {
        if (move.to() != CaseStatus.MERGED) {
            throw new IllegalArgumentException("a merge moves its case to MERGED, not " + move.to());
        }
    }
}
