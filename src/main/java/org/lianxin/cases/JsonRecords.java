package org.lianxin.cases;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The records of a JSON push that takes one record or an array of them (the hotline's call records and callback
 * results): each element as it came, so that one bad record is answered on its own. A body that is not JSON, an
 * empty array, too many records or anything but an object or array is bad input naming the body.
 */
public final class JsonRecords {

    private JsonRecords() {
    }

    /** @param what what one record is, for the error ("call record") */
    public static List<JsonNode> read(ObjectMapper json, String body, int maxRecords, String what) {
        JsonNode root = tree(json, body);
        if (root.isObject()) {
            return List.of(root);
        }
        if (!root.isArray()) {
            throw new InvalidIntakeException("body", "expected a " + what + " object or an array of them");
        }
        if (root.isEmpty()) {
            throw new InvalidIntakeException("body", "an empty array holds no " + what + "s");
        }
        if (root.size() > maxRecords) {
            throw new InvalidIntakeException("body", root.size() + " records in one request, at most " + maxRecords);
        }
        List<JsonNode> records = new ArrayList<>(root.size());
        root.forEach(records::add);
        return records;
    }

    /** A JSON request body; a body that is not JSON is bad input naming the body, never a server error. */
    public static JsonNode tree(ObjectMapper json, String body) {
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
