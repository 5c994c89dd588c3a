package org.lianxin.sync;

/** One record of an answer going back to a citizen's channel (a case_sync row), as the delivery route reads it. */
public record SyncRecord(long id, String ref, String caseNo, String target, String address, String body,
        String status, int round) {

    public static final String PENDING = "PENDING";
    public static final String FAILED = "FAILED";

    /** Still to be sent: neither sent nor parked. */
    public boolean open() {
        return PENDING.equals(status) || FAILED.equals(status);
    }
}
