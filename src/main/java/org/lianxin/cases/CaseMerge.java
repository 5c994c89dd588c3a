package org.lianxin.cases;

/**
 * A case merged into another: its move to MERGED, the case it now belongs to, how many intakes went along (each
 * counts as a repeat there), the event on that case, and the merged case's text and place, which its own intake
 * takes along so that it can be split off again.
 */
public record CaseMerge(StatusMove move, String into, int intakesMoved, CaseEvent received, String title,
        String content, String location) {

    public CaseMerge {
        if (move.to() != CaseStatus.MERGED) {
            throw new IllegalArgumentException("a merge moves its case to MERGED, not " + move.to());
        }
    }
}
