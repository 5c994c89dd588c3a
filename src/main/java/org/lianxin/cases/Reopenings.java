package org.lianxin.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The decision of routes/satisfaction/reopen-case.yaml, made on the case row locked: the case becomes REOPENED with its reopen
 * count + 1 (the round its citizens rate the next answer in), a 'reopened' event, and a dispatch order for a new
 * slip to the department that led it last, saying 重办 and why. Co-handlers get no new slips.
 */
@Component("reopenings")
public class Reopenings {

    private final Clock clock;

    public Reopenings(Clock clock) {
        this.clock = clock;
    }

    /** The plan: move (to REOPENED) and dispatch (the DispatchOrder for the new slip). */
    public Map<String, Object> plan(CaseReopening reopening, @Header("reopenCaseRow") Map<String, Object> caseRow,
            @Header("reopenLead") String lead) {
        String caseNo = reopening.caseNo();
        if (caseRow == null) {
            throw new CaseNotFoundException(caseNo);
        }
        String status = (String) caseRow.get("status");
        if (!reopening.from().contains(status)) {
            throw new CaseChangeRefused(409, "caseNo", "case " + caseNo + " is " + status + ", it cannot be reopened");
        }
        if (lead == null) {
            throw new CaseChangeRefused(409, "caseNo", "case " + caseNo + " has no lead slip to reopen");
        }
        int count = ((Number) caseRow.get("reopen_count")).intValue() + 1;
        String note = "重办（第" + count + "次）：" + reopening.reason();
        OffsetDateTime now = RowTime.of(clock);

        String requestType = (String) caseRow.get("request_type");
        Map<String, Object> plan = new LinkedHashMap<>();
        // the store counts the reopening (reopen_count + 1) with the move
        plan.put("move", List.of(new StatusMove(caseNo, CaseStatus.valueOf(status), CaseStatus.REOPENED, now,
                reopening.actor(), reopening.channel(), "reopened", note)));
        plan.put("dispatch", new DispatchOrder(caseNo,
                requestType == null ? RequestType.HELP : RequestType.valueOf(requestType),
                (String) caseRow.get("category"), lead, List.of(), "reopen:" + count, note));
        return plan;
    }
}
