package org.lianxin.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.PhoneNumbers;

/**
 * What staff search cases by at /cases: case number, the citizen's phone (any intake's), words in the title or
 * content, a department that had a slip, status, and the dates received (county days, both included). Empty fields
 * do not filter. A value that cannot mean anything is refused with its field named, instead of finding nothing.
 */
public record CaseSearch(String caseNo, String phone, String text, String department, String status, String from,
        String to) {

    /** At most this many cases, newest first: a search is for finding, the reports are for counting. */
    static final int LIMIT = 200;

    static final Set<String> STATUSES = java.util.Arrays.stream(CaseStatus.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    public boolean isEmpty() {
        return blank(caseNo) && blank(phone) && blank(text) && blank(department) && blank(status) && blank(from)
                && blank(to);
    }

    /** Named SQL parameters (routes/cases/case-api.yaml, case-search); every key present, null when not filtering. */
    public Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("caseNo", blank(caseNo) ? null : caseNo.strip());
        p.put("phone", blank(phone) ? null : PhoneNumbers.normalise(phone)
                .orElseThrow(() -> new InvalidSearchException("phone", "不是有效的电话号码")));
        p.put("textPattern", blank(text) ? null : "%" + text.strip().replaceAll("([\\\\%_])", "\\\\$1") + "%");
        p.put("department", blank(department) ? null : department.strip());
        if (!blank(status) && !STATUSES.contains(status.strip())) {
            throw new InvalidSearchException("status", "没有这个状态");
        }
        p.put("status", blank(status) ? null : status.strip());
        OffsetDateTime fromTime = blank(from) ? null : startOf(day("from", from));
        OffsetDateTime toTime = blank(to) ? null : startOf(day("to", to).plusDays(1));
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw new InvalidSearchException("to", "结束日期早于开始日期");
        }
        p.put("receivedFrom", fromTime);
        p.put("receivedBefore", toTime);
        p.put("limit", LIMIT);
        return p;
    }

    private static LocalDate day(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidSearchException(field, "日期格式应为 2026-10-01");
        }
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(CountyTime.ZONE).toOffsetDateTime();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A search field that cannot mean anything; the page shows the message next to the field. */
    public static class InvalidSearchException extends IllegalArgumentException {
        private final String field;

        public InvalidSearchException(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
