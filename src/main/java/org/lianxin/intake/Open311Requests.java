package org.lianxin.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Exchange;
import org.lianxin.cases.Channel;
import org.lianxin.cases.IntakeFieldNames;
import org.lianxin.cases.IntakeResult;
import org.lianxin.cases.IntakeSubmission;
import org.lianxin.cases.InvalidIntakeException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * POST requests: a GeoReport v2 form becomes an intake under the Open311 channel's field names
 * ({@link IntakeFieldNames#OPEN311}). first_name/last_name become one name, lat/long join address_string (see
 * {@link Open311Location}); external_id (an extension: the portal's own id) makes a repeated post answer the same
 * case. GeoReport fields the hub has no place for (email, media_url, device_id, account_id, attributes) and
 * jurisdiction_id are accepted and ignored, so that existing clients work unchanged.
 */
@Component("open311Requests")
public class Open311Requests {

    static final String API_KEY = "api_key";
    private static final IntakeFieldNames N = IntakeFieldNames.OPEN311;
    private static final String[] FORM = {API_KEY, N.externalId(), N.category(), N.content(), N.title(), N.phone(),
            N.location(), "lat", "long", "first_name", "last_name"};

    private final Open311Format format;
    private final MessageSource messages;

    public Open311Requests(Open311Format format, MessageSource messages) {
        this.format = format;
        this.messages = messages;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Receipt(String serviceRequestId, String serviceNotice) {
    }

    /** The form fields the hub reads, api_key included. */
    public Map<String, String> form(Exchange exchange) {
        return Open311Parameters.read(exchange, FORM);
    }

    /** The intake to validate and register; service_code is required by Open311 (other channels may omit it). */
    public IntakeSubmission submission(Map<String, String> form) {
        String serviceCode = form.get(N.category());
        if (serviceCode == null || serviceCode.isBlank()) {
            throw new InvalidIntakeException(N.category(), "required");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String name : List.of(N.externalId(), N.category(), N.content(), N.title(), N.phone())) {
            fields.put(name, form.get(name));
        }
        fields.put(N.name(), fullName(form.get("first_name"), form.get("last_name")));
        fields.put(N.location(), Open311Location.compose(form.get(N.location()), form.get("lat"), form.get("long")));
        return new IntakeSubmission(Channel.OPEN311, fields);
    }

    /**
     * [{"service_request_id": the case number, "service_notice": how to follow it}]; for a repeat, the open case it
     * joined, and a notice saying so.
     */
    public void answer(Exchange exchange) {
        IntakeResult result = exchange.getMessage().getBody(IntakeResult.class);
        String notice = messages.getMessage(result.status() == IntakeResult.Status.repeat
                ? "open311.service-notice.repeat" : "open311.service-notice",
                new Object[] {result.caseNo(), result.queryCode()}, Locale.SIMPLIFIED_CHINESE);
        format.list(exchange, "service_requests", "request", List.of(new Receipt(result.caseNo(), notice)));
    }

    /** Chinese names are family name first with no space (王 + 小明 = 王小明); others "first last". */
    static String fullName(String first, String last) {
        boolean hasFirst = first != null && !first.isBlank();
        boolean hasLast = last != null && !last.isBlank();
        if (!hasFirst || !hasLast) {
            return hasFirst ? first : hasLast ? last : null;
        }
        return isHan(first) || isHan(last) ? last + first : first + " " + last;
    }

    private static boolean isHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }
}
