package org.lianxin.cases;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Answers of the JSON APIs, errors included: {"error": "...", "field": "..."} with the matching HTTP status. */
@Component("jsonErrors")
public class JsonErrors {

    /** What a client is told when its body is not UTF-8 text: the one encoding every channel's API speaks. */
    public static final String UNREADABLE_BODY = "body: not valid UTF-8 text (wrong encoding?)";

    private final ObjectMapper json;

    public JsonErrors(ObjectMapper json) {
        this.json = json;
    }

    public void badRequest(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        String field = e instanceof InvalidIntakeException invalid ? invalid.field() : null;
        answer(exchange, 400, e.getMessage(), field);
    }

    public void unreadableBody(Exchange exchange) {
        answer(exchange, 400, UNREADABLE_BODY, "body");
    }

    public void unauthorized(Exchange exchange) {
        answer(exchange, 401, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage(), null);
    }

    public void notFound(Exchange exchange) {
        answer(exchange, 404, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class).getMessage(), null);
    }

    /** A gateway's request refused ({@link GatewayRejected}), with the status and field the refusal names. */
    public void gatewayRejected(Exchange exchange) {
        refused(exchange);
    }

    /** A request refused ({@link RequestRefused}: a gateway's, a staff change to a case): its status and field. */
    public void refused(Exchange exchange) {
        RequestRefused e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, RequestRefused.class);
        answer(exchange, e.status(), e.getMessage(), e.field());
    }

    /** Writes a JSON body with the given status; also used by channels that answer per record. */
    public void answer(Exchange exchange, int status, String error, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        if (field != null) {
            body.put("field", field);
        }
        write(exchange, status, body);
    }

    public void write(Exchange exchange, int status, Object body) {
        try {
            exchange.getMessage().setBody(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // Nothing of the request or the route's working headers goes back to the caller: platform-http would
        // otherwise echo every exchange header (X-Api-Key included) as a response header.
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
    }
}
