package org.lianxin.cases;

/**
 * The case lifecycle (DESIGN.md); every change between these is an event row.
 * <p>
 * IN_REVIEW (答复待审核): only with review (lianxin.review.enabled). The lead's final answer or explanation is kept
 * but not published; the case waits for a supervisor, who approves it (published, the case becomes REPLIED or
 * EXPLAINED) or sends it back (the case returns to SIGNED, or IN_PROGRESS when progress was published, and the
 * department answers again). Citizens see an IN_REVIEW case as still being handled.
 */
public enum CaseStatus {
    REGISTERED, TRIAGE, DISPATCHED, SIGNED, IN_PROGRESS, IN_REVIEW, REPLIED, RETURNED, REOPENED, MERGED, EXPLAINED,
    CLOSED
}
