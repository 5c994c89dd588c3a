package org.lianxin.cases;

/** A staff request to change a case (merge, split) that cannot be done, with its HTTP status and field at fault. */
public class CaseChangeRefused extends RequestRefused {

    public CaseChangeRefused(int status, String field, String message) {
        super(status, field, message);
    }
}
