package org.lianxin.repeats;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.lianxin.cases.CaseChangeRefused;
import org.lianxin.cases.CaseEvent;
import org.lianxin.cases.CaseMerge;
import org.lianxin.cases.CaseNotFoundException;
import org.lianxin.cases.CaseRegistration;
import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.CaseWrites;
import org.lianxin.cases.JsonErrors;
import org.lianxin.cases.Registration;
import org.lianxin.cases.RowTime;
import org.lianxin.cases.StatusMove;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The decisions of routes/repeats/merges.yaml: staff merge a case into another (its intakes move, it becomes MERGED
 * pointing at the other) or split an intake off a case into a new case, registered again for triage. Each writes
 * an event on both cases. A merged case's slips still at a department are left as they are (named in the event):
 * what the department sends on them stays with the merged case.
 */
@Component("caseMerges")
public class CaseMerges {

    private final ObjectMapper json;
    private final JsonErrors errors;
    private final CaseRegistration registration;
    private final Clock clock;

    public CaseMerges(ObjectMapper json, JsonErrors errors, CaseRegistration registration, Clock clock) {
        this.json = json;
        this.errors = errors;
        this.registration = registration;
        this.clock = clock;
    }

    /** POST /api/cases/{caseNo}/merge {"into": "<case number>", "note": "..."}: the case in the path goes into "into". */
    public Map<String, Object> mergeRequest(String body, @Header("caseNo") String source,
            @Header("staffUser") String staff) {
        JsonNode request = read(body);
        String target = text(request, "into");
        if (target == null) {
            throw new CaseChangeRefused(400, "into", "required: the case number to merge into");
        }
        if (target.equals(source)) {
            throw new CaseChangeRefused(400, "into", "a case cannot be merged into itself");
        }
        Map<String, Object> p = new HashMap<>();
        p.put("source", source);
        p.put("target", target);
        p.put("caseNos", List.of(source, target));
        p.put("actor", staff);
        p.put("staffNote", text(request, "note"));
        return p;
    }

    /** Checks both cases (rows locked) and adds the merge's parameters and its two events. */
    public Map<String, Object> mergePlan(Map<String, Object> p, @Header("mergeRows") List<Map<String, Object>> rows,
            @Header("openSlips") List<Map<String, Object>> openSlips, @Header("movedCount") Number moved) {
        Map<String, Object> source = row(rows, (String) p.get("source"));
        Map<String, Object> target = row(rows, (String) p.get("target"));
        requireOpen(source, "caseNo");
        requireOpen(target, "into");
        OffsetDateTime now = RowTime.of(clock);
        p.put("now", now);
        p.put("moved", moved.intValue());
        String staffNote = p.get("staffNote") == null ? "" : "：" + p.get("staffNote");
        StringBuilder sourceNote = new StringBuilder("并入案件 ").append(p.get("target")).append(staffNote);
        if (openSlips != null && !openSlips.isEmpty()) {
            sourceNote.append("；在办交办单 ").append(String.join("、",
                    openSlips.stream().map(s -> (String) s.get("slip_no")).toList())).append(" 未撤回");
        }
        String actor = (String) p.get("actor");
        p.put("merge", List.of(new CaseMerge(new StatusMove((String) p.get("source"),
                CaseStatus.valueOf((String) source.get("status")), CaseStatus.MERGED, now, actor, null, "merged",
                sourceNote.toString()), (String) p.get("target"), moved.intValue(),
                CaseEvent.of((String) p.get("target"), now, actor, null, "merge-received",
                        "案件 " + p.get("source") + " 并入，受理 " + moved + " 件" + staffNote),
                (String) source.get("title"), (String) source.get("content"), (String) source.get("location"))));
        return p;
    }

    public void merged(Exchange exchange) {
        Map<?, ?> p = exchange.getMessage().getBody(Map.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNo", p.get("source"));
        body.put("status", CaseStatus.MERGED.name());
        body.put("mergedInto", p.get("target"));
        body.put("intakesMoved", p.get("moved"));
        errors.write(exchange, 200, body);
    }

    /** POST /api/cases/{caseNo}/split {"intakeId": 42, "note": "..."}. */
    public Map<String, Object> splitRequest(String body, @Header("caseNo") String caseNo,
            @Header("staffUser") String staff) {
        JsonNode request = read(body);
        JsonNode id = request.get("intakeId");
        if (id == null || !id.canConvertToLong()) {
            throw new CaseChangeRefused(400, "intakeId", "required: the id of one of the case's intakes");
        }
        Map<String, Object> p = new HashMap<>();
        p.put("fromCaseNo", caseNo);
        p.put("intakeId", id.asLong());
        p.put("staff", staff);
        p.put("staffNote", text(request, "note"));
        return p;
    }

    /**
     * A split makes a new case of the intake (its own text, place and citizen), registered again so that triage
     * takes it. Only an intake with a text of its own (a repeat, or one merged in) is split off, from a case still
     * open: the intake that made the case is the case.
     */
    public void splitCheck(Map<String, Object> request, @Header("caseRow") Map<String, Object> caseRow,
            @Header("intakeRow") Map<String, Object> intake, @Header("intakeRatings") Number ratings) {
        String from = (String) request.get("fromCaseNo");
        if (caseRow == null) {
            throw new CaseNotFoundException(from);
        }
        if (intake == null || !from.equals(intake.get("case_no"))) {
            throw new CaseChangeRefused(404, "intakeId", "case " + from + " has no intake " + request.get("intakeId"));
        }
        requireOpen(caseRow, "caseNo");
        if (ratings != null && ratings.intValue() > 0) {
            // its rating belongs to this case's answer: split off, the intake would rate the new case's answer twice
            throw new CaseChangeRefused(409, "intakeId", "intake " + request.get("intakeId") + " has rated the answer of"
                    + " case " + from + ": it stays with it");
        }
        if (intake.get("content") == null) {
            throw new CaseChangeRefused(409, "intakeId",
                    "intake " + request.get("intakeId") + " is the one that made case " + from + ": it cannot be split off");
        }
    }

    /** The new case's parameters (see splitCheck's comment), its registered message and both events. */
    public Map<String, Object> splitPlan(Map<String, Object> request, @Header("intakeRow") Map<String, Object> intake,
            @Header("caseSequence") Number sequence) {
        String from = (String) request.get("fromCaseNo");
        Map<String, Object> p = new HashMap<>();
        p.put("channel", intake.get("channel"));
        p.put("externalId", intake.get("external_id"));
        p.put("receivedAt", intake.get("received_at"));
        p.put("citizenName", intake.get("citizen_name"));
        p.put("citizenPhone", intake.get("citizen_phone"));
        p.put("category", null);
        p.put("content", intake.get("content"));
        String title = (String) intake.get("title");
        p.put("title", title != null ? title : CaseRegistration.deriveTitle((String) intake.get("content")));
        p.put("location", intake.get("location"));
        registration.newCase(p, sequence.longValue());
        p.put("fromCaseNo", from);
        p.put("intakeId", request.get("intakeId"));
        String staffNote = request.get("staffNote") == null ? "" : "：" + request.get("staffNote");
        OffsetDateTime now = (OffsetDateTime) p.get("now");
        String staff = (String) request.get("staff");
        @SuppressWarnings("unchecked")
        Registration registered = ((List<Registration>) p.get("registration")).get(0);
        p.put("registration", List.of(new Registration(registered.newCase(), null, CaseWrites.eventsAndOutbox(List.of(
                new CaseEvent((String) p.get("caseNo"), now, staff, null, "split-from", null,
                        CaseStatus.REGISTERED.name(), "从案件 " + from + " 拆分（受理 #" + p.get("intakeId") + "）" + staffNote),
                CaseEvent.of(from, now, staff, null, "split-off",
                        "受理 #" + p.get("intakeId") + " 拆分为新案件 " + p.get("caseNo") + staffNote)),
                registered.writes().outbox()))));
        return p;
    }

    public void split(Exchange exchange) {
        Map<?, ?> p = exchange.getMessage().getBody(Map.class);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseNo", p.get("caseNo"));
        body.put("queryCode", p.get("queryCode"));
        body.put("splitFrom", p.get("fromCaseNo"));
        body.put("intakeId", p.get("intakeId"));
        errors.write(exchange, 201, body);
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String caseNo) {
        return rows.stream().filter(r -> caseNo.equals(r.get("case_no"))).findFirst()
                .orElseThrow(() -> new CaseNotFoundException(caseNo));
    }

    private static void requireOpen(Map<String, Object> row, String field) {
        Object status = row.get("status");
        if (RepeatCheck.CLOSED.contains(status)) {
            throw new CaseChangeRefused(409, field, "case " + row.get("case_no") + " is " + status);
        }
    }

    private JsonNode read(String body) {
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new CaseChangeRefused(400, "body", "expected a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CaseChangeRefused(400, "body", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText().strip();
    }
}
