package org.lianxin.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/** Helpers of routes/triage-queue.yaml. */
@Component("waitingCases")
public class WaitingCases {

    public List<String> caseNumbers(@Header("waitingRows") List<Map<String, Object>> rows) {
        return rows.stream().map(r -> (String) r.get("case_no")).toList();
    }

    /** The waiting cases, each with the latest reason it was put in the queue. */
    public List<WaitingCase> list(@Header("waitingRows") List<Map<String, Object>> rows,
            @Header("reasonRows") List<Map<String, Object>> reasonRows) {
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
                    CaseView.countyTime(r.get("received_at")).toOffsetDateTime(), Boolean.TRUE.equals(r.get("hot")),
                    (String) r.get("status"), reasons.get(caseNo)));
        }
        return cases;
    }
}
