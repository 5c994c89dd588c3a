package org.lianxin.supervision;

/** A supervisor's decision that cannot be taken as given; the message names the field and the problem. */
public class InvalidDecisionException extends RuntimeException {

    public InvalidDecisionException(String field, String problem) {
        super(field + ": " + problem);
    }
}
