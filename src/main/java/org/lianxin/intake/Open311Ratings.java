package org.lianxin.intake;

import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * The Open311 side of the hub's rating extension, POST /open311/v2/requests/{id}/rating.json (GeoReport v2 has no
 * rating): the form, read like every Open311 call, and the answer in the client's format. What a rating means is
 * decided elsewhere (org.lianxin.satisfaction).
 */
@Component("open311Ratings")
public class Open311Ratings {

    private static final String[] FORM = {Open311Requests.API_KEY, "rating", "comment", "external_id"};

    private final Open311Format format;

    public Open311Ratings(Open311Format format) {
        this.format = format;
    }

    public Map<String, String> form(Exchange exchange) {
        return Open311Parameters.read(exchange, FORM);
    }

    /** The body (one answer document) as a one-item list: [{...}] or &lt;service_requests>&lt;request>.... */
    public void answer(Exchange exchange) {
        format.list(exchange, "service_requests", "request", List.of(exchange.getMessage().getBody()));
    }
}
