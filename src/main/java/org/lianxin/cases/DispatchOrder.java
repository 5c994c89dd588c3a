package org.lianxin.cases;

import java.util.List;

/**
 * What triage (the rules, or a dispatcher at /triage) decided for a case: its request type and category, the lead
 * department (主办) and the co-handling departments (协办). `direct:dispatch-case` turns it into assignment slips.
 *
 * @param decidedBy who decided: "rule:<rule id>", "user:<username>" or "reopen:<n>", recorded on the case's events
 * @param reopenNote for a case reopened (重办) because the citizen was dissatisfied: what its slips say about it
 */
public record DispatchOrder(String caseNo, RequestType requestType, String category, String lead,
        List<String> coHandlers, String decidedBy, String reopenNote) {

    public DispatchOrder {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }

    /** A first dispatch (or one after a return): nothing to say about a reopening. */
    public DispatchOrder(String caseNo, RequestType requestType, String category, String lead,
            List<String> coHandlers, String decidedBy) {
        this(caseNo, requestType, category, lead, coHandlers, decidedBy, null);
    }
}
