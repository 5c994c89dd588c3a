package org.lianxin.cases;

/** The case lifecycle (DESIGN.md); every change between these is an event row. */
public enum CaseStatus {
    REGISTERED, TRIAGE, DISPATCHED, SIGNED, IN_PROGRESS, REPLIED, RETURNED, REOPENED, MERGED, EXPLAINED, CLOSED
}
