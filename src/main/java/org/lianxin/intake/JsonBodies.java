package org.lianxin.intake;

import org.lianxin.cases.InvalidIntakeException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a JSON request body; a body that is not JSON is bad input naming the body, never a server error. */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonNode read(ObjectMapper json, String body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidIntakeException("body", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidIntakeException("body", "empty");
        }
        return root;
    }
}
