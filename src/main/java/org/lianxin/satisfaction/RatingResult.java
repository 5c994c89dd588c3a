package org.lianxin.satisfaction;

import org.lianxin.cases.CaseNotFoundException;
import org.lianxin.cases.InvalidIntakeException;

/**
 * What a channel tells its sender about one rating: rated (kept; caseStatus says what it did to the case),
 * duplicate (this intake had already rated this answer: the rating kept is given, nothing changed), unreached (a
 * callback that did not reach the citizen, recorded on the case) or rejected (field and error say why; refusal is
 * the problem itself, for a channel that answers it as an error).
 */
public record RatingResult(String caseNo, String intakeRef, Status status, Rating rating, String caseStatus,
        String field, String error, RuntimeException refusal) {

    public enum Status {
        rated, duplicate, unreached, rejected
    }

    public static RatingResult of(String caseNo, String intakeRef, Status status, Rating rating, String caseStatus) {
        return new RatingResult(caseNo, intakeRef, status, rating, caseStatus, null, null, null);
    }

    /** Refused: an unknown case ({@link CaseNotFoundException}, field caseNo) or bad input naming its field. */
    public static RatingResult rejected(String caseNo, String intakeRef, RuntimeException problem,
            RatingFields fields) {
        String field = problem instanceof InvalidIntakeException invalid ? invalid.field()
                : problem instanceof CaseNotFoundException ? fields.caseNo() : null;
        return new RatingResult(caseNo, intakeRef, Status.rejected, null, null, field, problem.getMessage(), problem);
    }

    public boolean isRejected() {
        return status == Status.rejected;
    }
}
