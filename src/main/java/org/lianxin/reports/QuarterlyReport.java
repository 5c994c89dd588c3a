package org.lianxin.reports;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Header;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.RowTime;
import org.lianxin.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * The quarterly report per department (季度通报), counted from the rows routes/reports/quarterly-report.yaml reads for the
 * quarter [start, end) in county time. Only lead (主办) slips count: the lead answers for the case.
 * <ul>
 * <li><b>received</b>: lead slips issued to the department in the quarter, less those it returned (退单: not its
 * matter). A reopened case's new slip (重办) is received again.</li>
 * <li><b>answered</b>: lead slips whose first 办结 (final answer) or 说明 (explanation) was given in the quarter,
 * whenever they were issued.</li>
 * <li><b>on time</b>: answered, at or before the slip's deadline.</li>
 * <li><b>overdue</b>: answered in the quarter after the deadline, plus slips issued before the quarter's end and,
 * at that end, neither answered nor returned with the deadline already past. A slip left open counts as overdue in
 * every quarter it stays open.</li>
 * <li><b>average working days</b>: over the slips answered in the quarter, the working days (county calendar,
 * {@link WorkingCalendar#workingDaysBetween}) from the county day of issue to the county day of answer: answered
 * the day it was issued is 0, the next working day 1.</li>
 * <li><b>satisfaction rate</b>: ratings given in the quarter (case_rating), (满意 + 基本满意) / all of them. Cases
 * closed in the quarter without any rating (未评价, event closed-unrated) are counted apart, not in the rate.</li>
 * <li><b>reopen rate</b>: reopenings (重办, event reopened: a citizen's 不满意 or a failed spot check) in the
 * quarter / answered.</li>
 * <li><b>repeat rate</b>: intakes joined as repeats (重复件, event repeat-joined) in the quarter / received.</li>
 * </ul>
 * A rating or event belongs to the department that led the case at the time (its latest lead slip issued before,
 * not returned), or, for one before the case's first dispatch, to its first lead. Facts of cases that never had a
 * lead slip are in no line.
 */
@Component("quarterlyReport")
public class QuarterlyReport {

    private final WorkingCalendar calendar;
    private final Clock clock;

    public QuarterlyReport(WorkingCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The SQL parameters of the quarter asked for, its year and quarter checked. */
    public Map<String, Object> asked(@Header("year") String year, @Header("quarter") String quarter) {
        return of(Quarter.parse(year, quarter));
    }

    /** The SQL parameters of a quarter: start and end (UTC), and the quarter itself. */
    public Map<String, Object> of(Quarter q) {
        Map<String, Object> p = new HashMap<>();
        p.put("quarter", q);
        p.put("start", q.start());
        p.put("end", q.end());
        return p;
    }

    public QuarterlyReportData compute(@Header("reportQuarter") Quarter quarter,
            @Header("departmentRows") List<Map<String, Object>> departments,
            @Header("slipRows") List<Map<String, Object>> slips,
            @Header("ratingRows") List<Map<String, Object>> ratings,
            @Header("eventRows") List<Map<String, Object>> events) {
        OffsetDateTime start = quarter.start();
        OffsetDateTime end = quarter.end();
        Map<String, Counts> byDepartment = new LinkedHashMap<>();
        for (Map<String, Object> d : departments) {
            byDepartment.put((String) d.get("id"), new Counts((String) d.get("name"),
                    Boolean.TRUE.equals(d.get("active"))));
        }
        for (Map<String, Object> s : slips) {
            Counts c = byDepartment.get((String) s.get("department_id"));
            if (c != null) {
                c.slip(time(s.get("issued_at")), time(s.get("deadline")), time(s.get("returned_at")),
                        time(s.get("answered_at")), start, end);
            }
        }
        for (Map<String, Object> r : ratings) {
            Counts c = byDepartment.get((String) r.get("department_id"));
            if (c != null) {
                c.rated++;
                if (!"DISSATISFIED".equals(r.get("rating"))) {
                    c.satisfied++;
                }
            }
        }
        for (Map<String, Object> e : events) {
            Counts c = byDepartment.get((String) e.get("department_id"));
            if (c != null) {
                switch ((String) e.get("action")) {
                    case "reopened" -> c.reopened++;
                    case "closed-unrated" -> c.unrated++;
                    case "repeat-joined" -> c.repeats++;
                    default -> throw new IllegalArgumentException("not a report event: " + e.get("action"));
                }
            }
        }
        List<DepartmentFigures> lines = new ArrayList<>();
        DepartmentFigures total = new DepartmentFigures(null, "合计", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        for (Map.Entry<String, Counts> e : byDepartment.entrySet()) {
            DepartmentFigures f = e.getValue().figures(e.getKey());
            if (e.getValue().active || !f.isEmpty()) {
                lines.add(f);
                total = total.plus(f);
            }
        }
        return new QuarterlyReportData(quarter, List.copyOf(lines), total,
                RowTime.of(clock).atZoneSameInstant(CountyTime.ZONE).toOffsetDateTime());
    }

    /** Timestamps come back from the database as OffsetDateTime (PostgreSQL, H2) or Timestamp. */
    static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a time: " + value.getClass());
    }

    private LocalDate countyDay(OffsetDateTime t) {
        return t.atZoneSameInstant(CountyTime.ZONE).toLocalDate();
    }

    /** A department's counts as the rows are read. */
    private final class Counts {
        final String name;
        final boolean active;
        int received;
        int answered;
        int onTime;
        int overdue;
        long workingDays;
        int rated;
        int satisfied;
        int unrated;
        int reopened;
        int repeats;

        Counts(String name, boolean active) {
            this.name = name;
            this.active = active;
        }

        void slip(OffsetDateTime issued, OffsetDateTime deadline, OffsetDateTime returned, OffsetDateTime answeredAt,
                OffsetDateTime start, OffsetDateTime end) {
            if (!issued.isBefore(start) && issued.isBefore(end) && returned == null) {
                received++;
            }
            boolean answeredInQuarter = answeredAt != null && !answeredAt.isBefore(start) && answeredAt.isBefore(end);
            if (answeredInQuarter) {
                answered++;
                workingDays += calendar.workingDaysBetween(countyDay(issued), countyDay(answeredAt));
                if (answeredAt.isAfter(deadline)) {
                    overdue++;
                } else {
                    onTime++;
                }
                return;
            }
            boolean openAtEnd = issued.isBefore(end) && (answeredAt == null || !answeredAt.isBefore(end))
                    && (returned == null || !returned.isBefore(end));
            if (openAtEnd && deadline.isBefore(end)) {
                overdue++;
            }
        }

        DepartmentFigures figures(String id) {
            return new DepartmentFigures(id, name, received, answered, onTime, overdue, workingDays, rated, satisfied,
                    unrated, reopened, repeats);
        }
    }
}
