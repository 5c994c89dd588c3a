package org.lianxin.cases;

/**
 * A request from a gateway (an SMS gateway's delivery report or forwarded message) the hub does not take, with the
 * HTTP status the gateway is answered with and the field at fault, if any.
 */
public class GatewayRejected extends RuntimeException {

    private final int status;
    private final String field;

    protected GatewayRejected(int status, String field, String message) {
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
