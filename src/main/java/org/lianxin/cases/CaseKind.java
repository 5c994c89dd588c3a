package org.lianxin.cases;

import java.time.OffsetDateTime;

/**
 * What triage or a dispatcher decided a case is: its request type and category, and whether it is hot. A null hot
 * flag keeps the case's own; a null category keeps the case's own unless replaceCategory (triage's finding that the
 * category the case came with is none of the hub's).
 */
public record CaseKind(String caseNo, String requestType, String category, boolean replaceCategory, Boolean hot,
        OffsetDateTime at) {
}
