package org.lianxin.cases;

/** A staff request to change a case (merge, split) that cannot be done, with its HTTP status and field at fault. */
public class CaseChangeRefused extends RuntimeException {

    private final int status;
    private final String field;

    public CaseChangeRefused(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
