package org.lianxin.reports;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.apache.camel.Header;
import org.lianxin.cases.BadParameter;
import org.lianxin.cases.CaseChangeRefused;
import org.lianxin.cases.CaseEvent;
import org.lianxin.cases.CaseReopening;
import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.RowTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 回头看 / 抽查: the decisions of routes/reports/spot-checks.yaml. A supervisor picks a period and a sample size; the hub
 * draws that many cases at random among those closed in the period (a 'closed' or 'closed-unrated' event then, and
 * CLOSED still) that no earlier check drew, and records the sample to be worked through. Each case's check is
 * recorded once: passed, or failed with a note — a failed check reopens the case (重办, direct:reopen-case) with a
 * new slip to its last lead department that says why. Every step is an event on the case.
 */
@Component("spotChecks")
public class SpotChecks {

    public static final String PASSED = "PASSED";
    public static final String FAILED = "FAILED";
    static final int MAX_NOTE = 2000;

    private final Clock clock;
    private final int maxSampleSize;
    private final Random random;

    public SpotChecks(Clock clock, @Value("${lianxin.spot-checks.max-sample-size}") int maxSampleSize) {
        this.clock = clock;
        this.maxSampleSize = maxSampleSize;
        this.random = new SecureRandom();
    }

    /** A draw asked for: the period's county days (both included) and the sample size, each checked. */
    public Map<String, Object> request(@Header("from") String from, @Header("to") String to,
            @Header("size") String size, @Header("staffUser") String user) {
        LocalDate first = day("from", from);
        LocalDate last = day("to", to);
        if (last.isBefore(first)) {
            throw new BadParameter("to", "结束日期早于开始日期");
        }
        int n;
        try {
            n = Integer.parseInt(size == null ? "" : size.strip());
        } catch (NumberFormatException e) {
            throw new BadParameter("size", "抽查数量应为数字");
        }
        if (n < 1 || n > maxSampleSize) {
            throw new BadParameter("size", "抽查数量应在 1 到 " + maxSampleSize + " 之间");
        }
        Map<String, Object> p = new HashMap<>();
        p.put("closedFrom", startOf(first));
        p.put("closedBefore", startOf(last.plusDays(1)));
        p.put("size", n);
        p.put("createdBy", user);
        p.put("now", RowTime.of(clock));
        return p;
    }

    /** The sample: size cases drawn at random from the candidates (all of them when fewer), in case order. */
    public Map<String, Object> draw(Map<String, Object> p, @Header("candidates") List<Map<String, Object>> candidates) {
        if (candidates.isEmpty()) {
            throw new BadParameter("from", "这段时间内没有尚未抽查过的已办结案件");
        }
        List<String> pool = new ArrayList<>(candidates.stream().map(c -> (String) c.get("case_no")).toList());
        Collections.shuffle(pool, random);
        List<String> sample = new ArrayList<>(pool.subList(0, Math.min((Integer) p.get("size"), pool.size())));
        Collections.sort(sample);
        Map<String, Object> check = new HashMap<>(p);
        check.put("population", candidates.size());
        check.put("sample", sample);
        return check;
    }

    /** The generated id of the check just inserted. */
    public Object checkId(@Header("CamelSqlGeneratedKeyRows") List<Map<String, Object>> keys) {
        Map<String, Object> row = keys.get(0);
        return row.containsKey("id") ? row.get("id") : row.values().iterator().next();
    }

    /** A 'spot-check-sampled' event on each case drawn, and its row in the sample. */
    public List<CaseEvent> sampled(Map<String, Object> check, @Header("checkId") Number checkId) {
        @SuppressWarnings("unchecked")
        List<String> sample = (List<String>) check.get("sample");
        String note = "回头看抽查 #" + checkId + " 抽中（" + sample.size() + " / " + check.get("population") + "）";
        List<CaseEvent> events = new ArrayList<>();
        for (String caseNo : sample) {
            events.add(CaseEvent.of(caseNo, (OffsetDateTime) check.get("now"), "user:" + check.get("createdBy"), null,
                    "spot-check-sampled", note));
        }
        return events;
    }

    /** A check's result for one case, as the supervisor gave it: PASSED, or FAILED with a note. */
    public Map<String, Object> result(@Header("checkId") String checkId, @Header("caseNo") String caseNo,
            @Header("result") String result, @Header("note") String note, @Header("staffUser") String user) {
        long id;
        try {
            id = Long.parseLong(checkId);
        } catch (NumberFormatException e) {
            throw new CaseChangeRefused(404, "checkId", "no spot check " + checkId);
        }
        if (!PASSED.equals(result) && !FAILED.equals(result)) {
            throw new BadParameter("result", "应为通过或不通过");
        }
        String text = note == null ? "" : note.strip();
        if (FAILED.equals(result) && text.isEmpty()) {
            throw new BadParameter("note", "不通过时请写明原因");
        }
        if (text.length() > MAX_NOTE) {
            throw new BadParameter("note", "说明不能超过 " + MAX_NOTE + " 字");
        }
        Map<String, Object> p = new HashMap<>();
        p.put("checkId", id);
        p.put("caseNo", caseNo);
        p.put("result", result);
        p.put("note", text.isEmpty() ? null : text);
        p.put("user", user);
        p.put("now", RowTime.of(clock));
        return p;
    }

    /**
     * What recording the result does, on the sample row locked: the row's result, an event, and for a failed check
     * the reopening. A case not in the check, or already checked, is refused.
     */
    public Map<String, Object> record(Map<String, Object> p, @Header("sampleRow") Map<String, Object> row) {
        Object checkId = p.get("checkId");
        String caseNo = (String) p.get("caseNo");
        if (row == null) {
            throw new CaseChangeRefused(404, "caseNo", "case " + caseNo + " is not in spot check #" + checkId);
        }
        if (row.get("result") != null) {
            throw new CaseChangeRefused(409, "result", "case " + caseNo + " was already checked in spot check #"
                    + checkId + ": " + row.get("result"));
        }
        boolean failed = FAILED.equals(p.get("result"));
        String note = p.get("note") == null ? "" : "：" + p.get("note");
        String actor = "user:" + p.get("user");
        Map<String, Object> plan = new LinkedHashMap<>(p);
        plan.put("event", List.of(CaseEvent.of(caseNo, (OffsetDateTime) p.get("now"), actor, null,
                failed ? "spot-check-failed" : "spot-check-passed",
                "回头看抽查 #" + checkId + (failed ? " 不通过" : " 通过") + note)));
        plan.put("reopen", failed ? new CaseReopening(caseNo, "回头看抽查不通过" + note, actor, null,
                Set.of(CaseStatus.CLOSED.name())) : null);
        return plan;
    }

    /** A check and its sample for the page; check null when there is no such check. */
    public Map<String, Object> view(@Header("checkRow") Map<String, Object> check,
            @Header("sampleRows") List<Map<String, Object>> sample) {
        Map<String, Object> view = new HashMap<>();
        view.put("check", check);
        view.put("cases", sample);
        return view;
    }

    private static LocalDate day(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new BadParameter(field, "请填写日期");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadParameter(field, "日期格式应为 2026-10-01");
        }
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(CountyTime.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }
}
