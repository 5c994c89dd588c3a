package org.lianxin.triage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.lianxin.cases.RowTime;
import org.lianxin.cases.Sha256;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Triage's own tables: the imported history, the trained models and which one is current, and the claim that keeps
 * training to one node at a time. The messages a model learns from are the history and the cases a person routed
 * (a lead slip decided by a dispatcher, whatever the category it gave).
 */
@Component
public class TriageModels {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batches;
    private final Clock clock;

    public TriageModels(JdbcClient jdbc, NamedParameterJdbcTemplate batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    /** A stored model without its weights. */
    public record ModelVersion(int version, OffsetDateTime trainedAt, String trainedBy, int trainedOn, int heldOut,
            double accuracy, double macroF1, String figures, double seconds, boolean current,
            OffsetDateTime switchedAt, String note) {
    }

    /** A model version that was never stored. */
    public static class NoSuchVersion extends RuntimeException {
        public NoSuchVersion(int version) {
            super("no model version " + version);
        }
    }

    /**
     * Stores the archive's rows in one transaction, in batches; returns how many were new (a row imported before, by
     * its hash of category, title and content, is left as it is).
     */
    @Transactional
    public int importHistory(List<LabelledMessage> rows, String by) {
        OffsetDateTime now = RowTime.of(clock);
        SqlParameterSource[] batch = rows.stream().map(row -> new MapSqlParameterSource()
                .addValue("title", row.title()).addValue("content", row.content())
                .addValue("category", row.category()).addValue("now", now).addValue("by", by)
                .addValue("hash", Sha256.hex(row.category() + "\u0000" + (row.title() == null ? "" : row.title())
                        + "\u0000" + row.content())))
                .toArray(SqlParameterSource[]::new);
        int[] counts = batches.batchUpdate("""
                insert into triage_history (title, content, category, text_hash, imported_at, imported_by)
                values (:title, :content, :category, :hash, :now, :by) on conflict do nothing""", batch);
        return Arrays.stream(counts).map(c -> c > 0 ? 1 : 0).sum();
    }

    public int historySize() {
        return jdbc.sql("select count(*) from triage_history").query(Integer.class).single();
    }

    /** How many messages a model would learn from now ({@link #examples()} without reading them). */
    public int labelledCount() {
        return historySize() + jdbc.sql("""
                select count(distinct case_no) from slip
                where role = 'LEAD' and decided_by like 'user:%' and category is not null""")
                .query(Integer.class).single();
    }

    /**
     * Every message whose category a person gave: the history, and each case's latest lead slip that a dispatcher
     * decided ("user:…"), with the category it went out with.
     */
    public List<LabelledMessage> examples() {
        List<LabelledMessage> history = jdbc.sql("select title, content, category from triage_history order by id")
                .query(LabelledMessage.class).list();
        List<LabelledMessage> dispatched = jdbc.sql("""
                select c.title, c.content, s.category from slip s join citizen_case c on c.case_no = s.case_no
                where s.role = 'LEAD' and s.decided_by like 'user:%' and s.category is not null
                  and s.issued_at = (select max(l.issued_at) from slip l where l.case_no = s.case_no and l.role = 'LEAD')
                order by s.case_no""").query(LabelledMessage.class).list();
        return Stream.concat(history.stream(), dispatched.stream()).toList();
    }

    /**
     * How the categories of the cases triaged since a time were decided, and how often a dispatcher later gave a
     * case the model had decided another category (a returned slip re-dispatched, a correction): the model's
     * mistakes that people caught.
     */
    public record Decisions(int channel, int rules, int model, int people, int modelCorrected) {
        public int total() {
            return channel + rules + model + people;
        }
    }

    public Decisions decisionsSince(OffsetDateTime since) {
        Map<String, Integer> by = new HashMap<>();
        jdbc.sql("select decided_by, count(*) as n from triage_decision where decided_at >= :since group by decided_by")
                .param("since", since)
                .query((rs, i) -> by.put(rs.getString("decided_by"), rs.getInt("n"))).list();
        int corrected = jdbc.sql("""
                select count(*) from triage_decision d
                where d.decided_by = 'MODEL' and d.decided_at >= :since
                  and exists (select 1 from slip s where s.case_no = d.case_no and s.role = 'LEAD'
                              and s.decided_by like 'user:%' and s.category <> d.category)""")
                .param("since", since).query(Integer.class).single();
        return new Decisions(by.getOrDefault("CHANNEL", 0), by.getOrDefault("RULE", 0), by.getOrDefault("MODEL", 0),
                by.getOrDefault("PEOPLE", 0), corrected);
    }

    /** When people last routed a case (null: never): training is due only when they did since the last model. */
    public OffsetDateTime lastPersonDecision() {
        return jdbc.sql("select max(issued_at) from slip where role = 'LEAD' and decided_by like 'user:%'")
                .query(OffsetDateTime.class).optional().orElse(null);
    }

    public List<ModelVersion> versions() {
        return jdbc.sql("""
                select version, trained_at, trained_by, trained_on, held_out, accuracy, macro_f1, figures, seconds,
                       is_current as current, switched_at, note
                from triage_model order by version desc""").query(ModelVersion.class).list();
    }

    public Optional<ModelVersion> version(int version) {
        return versions().stream().filter(v -> v.version() == version).findFirst();
    }

    public Optional<Integer> currentVersion() {
        return jdbc.sql("select version from triage_model where is_current order by switched_at desc limit 1")
                .query(Integer.class).optional();
    }

    public byte[] weights(int version) {
        return jdbc.sql("select weights from triage_model where version = :v").param("v", version)
                .query(byte[].class).single();
    }

    /** Stores a trained model with the next version number; returns it. */
    @Transactional
    public int save(CategoryModel model, ModelFigures figures, String figuresJson, int trainedOn, double seconds,
            String by, String note) {
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from triage_model").query(Integer.class).single();
        jdbc.sql("""
                insert into triage_model (version, trained_at, trained_by, trained_on, held_out, accuracy, macro_f1,
                                          figures, seconds, weights, is_current, note)
                values (:version, :now, :by, :trainedOn, :heldOut, :accuracy, :macroF1, :figures, :seconds, :weights,
                        false, :note)""")
                .param("version", version).param("now", RowTime.of(clock)).param("by", by)
                .param("trainedOn", trainedOn).param("heldOut", figures.examples())
                .param("accuracy", figures.accuracy()).param("macroF1", figures.macroF1())
                .param("figures", figuresJson).param("seconds", seconds).param("weights", model.toBytes())
                .param("note", note).update();
        return version;
    }

    /** Makes a stored version the current one, on every node (each looks within refresh-every). */
    @Transactional
    public void makeCurrent(int version) {
        int found = jdbc.sql("select count(*) from triage_model where version = :v").param("v", version)
                .query(Integer.class).single();
        if (found == 0) {
            throw new NoSuchVersion(version);
        }
        // one statement: two switches at once leave one current, never two
        jdbc.sql("""
                update triage_model set is_current = (version = :v),
                       switched_at = case when version = :v then :now else switched_at end""")
                .param("v", version).param("now", RowTime.of(clock)).update();
    }

    /**
     * Claims the right to train: true for one caller at a time across all nodes. A claim older than the timeout
     * is taken over; with {@code unlessStartedAfter}, no claim is made when training started after it (another
     * node did the scheduled training already).
     */
    public boolean claim(String node, OffsetDateTime staleBefore, OffsetDateTime unlessStartedAfter) {
        OffsetDateTime now = RowTime.of(clock);
        return jdbc.sql("""
                update triage_training set running_since = :now, running_on = :node, last_started = :now
                where id = 1 and (running_since is null or running_since < :staleBefore)
                  and (cast(:unlessAfter as timestamp with time zone) is null or last_started is null
                       or last_started <= :unlessAfter)""")
                .param("now", now).param("node", node).param("staleBefore", staleBefore)
                .param("unlessAfter", unlessStartedAfter).update() == 1;
    }

    public void release(String node) {
        jdbc.sql("update triage_training set running_since = null, running_on = null where id = 1 and running_on = :node")
                .param("node", node).update();
    }
}
