package org.lianxin.cases;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

/**
 * The one writer of the case's slips and their deliveries, beside {@link CaseStore}. Guarded changes (a slip still
 * in hand, a delivery still queued) answer whether they were made, so a message that comes twice changes nothing
 * the second time. Joins the caller's transaction.
 */
@Component("slipStore")
public class SlipStore {

    private static final String DELIVERY = " where slip_no = :slipNo and channel = :channel and address = :address";

    private final NamedParameterJdbcTemplate jdbc;

    public SlipStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Issues the slips (status ISSUED) and queues their deliveries (status QUEUED, round 1). */
    public void issue(List<NewSlip> slips, List<SlipDelivery> deliveries) {
        batch("insert into slip (slip_no, case_no, department_id, role, status, request_type, category, deadline,"
                + " sign_by, link_expires_at, decided_by, issued_at, reopen_note) values (:slipNo, :caseNo,"
                + " :departmentId, :role, 'ISSUED', :requestType, :category, :deadline, :signBy, :linkExpiresAt,"
                + " :decidedBy, :issuedAt, :reopenNote)", slips.stream().map(s -> new MapSqlParameterSource()
                        .addValue("slipNo", s.slipNo()).addValue("caseNo", s.caseNo())
                        .addValue("departmentId", s.departmentId()).addValue("role", s.role())
                        .addValue("requestType", s.requestType()).addValue("category", s.category())
                        .addValue("deadline", s.deadline()).addValue("signBy", s.signBy())
                        .addValue("linkExpiresAt", s.linkExpiresAt()).addValue("decidedBy", s.decidedBy())
                        .addValue("issuedAt", s.issuedAt()).addValue("reopenNote", s.reopenNote())).toList());
        OffsetDateTime at = slips.isEmpty() ? null : slips.get(0).issuedAt();
        batch("insert into slip_delivery (slip_no, channel, address, status, attempts, send_round, created_at,"
                + " updated_at) values (:slipNo, :channel, :address, 'QUEUED', 0, 1, :at, :at)",
                deliveries.stream().map(d -> delivery(d).addValue("at", at)).toList());
    }

    /** Notes the time on the slips (a reminder sent, a deadline missed), once per mark. */
    public void mark(Collection<String> slipNos, SlipMark mark, OffsetDateTime at) {
        if (!slipNos.isEmpty()) {
            jdbc.update("update slip set " + mark.column + " = :at where slip_no in (:slipNos)",
                    new MapSqlParameterSource().addValue("slipNos", slipNos).addValue("at", at));
        }
    }

    /**
     * A sign-for (to SIGNED) or a return (to RETURNED, with its reason) of a slip still in the status it was decided
     * on; true when it was made.
     */
    public boolean signOrReturn(String slipNo, String from, String to, String reason, OffsetDateTime at) {
        return jdbc.update("update slip set status = :to, signed_at = case when :to = 'SIGNED' then :at else"
                + " signed_at end, returned_at = case when :to = 'RETURNED' then :at else returned_at end,"
                + " return_reason = case when :to = 'RETURNED' then :reason else return_reason end"
                + " where slip_no = :slipNo and status = :from", new MapSqlParameterSource().addValue("slipNo", slipNo)
                        .addValue("from", from).addValue("to", to).addValue("reason", reason).addValue("at", at)) == 1;
    }

    /** An answer on a slip in hand: SIGNED after progress (signed for by answering), ANSWERED after a final one. */
    public void answered(String slipNo, String to, OffsetDateTime at) {
        jdbc.update("update slip set status = :to, signed_at = coalesce(signed_at, :at) where slip_no = :slipNo"
                + " and status in ('ISSUED', 'SIGNED')", new MapSqlParameterSource().addValue("slipNo", slipNo)
                        .addValue("to", to).addValue("at", at));
    }

    /** A final answer sent back by review: the slip is in the department's hands again. */
    public void sentBack(String slipNo) {
        jdbc.update("update slip set status = 'SIGNED' where slip_no = :slipNo and status = 'ANSWERED'",
                new MapSqlParameterSource("slipNo", slipNo));
    }

    /** An extension approved: the new deadline and link expiry, watched afresh (reminded, overdue, escalated). */
    public void extend(String slipNo, OffsetDateTime deadline, OffsetDateTime linkExpiresAt) {
        jdbc.update("update slip set deadline = :deadline, link_expires_at = :linkExpiresAt, due_reminded_at = null,"
                + " overdue_at = null, escalated_at = null where slip_no = :slipNo", new MapSqlParameterSource()
                        .addValue("slipNo", slipNo).addValue("deadline", deadline)
                        .addValue("linkExpiresAt", linkExpiresAt));
    }

    /** The SMTP server or SMS gateway took the delivery (queued, or parked and sent after all). */
    public void accepted(String slipNo, String channel, String address, int tries, String providerRef,
            OffsetDateTime at) {
        jdbc.update("update slip_delivery set status = 'ACCEPTED', attempts = attempts + :tries, provider_ref ="
                + " :providerRef, last_error = null, updated_at = :at" + DELIVERY + " and status in ('QUEUED', 'DEAD')",
                delivery(slipNo, channel, address).addValue("tries", tries).addValue("providerRef", providerRef)
                        .addValue("at", at));
    }

    /** The delivery's retries ran out: parked (DEAD) for staff to replay. */
    public void parked(String slipNo, String channel, String address, int tries, String error, OffsetDateTime at) {
        jdbc.update("update slip_delivery set status = 'DEAD', attempts = attempts + :tries, last_error = :error,"
                + " updated_at = :at" + DELIVERY + " and status = 'QUEUED'",
                delivery(slipNo, channel, address).addValue("tries", tries).addValue("error", error)
                        .addValue("at", at));
    }

    /**
     * A gateway's delivery report, forward only: it may outrun the sender's own record of the acceptance (QUEUED),
     * and proves a parked delivery went out after all; DELIVERED and FAILED are final. True when it changed the row.
     */
    public boolean reported(String slipNo, String channel, String address, String status, String error,
            String providerRef, OffsetDateTime at) {
        return jdbc.update("update slip_delivery set status = :status, last_error = :error, provider_ref ="
                + " coalesce(provider_ref, :providerRef), updated_at = :at" + DELIVERY
                + " and status in ('QUEUED', 'ACCEPTED', 'DEAD')", delivery(slipNo, channel, address)
                        .addValue("status", status).addValue("error", error).addValue("providerRef", providerRef)
                        .addValue("at", at)) == 1;
    }

    /** A parked delivery queued again in a new round; false when it is unknown or not parked. */
    public boolean replay(String slipNo, String channel, String address, OffsetDateTime at) {
        return jdbc.update("update slip_delivery set status = 'QUEUED', send_round = send_round + 1, updated_at = :at"
                + DELIVERY + " and status = 'DEAD'", delivery(slipNo, channel, address).addValue("at", at)) == 1;
    }

    private static MapSqlParameterSource delivery(SlipDelivery d) {
        return delivery(d.slipNo(), d.channel(), d.address());
    }

    private static MapSqlParameterSource delivery(String slipNo, String channel, String address) {
        return new MapSqlParameterSource().addValue("slipNo", slipNo).addValue("channel", channel)
                .addValue("address", address);
    }

    private void batch(String sql, List<MapSqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
        }
    }
}
