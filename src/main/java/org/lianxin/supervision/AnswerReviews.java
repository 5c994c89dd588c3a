package org.lianxin.supervision;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Header;
import org.lianxin.cases.CaseStatus;
import org.springframework.stereotype.Component;

/**
 * The decisions of routes/supervision/answer-reviews.yaml (审核, with lianxin.review.enabled): a lead department's final answer
 * or explanation, kept unpublished while its case is IN_REVIEW, is approved — published, and the case REPLIED or
 * EXPLAINED — or sent back with a reason: not published, the slip SIGNED again so the department answers anew, the
 * case back to IN_PROGRESS when progress was published and SIGNED otherwise, the department told why.
 */
@Component("answerReviews")
public class AnswerReviews {

    static final String APPROVED = "answer-approved";
    static final String SENT_BACK = "answer-sent-back";
    /** A case in one of these moves when its answer is decided; a case moved on meanwhile is left alone. */
    private static final Set<String> WAITING = Set.of(CaseStatus.DISPATCHED.name(), CaseStatus.SIGNED.name(),
            CaseStatus.IN_PROGRESS.name(), CaseStatus.IN_REVIEW.name());

    private final Clock clock;

    public AnswerReviews(Clock clock) {
        this.clock = clock;
    }

    public List<PendingAnswer> pending(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> new PendingAnswer((String) r.get("ref"), (String) r.get("case_no"),
                (String) r.get("slip_no"), (String) r.get("kind"), (String) r.get("department_name"),
                (String) r.get("title"), (String) r.get("content"), (String) r.get("body"),
                Decisions.county(r.get("created_at")))).toList();
    }

    /** Parameters of an approval, from the answer's row (case_no, slip_no, kind, case_status). */
    public Map<String, Object> approval(Map<String, Object> row, @Header("answerRef") String answerRef,
            @Header("actor") String actor) {
        String caseStatus = (String) row.get("case_status");
        String answered = "EXPLANATION".equals(row.get("kind")) ? CaseStatus.EXPLAINED.name()
                : CaseStatus.REPLIED.name();
        return Decisions.of(row, answerRef, actor, clock, APPROVED,
                WAITING.contains(caseStatus) ? answered : caseStatus, (String) row.get("slip_no"));
    }

    /** Parameters of sending an answer back, from its row (case_no, slip_no, kind, case_status, progress). */
    public Map<String, Object> sendingBack(Map<String, Object> row, @Header("answerRef") String answerRef,
            @Header("reason") String reason, @Header("actor") String actor) {
        String caseStatus = (String) row.get("case_status");
        boolean progressPublished = ((Number) row.get("progress")).longValue() > 0;
        String back = progressPublished ? CaseStatus.IN_PROGRESS.name() : CaseStatus.SIGNED.name();
        Map<String, Object> p = Decisions.of(row, answerRef, actor, clock, SENT_BACK,
                CaseStatus.IN_REVIEW.name().equals(caseStatus) ? back : caseStatus, reason);
        String what = "EXPLANATION".equals(row.get("kind")) ? "情况说明" : "办结答复";
        return Decisions.notify(p, SENT_BACK, what + "经审核退回，请修改后重新答复。理由：" + reason);
    }

    /** The reason of sending back, checked before anything is decided. */
    public String requireReason(@Header("reason") String reason) {
        return Decisions.reason(reason);
    }
}
