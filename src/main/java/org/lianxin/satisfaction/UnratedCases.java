package org.lianxin.satisfaction;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.Header;
import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.RowTime;
import org.lianxin.cases.StatusMove;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The decisions of routes/satisfaction/close-unrated.yaml: which answered cases waited long enough for ratings, and how each
 * closes. Without any rating of its answer it closes as not rated (未评价, event closed-unrated), counted apart from
 * the rated; a case some of whose intakes rated it (satisfied, or it would have reopened) closes as rated.
 */
@Component("unratedCases")
public class UnratedCases {

    private final Clock clock;
    private final Duration after;

    public UnratedCases(Clock clock, @Value("${lianxin.satisfaction.close-unrated-after}") Duration after) {
        this.clock = clock;
        this.after = after;
    }

    public OffsetDateTime cutoff() {
        return RowTime.of(clock).minus(after);
    }

    public List<Object> caseNumbers(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> r.get("case_no")).toList();
    }

    /** One move to CLOSED per case (rows: case_no, status, reopen_count; ratings of this round). */
    public Map<String, Object> plan(List<Map<String, Object>> rows,
            @Header("ratingRows") List<Map<String, Object>> ratings) {
        OffsetDateTime now = RowTime.of(clock);
        List<StatusMove> closings = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String caseNo = (String) row.get("case_no");
            int round = ((Number) row.get("reopen_count")).intValue();
            List<Map<String, Object>> own = ratings.stream().filter(r -> caseNo.equals(r.get("case_no"))).toList();
            closings.add(new StatusMove(caseNo, CaseStatus.valueOf((String) row.get("status")), CaseStatus.CLOSED, now,
                    "system", null, own.isEmpty() ? "closed-unrated" : "closed",
                    own.isEmpty() ? "未评价：答复后 " + after.toDays() + " 天内无评价"
                            : "回访：" + Ratings.summary(own, round, null) + "；其余来源未评价"));
        }
        return Map.of("now", now, "closings", closings);
    }
}
