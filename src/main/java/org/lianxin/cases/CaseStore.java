package org.lianxin.cases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The one writer of the case's own rows (its slips: {@link SlipStore}): the case and its intakes, its status (moves
 * checked against {@link CaseLifecycle}), its counters, its event log and its outbox. Methods take lists, written
 * with one batched statement each, so a batch of cases costs one round trip per statement. It joins the caller's transaction (a transacted route), so what a flow writes here
 * commits or rolls back with the rest of that flow.
 * <p>
 * {@link #recordEvent} is for a route that names an event's parts in the route file, e.g.
 * {@code recordEvent(${header.caseNo}, ...)}.
 */
@Component("caseStore")
public class CaseStore {

    private static final String INSERT_EVENT = "insert into case_event (case_no, occurred_at, actor, channel, action,"
            + " from_status, to_status, note) values (:caseNo, :occurredAt, :actor, :channel, :action, :fromStatus,"
            + " :toStatus, :note)";
    private static final String INSERT_OUTBOX = "insert into case_outbox (case_no, destination, payload, dedup_id,"
            + " created_at) values (:caseNo, :destination, :payload, :dedupId, :createdAt)";
    // guarded by the status the move was decided on: a case that moved on meanwhile is left alone
    private static final String MOVE = "update citizen_case set status = :to, updated_at = :at, reopen_count ="
            + " reopen_count + case when :to = 'REOPENED' and :from <> 'REOPENED' then 1 else 0 end"
            + " where case_no = :caseNo and status = :from";

    private static final String CLASSIFY = "update citizen_case set request_type = :requestType, category ="
            + " case when :replaceCategory then :category else coalesce(:category, category) end,"
            + " hot = coalesce(:hot, hot), updated_at = :at where case_no = :caseNo";

    private static final String ADD_REPEATS = "update citizen_case set repeat_count = greatest(repeat_count + :by, 0),"
            + " updated_at = :at where case_no = :caseNo";

    private static final String INSERT_CASE = "insert into citizen_case (case_no, query_code, title, content,"
            + " category, location, citizen_name, citizen_phone, status, received_at, created_at, updated_at) values"
            + " (:caseNo, :queryCode, :title, :content, :category, :location, :citizenName, :citizenPhone,"
            + " 'REGISTERED', :receivedAt, :at, :at)";
    private static final String INSERT_INTAKE = "insert into case_intake (case_no, channel, external_id,"
            + " citizen_name, citizen_phone, id_number, address, visitors, operator_id, received_at, created_at, title,"
            + " content, location, place_key) values (:caseNo, :channel, :externalId, :citizenName, :citizenPhone,"
            + " :idNumber, :address, :visitors, :operatorId, :receivedAt, :at, :title, :content, :location, :placeKey)";

    private final NamedParameterJdbcTemplate jdbc;

    public CaseStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Registers the cases: each case, the intake that made it, and its first writes. */
    public void register(List<Registration> registrations) {
        batch(INSERT_CASE, registrations.stream().map(r -> {
            NewCase c = r.newCase();
            return new MapSqlParameterSource().addValue("caseNo", c.caseNo()).addValue("queryCode", c.queryCode())
                    .addValue("title", c.title()).addValue("content", c.content()).addValue("category", c.category())
                    .addValue("location", c.location()).addValue("citizenName", c.citizenName())
                    .addValue("citizenPhone", c.citizenPhone()).addValue("receivedAt", c.receivedAt())
                    .addValue("at", c.at());
        }).toList());
        batch(INSERT_INTAKE, registrations.stream().map(Registration::intake).filter(i -> i != null)
                .map(CaseStore::intake).toList());
        registrations.forEach(r -> write(r.writes()));
    }

    /** Adds an intake to its case (a repeat that joined it); its generated id. */
    public long addIntake(NewIntake intake) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(INSERT_INTAKE, intake(intake), key, new String[] { "id" });
        return key.getKey().longValue();
    }

    /** Moves an intake to another case (split off into a case of its own). */
    public void moveIntake(long intakeId, String caseNo) {
        jdbc.update("update case_intake set case_no = :caseNo where id = :id",
                new MapSqlParameterSource().addValue("id", intakeId).addValue("caseNo", caseNo));
    }

    /** Everything one step of a flow writes, in the order {@link CaseWrites} names. */
    public void write(CaseWrites writes) {
        // a move the life cycle refuses refuses the whole step before anything of it is written
        writes.moves().forEach(m -> CaseLifecycle.check(m.caseNo(), m.from(), m.to()));
        classify(writes.kinds());
        record(writes.events());
        move(writes.moves());
        queue(writes.outbox());
    }

    /** Sets the cases' request type and category, and their hot flag where one is given. */
    public void classify(List<CaseKind> kinds) {
        batch(CLASSIFY, kinds.stream().map(k -> new MapSqlParameterSource()
                .addValue("caseNo", k.caseNo()).addValue("requestType", k.requestType())
                .addValue("category", k.category()).addValue("replaceCategory", k.replaceCategory())
                .addValue("hot", k.hot()).addValue("at", k.at())).toList());
    }

    /** Appends the events to their cases' logs. */
    public void record(List<CaseEvent> events) {
        batch(INSERT_EVENT, events.stream().map(e -> new MapSqlParameterSource()
                .addValue("caseNo", e.caseNo()).addValue("occurredAt", e.occurredAt()).addValue("actor", e.actor())
                .addValue("channel", e.channel()).addValue("action", e.action())
                .addValue("fromStatus", e.fromStatus()).addValue("toStatus", e.toStatus())
                .addValue("note", e.note())).toList());
    }

    /** Queues the messages for the outbox relay. */
    public void queue(List<OutboxMessage> messages) {
        batch(INSERT_OUTBOX, messages.stream().map(m -> new MapSqlParameterSource()
                .addValue("caseNo", m.caseNo()).addValue("destination", m.destination())
                .addValue("payload", m.payload()).addValue("dedupId", m.dedupId())
                .addValue("createdAt", m.createdAt())).toList());
    }

    /**
     * Makes the moves the life cycle allows and records an event for each case that was still in the status its move
     * was decided on (a stay, from a status to itself, is recorded as it is); refuses the whole list, before writing
     * anything, when one move is not allowed.
     */
    public void move(List<StatusMove> moves) {
        made(moves);
    }

    private List<StatusMove> made(List<StatusMove> all) {
        all.forEach(m -> CaseLifecycle.check(m.caseNo(), m.from(), m.to()));
        // a stay (a decision that keeps the status) is an event only: the case row is neither touched nor locked
        List<StatusMove> stays = all.stream().filter(m -> m.from() == m.to()).toList();
        record(stays.stream().map(StatusMove::event).toList());
        List<StatusMove> moves = all.stream().filter(m -> m.from() != m.to()).toList();
        int[] counts = batch(MOVE, moves.stream().map(m -> new MapSqlParameterSource()
                .addValue("caseNo", m.caseNo()).addValue("from", m.from().name()).addValue("to", m.to().name())
                .addValue("at", m.at())).toList());
        List<StatusMove> made = new ArrayList<>(stays);
        for (int i = 0; i < moves.size(); i++) {
            if (counts[i] != 0) {
                made.add(moves.get(i));
            }
        }
        record(made.subList(stays.size(), made.size()).stream().map(StatusMove::event).toList());
        return made;
    }

    /**
     * Counts one more report (an intake joined as a repeat) on the case, unless it is in one of the closed statuses.
     *
     * @return whether it was counted; the case row stays locked until the transaction ends
     */
    public boolean addRepeat(String caseNo, Collection<String> closedStatuses, OffsetDateTime at) {
        return jdbc.update("update citizen_case set repeat_count = repeat_count + 1, updated_at = :at"
                + " where case_no = :caseNo and status not in (:closed)", new MapSqlParameterSource()
                        .addValue("caseNo", caseNo).addValue("closed", closedStatuses).addValue("at", at)) == 1;
    }

    /** Adds to (or, negative, takes from) the case's count of repeats, never below zero. */
    public void addRepeats(String caseNo, int by, OffsetDateTime at) {
        jdbc.update(ADD_REPEATS, new MapSqlParameterSource().addValue("caseNo", caseNo).addValue("by", by)
                .addValue("at", at));
    }

    /**
     * Merges each case into another: its move to MERGED (refused as any move the life cycle does not allow), the case
     * it went into, the intakes it took along counted there as repeats, and the event there.
     */
    public void merge(List<CaseMerge> merges) {
        for (CaseMerge m : merges) {
            if (made(List.of(m.move())).isEmpty()) {
                throw new IllegalStateException("case " + m.move().caseNo() + " left " + m.move().from()
                        + " before it could be merged");
            }
            // the merged case's own intake takes its text and place along, so it can be split off again
            jdbc.update("update case_intake set title = coalesce(title, :title), content = coalesce(content, :content),"
                    + " location = coalesce(location, :location), place_key = coalesce(place_key, :placeKey),"
                    + " case_no = :into where case_no = :caseNo", new MapSqlParameterSource()
                            .addValue("caseNo", m.move().caseNo()).addValue("into", m.into())
                            .addValue("title", m.title()).addValue("content", m.content())
                            .addValue("location", m.location()).addValue("placeKey", PlaceKeys.of(m.location())));
            jdbc.update("update citizen_case set merged_into = :into where case_no = :caseNo",
                    new MapSqlParameterSource().addValue("caseNo", m.move().caseNo()).addValue("into", m.into()));
            addRepeats(m.into(), m.intakesMoved(), m.move().at());
            record(List.of(m.received()));
        }
    }

    /** One event; both statuses null unless the event records a status it left or kept. */
    public void recordEvent(String caseNo, OffsetDateTime at, String actor, String channel, String action,
            String fromStatus, String toStatus, String note) {
        record(List.of(new CaseEvent(caseNo, at, actor, channel, action, fromStatus, toStatus, note)));
    }



    private static MapSqlParameterSource intake(NewIntake i) {
        return new MapSqlParameterSource().addValue("caseNo", i.caseNo()).addValue("channel", i.channel())
                .addValue("externalId", i.externalId()).addValue("citizenName", i.citizenName())
                .addValue("citizenPhone", i.citizenPhone()).addValue("idNumber", i.idNumber())
                .addValue("address", i.address()).addValue("visitors", i.visitors())
                .addValue("operatorId", i.operatorId()).addValue("receivedAt", i.receivedAt()).addValue("at", i.at())
                .addValue("title", i.title()).addValue("content", i.content()).addValue("location", i.location())
                .addValue("placeKey", i.placeKey());
    }

    private int[] batch(String sql, List<MapSqlParameterSource> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return jdbc.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
    }
}
