package org.lianxin.dispatch;

import java.time.OffsetDateTime;

/**
 * One delivery of a slip with everything a message to the department needs. The citizen's phone is already
 * masked unless the department may see it; the ID number is never here. reopenNote is set on the slip of a case
 * reopened (重办) because the citizen was dissatisfied.
 */
public record SlipDelivery(
        String slipNo,
        String channel,
        String address,
        String status,
        int attempts,
        int round,
        String role,
        String requestType,
        String categoryName,
        OffsetDateTime deadline,
        String replyUrl,
        String departmentId,
        String departmentName,
        String caseNo,
        String title,
        String content,
        String location,
        String citizenName,
        String citizenPhone,
        OffsetDateTime receivedAt,
        boolean hot,
        String reopenNote) {

    /** Accepted or beyond: sending it again would send it twice. */
    public boolean alreadySent() {
        return !"QUEUED".equals(status) && !"DEAD".equals(status);
    }

    public boolean reopened() {
        return reopenNote != null;
    }

    public boolean lead() {
        return "LEAD".equals(role);
    }
}
