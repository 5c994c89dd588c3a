package org.lianxin.dispatch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.lianxin.gateways.GatewayForms;
import org.lianxin.cases.JsonErrors;
import org.lianxin.gateways.TwilioSignatures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Delivery reports of the SMS gateways (routes/dispatch/sms-reports.yaml): who may report (the secret of the delivery's own
 * reference, or Twilio's request signature), which delivery a report is about, and what it means. Only final
 * reports change anything: delivered becomes DELIVERED, a failure FAILED; "buffered" or "sent to the SMSC" leave the
 * delivery as it is. Parameters are read from the request itself, never from exchange headers, where an HTTP header
 * of the same name would mix in.
 */
@Component("smsReports")
public class SmsReports {

    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    /** Twilio's final message statuses; the others (queued, sending, sent, accepted...) are on the way. */
    private static final Set<String> TWILIO_FAILED = Set.of("failed", "undelivered", "canceled");

    private final SmsRefs refs;
    private final JsonErrors json;
    private final String callbackUrl;
    private final String twilioAuthToken;
    private final Set<String> httpDelivered;
    private final Set<String> httpFailed;

    public SmsReports(SmsRefs refs, JsonErrors json, @Value("${lianxin.sms.callback-url}") String callbackUrl,
            @Value("${lianxin.sms.twilio.auth-token}") String twilioAuthToken,
            @Value("${lianxin.sms.http.delivered-statuses}") List<String> httpDelivered,
            @Value("${lianxin.sms.http.failed-statuses}") List<String> httpFailed) {
        this.refs = refs;
        this.json = json;
        this.callbackUrl = callbackUrl;
        this.twilioAuthToken = twilioAuthToken;
        this.httpDelivered = lowerCase(httpDelivered);
        this.httpFailed = lowerCase(httpFailed);
    }

    /** What a report says: the delivery's new status (null: no change) and the report in words. */
    record Outcome(String status, String report) {
    }

    /** Kannel's dlr-url: ref, secret and status (Kannel's %d: 1 delivered, 2 failed, 4 buffered, 8 SMSC, 16 rejected). */
    public void kannel(Exchange exchange) {
        HttpServletRequest request = GatewayForms.request(exchange);
        String ref = authenticated(request);
        found(exchange, ref, kannelOutcome(request.getParameter("status")), null);
    }

    static Outcome kannelOutcome(String status) {
        if (status == null || status.isBlank()) {
            throw SmsReportRejected.bad("status", "missing");
        }
        return switch (status.strip()) {
            case "1" -> new Outcome(DELIVERED, "Kannel 1: delivered to the phone");
            case "2" -> new Outcome(FAILED, "Kannel 2: not delivered to the phone");
            case "4" -> new Outcome(null, "Kannel 4: buffered by the SMSC");
            case "8" -> new Outcome(null, "Kannel 8: submitted to the SMSC");
            case "16" -> new Outcome(FAILED, "Kannel 16: rejected by the SMSC");
            default -> throw SmsReportRejected.bad("status", "not a Kannel delivery report type: " + status);
        };
    }

    /**
     * Twilio's StatusCallback: signed with X-Twilio-Signature; ref in the query, the report in the form (as sent,
     * kept by {@link GatewayForms}).
     */
    public void twilio(Exchange exchange) {
        HttpServletRequest request = GatewayForms.request(exchange);
        Map<String, String> form = GatewayForms.form(request);
        if (!TwilioSignatures.signed(twilioAuthToken, callbackUrl + "/twilio", request, form)) {
            throw SmsReportRejected.forbidden("not signed by Twilio");
        }
        String ref = request.getParameter("ref");
        if (ref == null) {
            throw SmsReportRejected.bad("ref", "missing");
        }
        found(exchange, ref, twilioOutcome(form.get("MessageStatus"), form.get("ErrorCode")), form.get("MessageSid"));
    }

    static Outcome twilioOutcome(String status, String errorCode) {
        if (status == null || status.isBlank()) {
            throw SmsReportRejected.bad("MessageStatus", "missing");
        }
        String report = "Twilio " + status + (errorCode == null || errorCode.isBlank() ? "" : " (error " + errorCode + ")");
        if ("delivered".equals(status)) {
            return new Outcome(DELIVERED, report);
        }
        return new Outcome(TWILIO_FAILED.contains(status) ? FAILED : null, report);
    }

    /** Any other gateway: ref, secret, status and optionally messageId in the query; statuses as configured. */
    public void generic(Exchange exchange) {
        HttpServletRequest request = GatewayForms.request(exchange);
        String ref = authenticated(request);
        String status = request.getParameter("status");
        if (status == null || status.isBlank()) {
            throw SmsReportRejected.bad("status", "missing");
        }
        String key = status.strip().toLowerCase();
        String report = "gateway " + status.strip();
        found(exchange, ref, new Outcome(httpDelivered.contains(key) ? DELIVERED
                : httpFailed.contains(key) ? FAILED : null, report), request.getParameter("messageId"));
    }

    /** After the lookup (header deliveryStatus): a report about no delivery of ours is a 404. */
    public void requireKnown(@Header("deliveryStatus") String deliveryStatus, @Header("smsRef") String ref) {
        if (deliveryStatus == null) {
            throw SmsReportRejected.unknown(ref);
        }
    }

    /** The answer: the delivery's status after the report, and whether this report changed it. */
    public void answer(Exchange exchange) {
        var in = exchange.getMessage();
        boolean changed = Boolean.TRUE.equals(in.getHeader("reportChanged", Boolean.class));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ref", in.getHeader("smsRef"));
        body.put("status", changed ? in.getHeader("reportStatus") : in.getHeader("deliveryStatus"));
        body.put("changed", changed);
        json.write(exchange, 200, body);
    }

    private String authenticated(HttpServletRequest request) {
        String ref = request.getParameter("ref");
        if (!refs.genuine(ref, request.getParameter("secret"))) {
            throw SmsReportRejected.forbidden("wrong or missing secret for this ref");
        }
        return ref;
    }

    /** Headers for the update: the delivery's key, the new status (or null), the report and the gateway's id. */
    private void found(Exchange exchange, String ref, Outcome outcome, String providerRef) {
        var in = exchange.getMessage();
        in.setHeaders(new LinkedHashMap<>(refs.delivery(ref)));
        in.setHeader("smsRef", ref);
        in.setHeader("reportStatus", outcome.status());
        in.setHeader("reportError", FAILED.equals(outcome.status()) ? outcome.report() : null);
        in.setHeader("report", outcome.report());
        in.setHeader("providerRef", providerRef == null || providerRef.isBlank() ? null : providerRef);
        in.setBody(null);
    }


    private static Set<String> lowerCase(List<String> values) {
        return values.stream().map(v -> v.strip().toLowerCase()).filter(v -> !v.isEmpty()).collect(Collectors.toSet());
    }
}
