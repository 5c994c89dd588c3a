package org.lianxin.supervision;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.camel.Header;
import org.lianxin.cases.CaseChangeRefused;
import org.lianxin.cases.CaseEvent;
import org.lianxin.cases.CaseWrites;
import org.lianxin.cases.OutboxMessage;
import org.lianxin.cases.RowTime;
import org.lianxin.cases.SlipMessages;
import org.springframework.stereotype.Component;

/**
 * The decisions of routes/supervision/instructions.yaml: a leader's instruction (批示) on one case or on a hot-issue cluster is
 * stored, becomes an 'instruction' event on each case it concerns, and goes to the lead department of each case's
 * open slip (issued or signed) by every channel and address that slip reached — once per case and address, as a
 * notice about that slip (purpose {@value #PURPOSE}), through the outbox in the same transaction.
 */
@Component("instructions")
public class Instructions {

    public static final String PURPOSE = "instruction";
    static final int MAX_TEXT = 1000;
    static final int MAX_CASES = 500;
    private static final int MAX_NOTE = 2000;
    private static final int MAX_LABEL = 200;
    private static final Pattern CASE_NO = Pattern.compile("\\d{6,20}");

    private final SlipMessages messages;
    private final Clock clock;

    public Instructions(SlipMessages messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Checks an instruction {caseNos: [...], clusterId, label, text, author} and answers the route's parameters
     * (the same, cleaned, with the time): each problem is refused naming its field.
     */
    public Map<String, Object> request(Map<String, Object> body) {
        String text = body.get("text") == null ? "" : body.get("text").toString().strip();
        if (text.isEmpty()) {
            throw new CaseChangeRefused(400, "text", "required: the instruction's text");
        }
        if (text.codePointCount(0, text.length()) > MAX_TEXT) {
            throw new CaseChangeRefused(400, "text", "at most " + MAX_TEXT + " characters");
        }
        Set<String> caseNos = new LinkedHashSet<>();
        if (body.get("caseNos") instanceof List<?> list) {
            list.stream().filter(c -> c != null && !c.toString().isBlank()).forEach(c -> caseNos.add(c.toString().strip()));
        }
        if (caseNos.isEmpty()) {
            throw new CaseChangeRefused(400, "caseNos", "required: the case numbers the instruction is on");
        }
        if (caseNos.size() > MAX_CASES) {
            throw new CaseChangeRefused(400, "caseNos", "at most " + MAX_CASES + " cases");
        }
        caseNos.stream().filter(c -> !CASE_NO.matcher(c).matches()).findFirst().ifPresent(c -> {
            throw new CaseChangeRefused(400, "caseNos", "not a case number: " + c);
        });
        String clusterId = blankToNull(body.get("clusterId"));
        if (clusterId != null && !caseNos.contains(clusterId)) {
            throw new CaseChangeRefused(400, "clusterId", "a cluster is named by one of its cases: " + clusterId);
        }
        String label = blankToNull(body.get("label"));
        Map<String, Object> p = new HashMap<>();
        p.put("caseNos", List.copyOf(caseNos));
        p.put("clusterId", clusterId);
        p.put("label", label == null || label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL));
        p.put("text", text);
        p.put("author", body.get("author"));
        p.put("now", RowTime.of(clock));
        return p;
    }

    /** Every case named must exist (rows: case_no, locked by the route). */
    public void requireCases(Map<String, Object> p, @Header("instructionCases") List<Map<String, Object>> rows) {
        Set<Object> found = new LinkedHashSet<>();
        rows.forEach(r -> found.add(r.get("case_no")));
        for (Object caseNo : (List<?>) p.get("caseNos")) {
            if (!found.contains(caseNo)) {
                throw new CaseChangeRefused(404, "caseNos", "no case " + caseNo);
            }
        }
    }

    /**
     * The rows to write: the instruction's, one per case it concerns, an event per case, and one outbox row per
     * case and address of its open lead slips. Rows of leadDeliveries: case_no, slip_no, channel, address,
     * send_round.
     */
    public Map<String, Object> plan(Map<String, Object> p, @Header("instructionId") Number id,
            @Header("leadDeliveries") List<Map<String, Object>> leadDeliveries) {
        OffsetDateTime now = (OffsetDateTime) p.get("now");
        @SuppressWarnings("unchecked")
        List<String> caseNos = (List<String>) p.get("caseNos");
        // with the purpose it names the message: instruction-<id> in file names and Message-IDs
        String noticeId = String.valueOf(id);
        String notice = notice(p, caseNos.size());

        Map<String, OutboxMessage> outbox = new LinkedHashMap<>();
        Map<String, List<String>> toldByCase = new HashMap<>();
        for (Map<String, Object> d : leadDeliveries == null ? List.<Map<String, Object>>of() : leadDeliveries) {
            String caseNo = (String) d.get("case_no");
            String to = d.get("channel") + ":" + d.get("address");
            // several open lead slips of one case (a reopened case) reach an address once
            if (!outbox.containsKey(caseNo + " " + to)) {
                outbox.put(caseNo + " " + to, messages.notice(caseNo, (String) d.get("slip_no"),
                        (String) d.get("channel"), (String) d.get("address"), ((Number) d.get("send_round")).intValue(),
                        PURPOSE, noticeId, notice, now));
                toldByCase.computeIfAbsent(caseNo, c -> new ArrayList<>()).add(to);
            }
        }
        List<Map<String, Object>> cases = new ArrayList<>();
        List<CaseEvent> events = new ArrayList<>();
        for (String caseNo : caseNos) {
            Map<String, Object> concerned = new HashMap<>();
            concerned.put("instructionId", id);
            concerned.put("caseNo", caseNo);
            cases.add(concerned);
            events.add(CaseEvent.of(caseNo, now, (String) p.get("author"), null, PURPOSE,
                    note(p, id, caseNos.size(), toldByCase.get(caseNo))));
        }
        Map<String, Object> plan = new LinkedHashMap<>(p);
        plan.put("id", id);
        plan.put("cases", cases);
        plan.put("writes", CaseWrites.eventsAndOutbox(events, List.copyOf(outbox.values())));
        return plan;
    }

    /** What the route answers: {instructionId, cases, notices}. */
    public Map<String, Object> result(@Header("instructionPlan") Map<String, Object> plan) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("instructionId", plan.get("id"));
        result.put("cases", plan.get("caseNos"));
        result.put("notices", ((CaseWrites) plan.get("writes")).outbox().size());
        return result;
    }

    /** What the departments read: the instruction, and on a cluster which hot issue and how many cases. */
    static String notice(Map<String, Object> p, int cases) {
        String text = (String) p.get("text");
        if (p.get("clusterId") == null) {
            return text;
        }
        Object label = p.get("label");
        return text + "（热点问题" + (label == null ? "" : "“" + label + "”") + "，共 " + cases + " 件）";
    }

    private static String note(Map<String, Object> p, Number id, int cases, List<String> told) {
        StringBuilder note = new StringBuilder("批示 #").append(id);
        if (p.get("clusterId") != null) {
            note.append("（热点 ").append(p.get("clusterId")).append("，共 ").append(cases).append(" 件）");
        }
        note.append("：").append(p.get("text"));
        String tail = told == null ? "；无在办主办单位，未发送" : "；已送主办 " + String.join(" ", told);
        if (note.length() + tail.length() > MAX_NOTE) {
            tail = tail.substring(0, Math.max(0, MAX_NOTE - note.length() - 1)) + "…";
        }
        return note.append(tail).toString();
    }

    private static String blankToNull(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
