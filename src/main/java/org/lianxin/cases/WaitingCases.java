package org.lianxin.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Helpers of routes/triage/queue.yaml. */
@Component("waitingCases")
public class WaitingCases {

    private static final TypeReference<List<Map<String, Object>>> SUGGESTIONS = new TypeReference<>() {
    };

    private final CategoryCatalog catalog;
    private final ObjectMapper json;

    public WaitingCases(CategoryCatalog catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    public List<String> caseNumbers(@Header("waitingRows") List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (String) r.get("case_no")).toList();
    }

    /** The waiting cases, each with the latest reason it was put in the queue. */
    public List<WaitingCase> list(@Header("waitingRows") List<Map<String, Object>> rows,
            @Header("reasonRows") List<Map<String, Object>> reasonRows,
            @Header("suggestionRows") List<Map<String, Object>> suggestionRows) {
        Map<String, List<WaitingCase.Suggested>> suggested = new HashMap<>();
        if (suggestionRows != null) {
            for (Map<String, Object> r : suggestionRows) {
                suggested.put((String) r.get("case_no"), suggestions((String) r.get("suggestions")));
            }
        }
        Map<String, String> reasons = new HashMap<>();
        if (reasonRows != null) {
            for (Map<String, Object> r : reasonRows) {
                String note = (String) r.get("note");
                reasons.put((String) r.get("case_no"),
                        "returned".equals(r.get("action")) ? "退单：" + (note == null ? "" : note) : note);
            }
        }
        List<WaitingCase> cases = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            String caseNo = (String) r.get("case_no");
            cases.add(new WaitingCase(caseNo, (String) r.get("title"), (String) r.get("content"),
                    (String) r.get("category"), (String) r.get("request_type"), (String) r.get("location"),
                    CountyTime.of(r.get("received_at")).toOffsetDateTime(), Boolean.TRUE.equals(r.get("hot")),
                    (String) r.get("status"), reasons.get(caseNo), suggested.getOrDefault(caseNo, List.of())));
        }
        return cases;
    }

    /** The stored suggestions ([{category, confidence}], JSON), of this hub's categories only. */
    private List<WaitingCase.Suggested> suggestions(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, SUGGESTIONS).stream()
                    .filter(s -> catalog.contains((String) s.get("category")))
                    .map(s -> new WaitingCase.Suggested((String) s.get("category"),
                            catalog.find((String) s.get("category")).map(Category::name).orElseThrow(),
                            (int) Math.round(((Number) s.get("confidence")).doubleValue() * 100)))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable triage suggestions: " + stored, e);
        }
    }
}
