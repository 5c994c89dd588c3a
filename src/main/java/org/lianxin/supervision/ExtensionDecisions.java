package org.lianxin.supervision;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.Header;
import org.lianxin.cases.CountyTime;
import org.lianxin.calendar.Deadlines;
import org.lianxin.cases.RequestType;
import org.lianxin.calendar.WorkingCalendar;
import org.springframework.stereotype.Component;

/**
 * The decisions of routes/supervision/extension-decisions.yaml: a department's extension request (延期) approved with a new
 * deadline, which moves the slip's deadline and its link's expiry, or refused with a reason. The new deadline is a
 * date, at the same time of day (county time) as the current one, and must be later than it. The page suggests the
 * date the request names ("延期至12月15日", "2026-12-15"), or its current deadline plus the days it asks for
 * ("申请延期10天"), else plus the request type's days.
 */
@Component("extensionDecisions")
public class ExtensionDecisions {

    static final String APPROVED = "extension-approved";
    static final String REFUSED = "extension-refused";
    /** Only a slip still in the department's hands has a deadline to move. */
    private static final Set<String> OPEN_SLIP = Set.of("ISSUED", "SIGNED");

    private static final Pattern FULL_DATE = Pattern.compile("(20\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");
    private static final Pattern MONTH_DAY = Pattern.compile("(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]");
    private static final Pattern DAYS = Pattern.compile("(\\d{1,3})\\s*个?\\s*(工作)?[天日]");

    private final Clock clock;
    private final Deadlines deadlines;
    private final WorkingCalendar calendar;

    public ExtensionDecisions(Clock clock, Deadlines deadlines, WorkingCalendar calendar) {
        this.clock = clock;
        this.deadlines = deadlines;
        this.calendar = calendar;
    }

    /** The requests of routes' rows, each with its suggested new deadline. */
    public List<ExtensionRequest> pending(List<Map<String, Object>> rows) {
        return rows.stream().map(r -> {
            ZonedDateTime deadline = CountyTime.of(r.get("deadline"));
            String text = (String) r.get("body");
            return new ExtensionRequest((String) r.get("ref"), (String) r.get("case_no"), (String) r.get("slip_no"),
                    (String) r.get("department_name"), (String) r.get("title"), text,
                    Decisions.county(r.get("created_at")), deadline.toOffsetDateTime(),
                    suggest(text, deadline, RequestType.valueOf((String) r.get("request_type"))));
        }).toList();
    }

    /**
     * The date the request names or the days it asks for (working days when it says 工作日), when later than the
     * deadline; else the type's working days.
     */
    LocalDate suggest(String text, ZonedDateTime deadline, RequestType type) {
        LocalDate current = deadline.toLocalDate();
        return named(text == null ? "" : text, current).filter(d -> d.isAfter(current))
                .orElseGet(() -> calendar.plusWorkingDays(current, Math.max(1, deadlines.workingDays(type))));
    }

    private Optional<LocalDate> named(String text, LocalDate current) {
        try {
            Matcher full = FULL_DATE.matcher(text);
            if (full.find()) {
                return Optional.of(LocalDate.of(number(full, 1), number(full, 2), number(full, 3)));
            }
            Matcher monthDay = MONTH_DAY.matcher(text);
            if (monthDay.find()) {
                LocalDate date = LocalDate.of(current.getYear(), number(monthDay, 1), number(monthDay, 2));
                return Optional.of(date.isAfter(current) ? date : date.plusYears(1));
            }
        } catch (DateTimeException noSuchDate) {
            return Optional.empty();
        }
        Matcher days = DAYS.matcher(text);
        if (!days.find()) {
            return Optional.empty();
        }
        int n = number(days, 1);
        return Optional.of(days.group(2) != null ? calendar.plusWorkingDays(current, n) : current.plusDays(n));
    }

    private static int number(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    /**
     * Parameters of an approval, from the request's slip row (case_no, slip_no, case_status, deadline, slip_status),
     * read locked after the request was claimed: the slip's new deadline and link expiry, the event, the notice.
     */
    public Map<String, Object> approval(Map<String, Object> row, @Header("answerRef") String answerRef,
            @Header("newDeadline") String newDate, @Header("actor") String actor) {
        if (!OPEN_SLIP.contains(row.get("slip_status"))) {
            throw new InvalidDecisionException("slip", row.get("slip_no") + " is answered or returned already: "
                    + "nothing to extend; refuse the request instead");
        }
        ZonedDateTime current = CountyTime.of(row.get("deadline"));
        LocalDate date;
        try {
            date = LocalDate.parse(newDate == null ? "" : newDate.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidDecisionException("newDeadline", "not a date (yyyy-MM-dd): " + newDate);
        }
        if (!date.isAfter(current.toLocalDate())) {
            throw new InvalidDecisionException("newDeadline", "must be after the current deadline "
                    + Decisions.shown(current));
        }
        OffsetDateTime deadline = current.with(date).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        String change = Decisions.shown(current) + " → " + Decisions.shown(deadline);
        Map<String, Object> p = Decisions.of(row, answerRef, actor, clock, APPROVED, (String) row.get("case_status"),
                row.get("slip_no") + " 办理时限 " + change);
        p.put("deadline", deadline);
        p.put("linkExpiresAt", deadlines.linkExpiry(deadline.toInstant()).atOffset(ZoneOffset.UTC));
        // the new deadline first: an SMS cut to fit keeps it
        return Decisions.notify(p, APPROVED, "延期申请已批准，新时限 " + Decisions.shown(deadline) + "（原 "
                + Decisions.shown(current) + "）。");
    }

    /** Parameters of a refusal, from the request's slip row: the event with the reason, and the notice. */
    public Map<String, Object> refusal(Map<String, Object> row, @Header("answerRef") String answerRef,
            @Header("reason") String reason, @Header("actor") String actor) {
        Map<String, Object> p = Decisions.of(row, answerRef, actor, clock, REFUSED, (String) row.get("case_status"),
                reason);
        return Decisions.notify(p, REFUSED, "延期申请未获批准，请按原时限 " + Decisions.shown(row.get("deadline"))
                + " 前办结。理由：" + reason);
    }

    /** The reason of a refusal, checked before anything is decided. */
    public String requireReason(@Header("reason") String reason) {
        return Decisions.reason(reason);
    }
}
