package org.lianxin.satisfaction;

/**
 * What a channel tells its sender about one rating: rated (kept; caseStatus says what it did to the case),
 * duplicate (this intake had already rated this answer: the rating kept is given, nothing changed), unreached (a
 * callback that did not reach the citizen, recorded on the case) or rejected (field and error say why).
 */
public record RatingResult(String caseNo, String intakeRef, Status status, Rating rating, String caseStatus,
        String field, String error) {

    public enum Status {
        rated, duplicate, unreached, rejected
    }

    public boolean isRejected() {
        return status == Status.rejected;
    }
}
