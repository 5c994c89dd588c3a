package org.lianxin.reply;

/** A gateway's request the hub does not take (wrong secret, bad signature, no sender), with its HTTP status. */
public class SmsInboundRejected extends RuntimeException {

    private final int status;
    private final String field;

    SmsInboundRejected(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static SmsInboundRejected forbidden(String why) {
        return new SmsInboundRejected(403, null, why);
    }

    static SmsInboundRejected missing(String field) {
        return new SmsInboundRejected(400, field, field + ": missing");
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
