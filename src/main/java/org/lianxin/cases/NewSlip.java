package org.lianxin.cases;

import java.time.OffsetDateTime;

/** A slip (交办单) as dispatch issues it to one department, lead (LEAD) or co-handler (CO). */
public record NewSlip(String slipNo, String caseNo, String departmentId, String role, String requestType,
        String category, OffsetDateTime deadline, OffsetDateTime signBy, OffsetDateTime linkExpiresAt,
        String decidedBy, String reopenNote, OffsetDateTime issuedAt) {
}
