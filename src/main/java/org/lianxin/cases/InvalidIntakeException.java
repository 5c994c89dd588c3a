package org.lianxin.cases;

/** Bad input from a channel. The message names the offending field, in the sender's own field name. */
public class InvalidIntakeException extends RuntimeException {

    private final String field;

    public InvalidIntakeException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
