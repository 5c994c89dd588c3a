package org.lianxin.cases;

import java.util.List;

/**
 * What one step of a flow writes to its cases, handed to {@link CaseStore#write} in one call: the cases' kinds,
 * events that are not moves, status moves (each recorded as an event of its own) and outbox messages, written in
 * that order.
 */
public record CaseWrites(List<CaseKind> kinds, List<CaseEvent> events, List<StatusMove> moves,
        List<OutboxMessage> outbox) {

    public CaseWrites {
        kinds = List.copyOf(kinds);
        events = List.copyOf(events);
        moves = List.copyOf(moves);
        outbox = List.copyOf(outbox);
    }

    public static CaseWrites eventsAndOutbox(List<CaseEvent> events, List<OutboxMessage> outbox) {
        return new CaseWrites(List.of(), events, List.of(), outbox);
    }
}
