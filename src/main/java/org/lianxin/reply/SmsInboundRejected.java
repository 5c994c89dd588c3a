package org.lianxin.reply;

import org.lianxin.cases.GatewayRejected;

/** A gateway's forwarded SMS the hub does not take (wrong secret, bad signature, no sender). */
public class SmsInboundRejected extends GatewayRejected {

    SmsInboundRejected(int status, String field, String message) {
        super(status, field, message);
    }

    static SmsInboundRejected forbidden(String why) {
        return new SmsInboundRejected(403, null, why);
    }

    static SmsInboundRejected missing(String field) {
        return new SmsInboundRejected(400, field, field + ": missing");
    }
}
