package org.lianxin.supervision;

import java.time.OffsetDateTime;

/** A lead department's final answer (FINAL) or explanation (EXPLANATION) waiting for review before publication. */
public record PendingAnswer(String ref, String caseNo, String slipNo, String kind, String departmentName,
        String title, String content, String text, OffsetDateTime answeredAt) {
}
