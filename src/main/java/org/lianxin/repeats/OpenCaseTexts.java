package org.lianxin.repeats;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Body;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * This node's {@link OpenCaseIndex}, kept up with the database: built on first use from the intakes of every case
 * that is not closed or merged, then before each lookup it reads the intakes registered since (by any node). An id
 * below the highest seen that is not there yet (a transaction still open on another node) is looked for again
 * for {@link #LATE_WINDOW}. Closed cases stay in the index until the node restarts: a lookup's candidates are
 * checked against the case's status in the database anyway.
 */
@Component("openCaseTexts")
public class OpenCaseTexts {

    static final Duration LATE_WINDOW = Duration.ofMinutes(2);
    /** A jump in ids larger than this is a sequence's cache, not transactions still open. */
    private static final int MAX_LATE = 100;
    private static final String INTAKES = "select i.id, i.case_no, coalesce(i.content, c.content) as content"
            + " from case_intake i join citizen_case c on c.case_no = i.case_no ";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int candidates;
    private final OpenCaseIndex index = new OpenCaseIndex();
    private final Map<Long, Instant> late = new HashMap<>();
    private long highest = -1;

    public OpenCaseTexts(JdbcClient jdbc, Clock clock,
            @Value("${lianxin.repeats.text-candidates}") int candidates) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.candidates = candidates;
    }

    /** The ids of the intakes whose text is most like this intake's content (at most text-candidates). */
    public List<Long> lookUp(@Body Map<String, Object> intake) {
        String content = (String) intake.get("content");
        if (RepostRule.letters(content).length() < RepostRule.MIN_EXACT) {
            return List.of();
        }
        catchUp();
        return index.lookUp(content, candidates).stream().map(OpenCaseIndex.Hit::intakeId).toList();
    }

    /** Reads what was registered since the last look. */
    synchronized void catchUp() {
        if (highest < 0) {
            long upTo = jdbc.sql("select coalesce(max(id), 0) from case_intake").query(Long.class).single();
            jdbc.sql(INTAKES + "where i.id <= :upTo and c.status not in ('CLOSED', 'MERGED') order by i.id")
                    .param("upTo", upTo).query((rs, n) -> {
                        add(rs.getLong("id"), rs.getString("case_no"), rs.getString("content"));
                        return null;
                    }).list();
            highest = upTo;
            return;
        }
        Instant now = clock.instant();
        late.values().removeIf(since -> since.plus(LATE_WINDOW).isBefore(now));
        if (!late.isEmpty()) {
            jdbc.sql(INTAKES + "where i.id in (:ids)").param("ids", List.copyOf(late.keySet())).query((rs, n) -> {
                late.remove(rs.getLong("id"));
                index.add(rs.getLong("id"), rs.getString("case_no"), rs.getString("content"));
                return null;
            }).list();
        }
        jdbc.sql(INTAKES + "where i.id > :after order by i.id").param("after", highest).query((rs, n) -> {
            long id = rs.getLong("id");
            if (id - highest < MAX_LATE) {
                for (long missing = highest + 1; missing < id; missing++) {
                    late.put(missing, now);
                }
            }
            add(id, rs.getString("case_no"), rs.getString("content"));
            return null;
        }).list();
    }

    private void add(long id, String caseNo, String content) {
        if (content != null) {
            index.add(id, caseNo, content);
        }
        highest = Math.max(highest, id);
    }

    /** How many intakes this node has indexed. */
    public int size() {
        return index.size();
    }

    @PreDestroy
    void close() throws Exception {
        index.close();
    }
}
