package org.lianxin.cases;

/**
 * What a channel tells its sender about one record: created (a new case), repeat (it joined an open case about the
 * same matter: that case's number), duplicate (this record was taken before: the same case number again) or
 * rejected.
 */
public record IntakeResult(String externalId, String caseNo, String queryCode, Status status, String field, String error) {

    public enum Status {
        created, repeat, duplicate, rejected
    }

    public static IntakeResult created(String externalId, String caseNo, String queryCode) {
        return new IntakeResult(externalId, caseNo, queryCode, Status.created, null, null);
    }

    public static IntakeResult repeat(String externalId, String caseNo, String queryCode) {
        return new IntakeResult(externalId, caseNo, queryCode, Status.repeat, null, null);
    }

    public static IntakeResult duplicate(String externalId, String caseNo, String queryCode) {
        return new IntakeResult(externalId, caseNo, queryCode, Status.duplicate, null, null);
    }

    public static IntakeResult rejected(String externalId, InvalidIntakeException problem) {
        return new IntakeResult(externalId, null, null, Status.rejected, problem.field(), problem.getMessage());
    }

    public boolean isRejected() {
        return status == Status.rejected;
    }
}
