package org.lianxin.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The staff view of one case as JSON: the case, its intakes, its events, its slips and the files departments sent
 * (each with its download address). Phones and ID numbers masked.
 */
@Component("caseView")
public class CaseView {

    private final JsonErrors json;
    private final CategoryCatalog categories;

    public CaseView(JsonErrors json, CategoryCatalog categories) {
        this.json = json;
        this.categories = categories;
    }

    public void requireFound(@Header("caseNo") String caseNo, @Header("caseRow") Map<String, Object> row) {
        if (row == null) {
            throw new CaseNotFoundException(caseNo);
        }
    }

    /** The whole case for staff, from the rows routes/cases/case-api.yaml read: for the JSON API and the case page. */
    public Map<String, Object> record(Exchange exchange) {
        Map<String, Object> row = exchange.getMessage().getHeader("caseRow", Map.class);
        List<Map<String, Object>> intakes = exchange.getMessage().getHeader("intakeRows", List.class);
        List<Map<String, Object>> events = exchange.getMessage().getHeader("eventRows", List.class);
        Map<String, Object> c = toJson(row, intakes, events);
        c.put("slips", slips(exchange.getMessage().getHeader("slipRows", List.class),
                exchange.getMessage().getHeader("deliveryRows", List.class)));
        c.put("answers", answers(exchange.getMessage().getHeader("answerRows", List.class)));
        List<Map<String, Object>> attachmentRows = exchange.getMessage().getHeader("attachmentRows", List.class);
        c.put("attachments", CaseAttachments.toJson(attachmentRows == null ? List.of() : attachmentRows));
        List<Map<String, Object>> possibleRows = exchange.getMessage().getHeader("possibleRepeatRows", List.class);
        c.put("possibleRepeats", possibleRepeats(possibleRows == null ? List.of() : possibleRows));
        return c;
    }

    /** Open cases alike this one that it did not join (routes/repeats/repeat-check.yaml), to merge it into by hand. */
    static List<Map<String, Object>> possibleRepeats(List<Map<String, Object>> rows) {
        List<Map<String, Object>> possible = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("caseNo", r.get("repeat_of"));
            m.put("title", r.get("title"));
            m.put("status", r.get("status"));
            m.put("score", r.get("score"));
            possible.add(m);
        }
        return possible;
    }

    public void render(Exchange exchange) {
        json.write(exchange, 200, exchange.getMessage().getBody(Map.class));
    }

    /** Every answer departments gave, public or not (co-handlers' answers, extension requests, unpublished ones). */
    static List<Map<String, Object>> answers(List<Map<String, Object>> rows) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (Map<String, Object> a : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slipNo", a.get("slip_no"));
            m.put("department", a.get("department_id"));
            m.put("departmentName", a.get("department_name"));
            m.put("kind", a.get("kind"));
            m.put("text", a.get("body"));
            m.put("publicAnswer", a.get("public_answer"));
            m.put("createdAt", CountyTime.iso(a.get("created_at")));
            m.put("publishedAt", CountyTime.iso(a.get("published_at")));
            answers.add(m);
        }
        return answers;
    }

    /** One line per case found by a staff search. */
    public List<Map<String, Object>> summaries(List<Map<String, Object>> rows) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("caseNo", r.get("case_no"));
            m.put("title", r.get("title"));
            m.put("status", r.get("status"));
            m.put("hot", r.get("hot"));
            m.put("receivedAt", CountyTime.of(r.get("received_at")));
            m.put("lead", r.get("lead_name"));
            m.put("deadline", CountyTime.of(r.get("deadline")));
            found.add(m);
        }
        return found;
    }

    Map<String, Object> toJson(Map<String, Object> row, List<Map<String, Object>> intakes,
            List<Map<String, Object>> events) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("caseNo", row.get("case_no"));
        c.put("status", row.get("status"));
        c.put("queryCode", row.get("query_code"));
        c.put("title", row.get("title"));
        c.put("content", row.get("content"));
        String category = (String) row.get("category");
        c.put("category", category);
        c.put("categoryName", category == null ? null : categories.find(category).map(Category::name).orElse(null));
        c.put("location", row.get("location"));
        Map<String, Object> citizen = new LinkedHashMap<>();
        citizen.put("name", row.get("citizen_name"));
        citizen.put("phone", PhoneNumbers.mask((String) row.get("citizen_phone")));
        c.put("citizen", citizen);
        c.put("receivedAt", CountyTime.iso(row.get("received_at")));
        c.put("repeatCount", row.get("repeat_count"));
        c.put("mergedInto", row.get("merged_into"));
        List<Map<String, Object>> intakeList = new ArrayList<>();
        for (Map<String, Object> i : intakes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", i.get("id"));
            m.put("channel", i.get("channel"));
            m.put("kind", Channel.ofCode((String) i.get("channel")).kind());
            m.put("externalId", i.get("external_id"));
            m.put("citizenName", i.get("citizen_name"));
            m.put("citizenPhone", PhoneNumbers.mask((String) i.get("citizen_phone")));
            m.put("idNumber", maskIdNumber((String) i.get("id_number")));
            m.put("address", i.get("address"));
            m.put("visitors", i.get("visitors"));
            m.put("operatorId", i.get("operator_id"));
            m.put("receivedAt", CountyTime.iso(i.get("received_at")));
            // a repeat's own text (null: the case's text is this intake's)
            m.put("content", i.get("content"));
            intakeList.add(m);
        }
        c.put("intakes", intakeList);
        List<Map<String, Object>> eventList = new ArrayList<>();
        for (Map<String, Object> e : events) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", CountyTime.iso(e.get("occurred_at")));
            m.put("actor", e.get("actor"));
            m.put("channel", e.get("channel"));
            m.put("action", e.get("action"));
            m.put("from", e.get("from_status"));
            m.put("to", e.get("to_status"));
            m.put("note", e.get("note"));
            eventList.add(m);
        }
        c.put("events", eventList);
        return c;
    }

    /** The case's slips, each with its deliveries and their status. */
    static List<Map<String, Object>> slips(List<Map<String, Object>> slipRows, List<Map<String, Object>> deliveryRows) {
        List<Map<String, Object>> slips = new ArrayList<>();
        for (Map<String, Object> s : slipRows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slipNo", s.get("slip_no"));
            m.put("department", s.get("department_id"));
            m.put("departmentName", s.get("department_name"));
            m.put("role", s.get("role"));
            m.put("status", s.get("status"));
            m.put("requestType", s.get("request_type"));
            m.put("deadline", CountyTime.iso(s.get("deadline")));
            m.put("issuedAt", CountyTime.iso(s.get("issued_at")));
            m.put("signedAt", CountyTime.iso(s.get("signed_at")));
            m.put("returnReason", s.get("return_reason"));
            List<Map<String, Object>> deliveries = new ArrayList<>();
            for (Map<String, Object> d : deliveryRows) {
                if (d.get("slip_no").equals(s.get("slip_no"))) {
                    Map<String, Object> dm = new LinkedHashMap<>();
                    dm.put("channel", d.get("channel"));
                    dm.put("address", d.get("address"));
                    dm.put("status", d.get("status"));
                    dm.put("attempts", d.get("attempts"));
                    dm.put("lastError", d.get("last_error"));
                    dm.put("updatedAt", CountyTime.iso(d.get("updated_at")));
                    deliveries.add(dm);
                }
            }
            m.put("deliveries", deliveries);
            slips.add(m);
        }
        return slips;
    }

    static String maskIdNumber(String id) {
        return id == null ? null : id.substring(0, 6) + "********" + id.substring(14);
    }
}
