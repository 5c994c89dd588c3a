package org.lianxin.cases;

import java.time.OffsetDateTime;

/**
 * A message the outbox relay sends to a broker queue once the transaction that queued it commits. The dedup id,
 * when there is one, is the broker's duplicate-detection id: two messages with the same id are sent once.
 */
public record OutboxMessage(String caseNo, String destination, String payload, String dedupId,
        OffsetDateTime createdAt) {
}
