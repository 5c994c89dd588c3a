package org.lianxin.intake;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.PhoneNumbers;
import org.lianxin.cases.PublicAnswers;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * GET servicerequestupdates (mySociety's Open311 extension, read by FixMyStreet and its open311-adapter): each public
 * answer published on a web case is one update — its id is the answer's own reference, its status what the answer
 * means (progress in_progress, a final answer closed, an explanation of 不予受理 / 情况不实 no_further_action), its
 * description the answer's text with long numbers masked, its time when it was published. external_status_code is
 * the answer's kind (progress, final, explanation).
 */
@Component("open311Updates")
public class Open311Updates {

    private final Open311Format format;
    private final Clock clock;

    public Open311Updates(Open311Format format, Clock clock) {
        this.format = format;
        this.clock = clock;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Update(String updateId, String serviceRequestId, String status, String updatedDatetime,
            String description, String externalStatusCode, String mediaUrl) {
    }

    /** start_date and end_date as for GET requests (the last 90 days by default, at most 90 days). */
    public Map<String, Object> criteria(Exchange exchange) {
        Map<String, String> q = Open311Parameters.read(exchange, "start_date", "end_date");
        OffsetDateTime[] window = Open311Search.window(q, clock);
        Map<String, Object> p = Open311Search.base();
        p.put("startDate", window[0]);
        p.put("endDate", window[1]);
        p.put("limit", Open311Search.MAX_RESULTS);
        return p;
    }

    public void render(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        format.list(exchange, "service_request_updates", "request_update", rows.stream().map(Open311Updates::update)
                .toList());
    }

    static Update update(Map<String, Object> row) {
        String kind = (String) row.get("kind");
        return new Update((String) row.get("ref"), (String) row.get("case_no"), status(kind),
                CountyTime.iso(row.get("published_at")), PhoneNumbers.maskNumbersIn((String) row.get("body")),
                PublicAnswers.code(kind), null);
    }

    static String status(String kind) {
        return switch (kind) {
            case PublicAnswers.FINAL -> "closed";
            case PublicAnswers.EXPLANATION -> "no_further_action";
            default -> "in_progress";
        };
    }
}
