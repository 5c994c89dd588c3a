package org.lianxin.intake;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.lianxin.cases.IntakeResult;
import org.lianxin.cases.IntakeSubmission;
import org.lianxin.cases.InvalidIntakeException;
import org.lianxin.cases.JsonErrors;
import org.lianxin.cases.JsonRecords;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Walk-in petitions sent as JSON by desk staff; the staff login is recorded as the operator. */
@Component("petitions")
public class Petitions {

    private final ObjectMapper json;
    private final JsonErrors errors;

    public Petitions(ObjectMapper json, JsonErrors errors) {
        this.json = json;
        this.errors = errors;
    }

    @SuppressWarnings("unchecked")
    public IntakeSubmission parse(String body, @Header("staffUser") String staffUser) {
        JsonNode root = JsonRecords.tree(json, body);
        if (!root.isObject()) {
            throw new InvalidIntakeException("body", "expected a petition object");
        }
        Map<String, Object> fields = json.convertValue(root, LinkedHashMap.class);
        return IntakeSubmission.atDesk(fields, staffUser);
    }

    /** 201 for a new case; 200 with the same number when the submission id was seen before. */
    public void answer(Exchange exchange) {
        IntakeResult result = exchange.getMessage().getBody(IntakeResult.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNo", result.caseNo());
        body.put("queryCode", result.queryCode());
        body.put("status", result.status().name());
        errors.write(exchange, result.status() == IntakeResult.Status.created ? 201 : 200, body);
    }
}
