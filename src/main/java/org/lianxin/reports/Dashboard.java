package org.lianxin.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Header;
import org.lianxin.cases.Channel;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.RowTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * The supervisors' dashboard, assembled from what routes/reports/dashboard.yaml reads when it is asked (nothing counted
 * beforehand): intake per channel per county day, open cases by status and by lead department, lead slips overdue
 * and due soon, this quarter's on-time and satisfaction rates (the quarterly report's totals), parked deliveries,
 * and the hot issues panel.
 */
@Component("dashboard")
public class Dashboard {

    private final Clock clock;
    private final Duration dueSoon;
    private final int intakeDays;
    private final int listLimit;

    public Dashboard(Clock clock, @Value("${lianxin.dashboard.due-soon}") String dueSoon,
            @Value("${lianxin.dashboard.intake-days}") int intakeDays,
            @Value("${lianxin.dashboard.list-limit}") int listLimit) {
        this.clock = clock;
        this.dueSoon = DurationStyle.detectAndParse(dueSoon);
        this.intakeDays = intakeDays;
        this.listLimit = listLimit;
        if (intakeDays < 1 || listLimit < 1 || this.dueSoon.isNegative()) {
            throw new IllegalStateException("lianxin.dashboard: intake-days and list-limit must be 1 or more, "
                    + "due-soon not negative");
        }
    }

    /** SQL parameters: now, the first intake day's start, the due-soon horizon, the list limit, this quarter. */
    public Map<String, Object> parameters() {
        OffsetDateTime now = RowTime.of(clock);
        Map<String, Object> p = new HashMap<>();
        p.put("now", now);
        p.put("intakeFrom", firstIntakeDay(now).atStartOfDay(CountyTime.ZONE).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC));
        p.put("dueSoonUntil", now.plus(dueSoon));
        p.put("limit", listLimit);
        p.put("quarter", Quarter.containing(now.toInstant()));
        return p;
    }

    private LocalDate firstIntakeDay(OffsetDateTime now) {
        return now.atZoneSameInstant(CountyTime.ZONE).toLocalDate().minusDays(intakeDays - 1L);
    }

    public Map<String, Object> assemble(QuarterlyReportData quarter, @Header("dashboardParameters") Map<String, Object> p,
            @Header("intakeRows") List<Map<String, Object>> intakes,
            @Header("statusRows") List<Map<String, Object>> statuses,
            @Header("leadRows") List<Map<String, Object>> leads,
            @Header("overdueRows") List<Map<String, Object>> overdue, @Header("overdueCount") Number overdueCount,
            @Header("dueSoonRows") List<Map<String, Object>> dueSoonRows, @Header("dueSoonCount") Number dueSoonCount,
            @Header("parkedCount") Number parked, @Header("hotPanel") Map<String, Object> hot,
            @Header("repeatRows") List<Map<String, Object>> repeats) {
        OffsetDateTime now = (OffsetDateTime) p.get("now");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("computedAt", county(now));
        d.put("intake", intake(intakes, firstIntakeDay(now)));
        d.put("openByStatus", statuses.stream().map(r -> Map.of("status", r.get("status"),
                "count", ((Number) r.get("n")).intValue())).toList());
        d.put("openByDepartment", leads.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("departmentId", r.get("department_id"));
            m.put("name", r.get("name"));
            m.put("count", ((Number) r.get("n")).intValue());
            return m;
        }).toList());
        d.put("overdue", Map.of("count", overdueCount.intValue(), "slips", slips(overdue)));
        d.put("dueSoon", Map.of("count", dueSoonCount.intValue(), "within", dueSoon.toString(),
                "slips", slips(dueSoonRows)));
        DepartmentFigures t = quarter.total();
        Map<String, Object> rates = new LinkedHashMap<>();
        rates.put("quarter", quarter.quarter().label());
        rates.put("answered", t.answered());
        rates.put("onTime", t.onTime());
        rates.put("onTimeRate", t.onTimeRate());
        rates.put("rated", t.rated());
        rates.put("satisfied", t.satisfied());
        rates.put("satisfactionRate", t.satisfactionRate());
        rates.put("unrated", t.unrated());
        d.put("quarter", rates);
        d.put("deadLetters", Map.of("parkedDeliveries", parked.intValue()));
        d.put("hotIssues", hot);
        d.put("repeats", repeats.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("caseNo", r.get("case_no"));
            m.put("title", r.get("title"));
            m.put("status", r.get("status"));
            m.put("recent", ((Number) r.get("recent")).intValue());
            m.put("total", ((Number) r.get("repeat_count")).intValue());
            m.put("last", county(QuarterlyReport.time(r.get("last_at"))));
            return m;
        }).toList());
        return d;
    }

    /** One series per channel (every channel, zero days included), one count per county day, oldest first. */
    static Map<String, Object> intake(List<Map<String, Object>> rows, LocalDate firstDay, int days) {
        List<String> dayLabels = new ArrayList<>();
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < days; i++) {
            LocalDate day = firstDay.plusDays(i);
            index.put(day, i);
            dayLabels.add(day.toString());
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (Channel c : Channel.values()) {
            counts.put(c.code(), new int[days]);
        }
        for (Map<String, Object> r : rows) {
            LocalDate day = QuarterlyReport.time(r.get("received_at")).atZoneSameInstant(CountyTime.ZONE)
                    .toLocalDate();
            Integer i = index.get(day);
            if (i != null) {
                counts.computeIfAbsent((String) r.get("channel"), c -> new int[days])[i]++;
            }
        }
        List<Map<String, Object>> series = new ArrayList<>();
        counts.forEach((channel, perDay) -> series.add(Map.of("channel", channel,
                "counts", java.util.Arrays.stream(perDay).boxed().toList())));
        return Map.of("days", dayLabels, "series", series);
    }

    private Map<String, Object> intake(List<Map<String, Object>> rows, LocalDate firstDay) {
        return intake(rows, firstDay, intakeDays);
    }

    private static List<Map<String, Object>> slips(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("slipNo", r.get("slip_no"));
            m.put("caseNo", r.get("case_no"));
            m.put("title", r.get("title"));
            m.put("department", r.get("department_name"));
            m.put("status", r.get("status"));
            m.put("hot", Boolean.TRUE.equals(r.get("hot")));
            m.put("issuedAt", county(QuarterlyReport.time(r.get("issued_at"))));
            m.put("deadline", county(QuarterlyReport.time(r.get("deadline"))));
            return m;
        }).toList();
    }

    private static OffsetDateTime county(OffsetDateTime t) {
        return t.atZoneSameInstant(CountyTime.ZONE).toOffsetDateTime();
    }
}
