package org.lianxin.sync;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Variable;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.PhoneNumbers;
import org.lianxin.cases.RowTime;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Helpers of the delivery routes of routes/sync/answer-sync.yaml: a record's row, whether a message is due, what the
 * sinks are given, and what a failed try records. The routes keep the record's ref and the message's round in the
 * exchange variables syncRef and syncRound (the HTTP sinks send no exchange header, so they clear them).
 */
@Component("syncRecords")
public class SyncRecords {

    private static final int REASON_MAX = 1000;

    public SyncRecord fromRow(Map<String, Object> row) {
        if (row == null) {
            return null;
        }
        return new SyncRecord(((Number) row.get("id")).longValue(), (String) row.get("ref"),
                (String) row.get("case_no"), (String) row.get("target"), (String) row.get("address"),
                (String) row.get("body"), (String) row.get("status"), ((Number) row.get("send_round")).intValue());
    }

    /**
     * Whether a message should be sent: not when the record is unknown, already sent or parked (a message read
     * twice, a relay's repeat), nor when a replay has since started a later round.
     */
    public boolean due(SyncRecord record, @Variable("syncRound") Integer round) {
        return record != null && record.open() && (round == null || round >= record.round());
    }

    public boolean notDue(SyncRecord record, @Variable("syncRound") Integer round) {
        return !due(record, round);
    }

    /**
     * The staff's view: the parked records, each with the citizen's phone masked and its time in county time, and
     * how many records are in each state (PENDING, FAILED, SENT, DEAD).
     */
    public Map<String, Object> staffView(@Header("syncParked") List<Map<String, Object>> parked,
            @Header("syncCounts") List<Map<String, Object>> counts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : parked) {
            Map<String, Object> r = new LinkedHashMap<>(row);
            r.put("address", PhoneNumbers.mask((String) row.get("address")));
            r.put("updated_at", CountyTime.of(row.get("updated_at")).toOffsetDateTime());
            rows.add(r);
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (String status : List.of(SyncRecord.PENDING, SyncRecord.FAILED, "SENT", "DEAD")) {
            byStatus.put(status, 0L);
        }
        for (Map<String, Object> c : counts) {
            byStatus.put((String) c.get("status"), ((Number) c.get("n")).longValue());
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("parked", rows);
        view.put("counts", byStatus);
        return view;
    }

    /**
     * The body and headers a sink takes: the SMS sink contract (smsTo, smsRef — file- and URL-safe — and
     * smsRefSecret: none, citizens' SMS are not tracked by delivery report) or the JSON of the HTTP and SQL sinks,
     * whose header syncRef becomes the receiver's idempotency key.
     */
    public void toSink(SyncRecord record, Exchange exchange) {
        Message m = exchange.getMessage();
        m.setBody(record.body());
        m.setHeader("syncRef", record.ref());
        if (record.address() != null) {
            m.setHeader("smsTo", record.address());
            m.setHeader("smsRef", record.caseNo() + "-" + record.target() + "-" + record.id());
            m.setHeader("smsRefSecret", "");
        }
    }

    /** Why the last try failed, short enough for case_sync.last_error. */
    public String reason(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure) {
        return reasonOf(failure);
    }

    static String reasonOf(Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX) + "…" : reason;
    }

    /**
     * Called by the error handling right after each failed try (onExceptionOccurred): the record becomes FAILED
     * with the reason and one more attempt, so staff see a failing receiver while the retries go on. It writes the
     * row itself: a hook inside Camel's error handling must not route another exchange (that would upset the
     * redelivery count). Its own failure (the database away too) is ignored by Camel: the try is retried all the
     * same.
     */
    @Component("syncTryFailed")
    static class TryFailed implements Processor {

        private final NamedParameterJdbcTemplate db;
        private final Clock clock;

        TryFailed(NamedParameterJdbcTemplate db, Clock clock) {
            this.db = db;
            this.clock = clock;
        }

        @Override
        public void process(Exchange exchange) {
            Throwable failure = exchange.getException() != null ? exchange.getException()
                    : exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            String ref = exchange.getVariable("syncRef", String.class);
            if (ref != null) {
                db.update("update case_sync set status = 'FAILED', attempts = attempts + 1, last_error = :error, "
                        + "updated_at = :now where ref = :ref and status in ('PENDING', 'FAILED')",
                        Map.of("ref", ref, "error", reasonOf(failure), "now", RowTime.of(clock)));
            }
        }
    }
}
