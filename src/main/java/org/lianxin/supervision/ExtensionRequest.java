package org.lianxin.supervision;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * An extension request (延期) waiting for a supervisor: the department's text, the slip's deadline (county time) and
 * the new deadline suggested for it.
 */
public record ExtensionRequest(String ref, String caseNo, String slipNo, String departmentName, String title,
        String text, OffsetDateTime requestedAt, OffsetDateTime deadline, LocalDate suggested) {
}
