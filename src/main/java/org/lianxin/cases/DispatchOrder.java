package org.lianxin.cases;

import java.util.List;

/**
 * What triage (the rules, or a dispatcher at /triage) decided for a case: its request type and category, the lead
 * department (主办) and the co-handling departments (协办). `direct:dispatch-case` turns it into assignment slips.
 *
 * @param decidedBy who decided: "rule:<rule id>" or "user:<username>", recorded on the case's events
 */
public record DispatchOrder(String caseNo, RequestType requestType, String category, String lead,
        List<String> coHandlers, String decidedBy) {

    public DispatchOrder {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }
}
