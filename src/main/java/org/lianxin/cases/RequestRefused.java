package org.lianxin.cases;

/** A request the hub does not take, with the HTTP status it is answered with and the field at fault, if any. */
public class RequestRefused extends RuntimeException {

    private final int status;
    private final String field;

    protected RequestRefused(int status, String field, String message) {
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
