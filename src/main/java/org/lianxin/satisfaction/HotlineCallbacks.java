package org.lianxin.satisfaction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.lianxin.cases.InvalidIntakeException;
import org.lianxin.cases.JsonErrors;
import org.lianxin.cases.JsonRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The call center's callback results (回访) pushed to POST /api/hotline/callbacks: one JSON record or an array, each
 * rated on its own (one bad record never rejects the others), answered with one result per record in the order
 * sent, like the hotline's call records.
 */
@Component("hotlineCallbacks")
public class HotlineCallbacks {

    private static final RatingFields F = RatingFields.HOTLINE;

    private final ObjectMapper json;
    private final JsonErrors errors;
    private final int maxBatchSize;

    public HotlineCallbacks(ObjectMapper json, JsonErrors errors,
            @Value("${lianxin.intake.max-batch-size}") int maxBatchSize) {
        this.json = json;
        this.errors = errors;
        this.maxBatchSize = maxBatchSize;
    }

    /** The records of a push: one object or an array of up to max-batch-size; anything else is a 400 naming body. */
    public List<JsonNode> parse(String body) {
        return JsonRecords.read(json, body, maxBatchSize, "callback record");
    }

    /** One record as a rating of the case's hotline intake; a bad field is refused naming it. */
    public RatingSubmission submission(JsonNode record) {
        if (!record.isObject()) {
            throw new InvalidIntakeException(F.caseNo(), "a callback record must be a JSON object");
        }
        String caseNo = text(record, F.caseNo());
        if (caseNo == null) {
            throw new InvalidIntakeException(F.caseNo(), "required");
        }
        JsonNode reachedNode = record.get("reached");
        boolean reached = true;
        if (reachedNode != null && !reachedNode.isNull()) {
            if (!reachedNode.isBoolean()) {
                throw new InvalidIntakeException("reached", "true or false");
            }
            reached = reachedNode.booleanValue();
        }
        Rating rating = null;
        String given = text(record, F.rating());
        if (reached || given != null) {
            rating = Rating.of(given).orElseThrow(() -> new InvalidIntakeException(F.rating(), given == null
                    ? "required when the citizen was reached"
                    : "1, 2 or 3 (SATISFIED, BASICALLY_SATISFIED, DISSATISFIED; 满意, 基本满意, 不满意)"));
        }
        String operator = text(record, "operatorId");
        return new RatingSubmission(caseNo, "hotline", null, text(record, F.intake()), "hotline", operator,
                rating, WebRatings.comment(text(record, F.comment()), F), reached, F);
    }

    /** The result of a record refused before it could be rated. */
    public RatingResult rejected(JsonNode record, RuntimeException problem) {
        return RatingResult.rejected(record.isObject() ? text(record, F.caseNo()) : null,
                record.isObject() ? text(record, F.intake()) : null, problem, F);
    }

    /** {"results":[...]}: 200 when at least one record was taken, 400 when every record was rejected. */
    public void answer(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<RatingResult> results = exchange.getMessage().getBody(List.class);
        List<Map<String, Object>> out = new ArrayList<>(results.size());
        boolean anyTaken = false;
        for (RatingResult r : results) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("caseNo", r.caseNo());
            line.put("recordId", r.intakeRef());
            line.put("status", r.status().name());
            line.put("rating", r.rating() == null ? null : r.rating().name());
            line.put("caseStatus", r.caseStatus());
            line.put("field", r.field());
            line.put("error", r.error());
            out.add(line);
            anyTaken |= !r.isRejected();
        }
        errors.write(exchange, anyTaken ? 200 : 400, Map.of("results", out));
    }

    /** A field's text (numbers as written), null when absent, null or blank. */
    private static String text(JsonNode record, String field) {
        JsonNode node = record.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
