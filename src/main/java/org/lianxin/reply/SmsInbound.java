package org.lianxin.reply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.lianxin.gateways.GatewayForms;
import org.lianxin.cases.HubSecrets;
import org.lianxin.cases.JsonErrors;
import org.lianxin.cases.Sha256;
import org.lianxin.gateways.TwilioSignatures;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The decisions of routes/reply/sms-inbound.yaml: whether a gateway's request about a department's SMS is genuine (Kannel
 * and the generic gateway carry the hub's inbound secret, Twilio signs its requests), what it says (sender, text and
 * the key that makes a retried request count once), what is kept of an SMS that is quarantined, and the answer each
 * gateway expects. Parameters are read from the request itself, never from exchange headers, where an HTTP header of
 * the same name would mix in.
 */
@Component("smsInbound")
public class SmsInbound {

    static final String SECRET_NAME = "sms-inbound";
    static final String DUPLICATE = "duplicate";
    /** Exchange property: what became of the message (applied, quarantined; unset: a gateway's retry). */
    static final String OUTCOME = "smsOutcome";
    static final String GATEWAY = "smsGateway";

    private final HubSecrets secrets;
    private final JsonErrors json;
    private final Clock clock;
    private final String configuredSecret;
    private final String twilioAuthToken;
    private final String inboundUrl;

    public SmsInbound(HubSecrets secrets, JsonErrors json, Clock clock,
            @Value("${lianxin.sms.inbound-secret}") String configuredSecret,
            @Value("${lianxin.sms.twilio.auth-token}") String twilioAuthToken,
            @Value("${lianxin.sms.inbound-url}") String inboundUrl) {
        this.secrets = secrets;
        this.json = json;
        this.clock = clock;
        this.configuredSecret = configuredSecret;
        this.twilioAuthToken = twilioAuthToken;
        this.inboundUrl = inboundUrl;
    }

    /** The secret the Kannel and generic webhooks carry: configured, or one the hub makes and shares. */
    public String secret() {
        return configuredSecret == null || configuredSecret.isEmpty()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(secrets.secret(SECRET_NAME))
                : configuredSecret;
    }

    /** Kannel's sms-service get-url: secret, from (%p), text (%a) and id (%I, Kannel's own id of the message). */
    public IncomingSms kannel(Exchange exchange) {
        return withSecret(exchange, "kannel");
    }

    /** Any other gateway: secret, from, text and optionally id, in the query or (POST) a form. */
    public IncomingSms generic(Exchange exchange) {
        return withSecret(exchange, "http");
    }

    /** Twilio's incoming-message webhook: signed with X-Twilio-Signature; From, Body and MessageSid in the form. */
    public IncomingSms twilio(Exchange exchange) {
        HttpServletRequest request = GatewayForms.request(exchange);
        Map<String, String> form = GatewayForms.form(request);
        if (!TwilioSignatures.signed(twilioAuthToken, inboundUrl + "/twilio", request, form)) {
            throw SmsInboundRejected.forbidden("not signed by Twilio");
        }
        return incoming(exchange, "twilio", form.get("MessageSid"), form.get("From"), form.get("Body"), null);
    }

    private IncomingSms withSecret(Exchange exchange, String gateway) {
        HttpServletRequest request = GatewayForms.request(exchange);
        Map<String, String> params = new LinkedHashMap<>(GatewayForms.form(request));
        request.getParameterMap().forEach((name, values) -> params.putIfAbsent(name, values[0]));
        String given = params.get("secret");
        if (given == null || !MessageDigest.isEqual(secret().getBytes(StandardCharsets.UTF_8),
                given.getBytes(StandardCharsets.UTF_8))) {
            throw SmsInboundRejected.forbidden("wrong or missing secret");
        }
        return incoming(exchange, gateway, params.get("id"), params.get("from"), params.get("text"),
                params.get("time"));
    }

    /**
     * The message, with nothing of the request left in the headers. Without the gateway's id, the sender, text and
     * the gateway's time of the message name it: a retry carries the same three.
     */
    private static IncomingSms incoming(Exchange exchange, String gateway, String id, String from, String text,
            String time) {
        if (from == null || from.isBlank()) {
            throw SmsInboundRejected.missing(gateway.equals("twilio") ? "From" : "from");
        }
        String body = text == null ? "" : text;
        String key = id != null && !id.isBlank() ? id.strip()
                : "sha256:" + Sha256.hex((from.strip() + "\n" + body + "\n" + (time == null ? "" : time))
                        .getBytes(StandardCharsets.UTF_8));
        exchange.getMessage().removeHeaders("*");
        exchange.setProperty(GATEWAY, gateway);
        return new IncomingSms(gateway, gateway + ":" + key, from.strip(), body);
    }

    /** The SQL parameters of a quarantined SMS, with the reason it was not applied. */
    public Map<String, Object> quarantine(IncomingSms sms, @Header("quarantineReason") String reason,
            Exchange exchange) {
        return DepartmentMail.quarantined("sms", sms.from(), null, sms.text(), sms.messageKey(), reason, exchange,
                clock);
    }

    /** Twilio expects TwiML (an empty Response: no reply SMS); the others a JSON status. */
    public void answer(Exchange exchange) {
        String outcome = exchange.getProperty(OUTCOME, DUPLICATE, String.class);
        if ("twilio".equals(exchange.getProperty(GATEWAY))) {
            exchange.getMessage().setBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
            exchange.getMessage().removeHeaders("*");
            exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
            exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/xml; charset=UTF-8");
        } else {
            json.write(exchange, 200, Map.of("status", outcome));
        }
    }
}
