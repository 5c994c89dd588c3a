package org.lianxin.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.lianxin.cases.Channel;
import org.lianxin.cases.IntakeResult;
import org.lianxin.cases.IntakeSubmission;
import org.lianxin.cases.JsonErrors;
import org.lianxin.cases.JsonRecords;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the call center's JSON push and writes its answer: one result per record, in the order sent. */
@Component("hotlineCalls")
public class HotlineCalls {

    private final ObjectMapper json;
    private final JsonErrors errors;
    private final int maxBatchSize;

    public HotlineCalls(ObjectMapper json, JsonErrors errors,
            @Value("${lianxin.intake.max-batch-size}") int maxBatchSize) {
        this.json = json;
        this.errors = errors;
        this.maxBatchSize = maxBatchSize;
    }

    /** The records of a push: one object or an array of objects; anything else is a 400 naming the body. */
    public List<IntakeSubmission> parse(String body) {
        List<JsonNode> records = JsonRecords.read(json, body, maxBatchSize, "call record");
        List<IntakeSubmission> submissions = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            submissions.add(new IntakeSubmission(Channel.HOTLINE, fields(record)));
        }
        return submissions;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fields(JsonNode record) {
        if (!record.isObject()) {
            // Kept as a record without fields: it is rejected on its own, naming recordId.
            return new LinkedHashMap<>();
        }
        return json.convertValue(record, LinkedHashMap.class);
    }

    /** {"results":[...]}: 200 when at least one record was taken, 400 when every record was rejected. */
    public void answer(Exchange exchange) {
        List<IntakeResult> results = exchange.getMessage().getBody(List.class);
        List<Map<String, Object>> out = new ArrayList<>(results.size());
        boolean anyTaken = false;
        for (IntakeResult r : results) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("recordId", r.externalId());
            line.put("caseNo", r.caseNo());
            line.put("status", r.status().name());
            line.put("error", r.error());
            out.add(line);
            anyTaken |= !r.isRejected();
        }
        errors.write(exchange, anyTaken ? 200 : 400, Map.of("results", out));
    }
}
