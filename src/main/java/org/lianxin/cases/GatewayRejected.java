package org.lianxin.cases;

/**
 * A request from a gateway (an SMS gateway's delivery report or forwarded message) the hub does not take, with the
 * HTTP status the gateway is answered with and the field at fault, if any.
 */
public class GatewayRejected extends RequestRefused {

    protected GatewayRejected(int status, String field, String message) {
        super(status, field, message);
    }
}
