package org.lianxin.cases;

import java.time.OffsetDateTime;

/**
 * What triage or a dispatcher decided a case is: its request type and category, and whether it is hot. A null
 * category or hot flag keeps what the case has.
 */
public record CaseKind(String caseNo, String requestType, String category, Boolean hot, OffsetDateTime at) {
}
