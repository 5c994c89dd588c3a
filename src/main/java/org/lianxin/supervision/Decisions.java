package org.lianxin.supervision;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.RowTime;
import org.lianxin.cases.StatusMove;

/**
 * What every supervisor's decision on an answer records: the answer, the slip and case, when, who, the case's status
 * before and after, the event, and the notice that tells the department (routes/dispatch/slip-notices.yaml).
 */
final class Decisions {

    static final int REASON_MAX = 1000;
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Decisions() {
    }

    /** A reason is required (a refusal, a sending back), and must fit the event and the answer's decision note. */
    static String reason(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new InvalidDecisionException("reason", "required");
        }
        if (r.length() > REASON_MAX) {
            throw new InvalidDecisionException("reason", "longer than " + REASON_MAX + " characters");
        }
        return r;
    }

    /** The parameters of a decision on the answer of that row (case_no, slip_no, case_status). */
    static Map<String, Object> of(Map<String, Object> row, String answerRef, String actor, Clock clock,
            String action, String toStatus, String note) {
        Map<String, Object> p = new HashMap<>();
        OffsetDateTime now = RowTime.of(clock);
        p.put("answerRef", answerRef);
        p.put("caseNo", row.get("case_no"));
        p.put("slipNo", row.get("slip_no"));
        p.put("now", now);
        p.put("actor", actor);
        p.put("note", note);
        // a decision that keeps the case's status (an extension) is an event on it all the same
        p.put("move", List.of(new StatusMove((String) row.get("case_no"),
                CaseStatus.valueOf((String) row.get("case_status")), CaseStatus.valueOf(toStatus), now, actor, null,
                action, note)));
        return p;
    }

    /** The notice the department gets about its slip: named by the decision, referenced by the answer. */
    static Map<String, Object> notify(Map<String, Object> p, String purpose, String text) {
        p.put("purpose", purpose);
        p.put("notice", text);
        p.put("noticeId", p.get("answerRef"));
        return p;
    }

    static String shown(Object time) {
        return SHOWN.format(county(time));
    }

    static OffsetDateTime county(Object time) {
        return CountyTime.of(time).toOffsetDateTime();
    }
}
