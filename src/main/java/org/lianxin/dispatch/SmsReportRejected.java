package org.lianxin.dispatch;

import org.lianxin.cases.GatewayRejected;

/** A delivery report the hub does not take, with the HTTP status the gateway is answered with. */
public class SmsReportRejected extends GatewayRejected {

    SmsReportRejected(int status, String field, String message) {
        super(status, field, message);
    }

    static SmsReportRejected unknown(String ref) {
        return new SmsReportRejected(404, "ref", "no SMS delivery " + ref);
    }

    static SmsReportRejected forbidden(String why) {
        return new SmsReportRejected(403, null, why);
    }

    static SmsReportRejected bad(String field, String why) {
        return new SmsReportRejected(400, field, field + ": " + why);
    }
}
