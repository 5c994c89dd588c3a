package org.lianxin.cases;

import java.time.OffsetDateTime;

/** A case waiting for a dispatcher, with the reason it waits (the rules' doubt, or a department's return). */
public record WaitingCase(String caseNo, String title, String content, String category, String requestType,
        String location, OffsetDateTime receivedAt, boolean hot, String status, String reason) {
}
