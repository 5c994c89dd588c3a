package org.lianxin.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.Category;
import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.Channel;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.InvalidIntakeException;
import org.lianxin.cases.PhoneNumbers;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * GET requests and GET requests/{id}: the SQL parameters of a search and the GeoReport view of each case found.
 * Only cases that came in through the web (Open311 or the portal) are public, and they show what the case is
 * about, never who sent it: no name, phone or ID number is ever selected.
 */
@Component("open311Search")
public class Open311Search {

    /** GeoReport v2: a search covers at most 90 days, the last 90 when no dates are given. */
    static final Duration MAX_SPAN = Duration.ofDays(90);
    static final int MAX_RESULTS = 1000;
    static final String OPEN = "open";
    static final String CLOSED = "closed";
    /**
     * A request is closed (GeoReport: resolved) once it has its final answer or explanation, or was merged into
     * another case or closed; a reopened case (重办) is open again.
     */
    static final Set<CaseStatus> CLOSED_STATUSES = EnumSet.of(CaseStatus.REPLIED, CaseStatus.EXPLAINED,
            CaseStatus.MERGED, CaseStatus.CLOSED);

    private final CategoryCatalog categories;
    private final Open311Format format;
    private final Clock clock;

    public Open311Search(CategoryCatalog categories, Open311Format format, Clock clock) {
        this.categories = categories;
        this.format = format;
        this.clock = clock;
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Request(String serviceRequestId, String status, String statusNotes, String serviceName,
            String serviceCode, String description, String agencyResponsible, String serviceNotice,
            String requestedDatetime, String updatedDatetime, String expectedDatetime, String address, Double lat,
            @JsonProperty("long") Double lon, String mediaUrl) {
    }

    /**
     * The named parameters of GET requests. service_request_id (comma-separated) overrides every other filter, as
     * GeoReport v2 says; otherwise service_code and status (comma-separated) and start_date/end_date narrow it.
     */
    public Map<String, Object> criteria(Exchange exchange) {
        Map<String, String> q = Open311Parameters.read(exchange, "service_request_id", "service_code", "status",
                "start_date", "end_date");
        Map<String, Object> p = base();
        List<String> ids = list(q.get("service_request_id"));
        if (!ids.isEmpty()) {
            if (ids.size() > MAX_RESULTS) {
                throw new InvalidIntakeException("service_request_id", "at most " + MAX_RESULTS + " ids at once");
            }
            p.put("ids", ids);
            return p;
        }
        List<String> codes = list(q.get("service_code"));
        for (String code : codes) {
            if (!categories.contains(code)) {
                throw new InvalidIntakeException("service_code", "unknown service '" + code + "'");
            }
        }
        p.put("anyService", codes.isEmpty());
        p.put("serviceCodes", codes.isEmpty() ? List.of("") : codes);
        p.put("statuses", statuses(list(q.get("status"))));
        OffsetDateTime[] window = window(q, clock);
        p.put("startDate", window[0]);
        p.put("endDate", window[1]);
        p.put("limit", MAX_RESULTS);
        return p;
    }

    /**
     * start_date and end_date of a search: at most 90 days apart; the last 90 days when neither is given, 90 days
     * from or up to the one given otherwise.
     */
    static OffsetDateTime[] window(Map<String, String> q, Clock clock) {
        OffsetDateTime start = time("start_date", q.get("start_date"), false);
        OffsetDateTime end = time("end_date", q.get("end_date"), true);
        if (start == null && end == null) {
            end = OffsetDateTime.now(clock);
        }
        start = start != null ? start : end.minus(MAX_SPAN);
        end = end != null ? end : start.plus(MAX_SPAN);
        if (end.isBefore(start)) {
            throw new InvalidIntakeException("end_date", "before start_date");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new InvalidIntakeException("end_date", "at most " + MAX_SPAN.toDays() + " days after start_date");
        }
        return new OffsetDateTime[] {start, end};
    }

    /** The named parameters of GET requests/{id}. */
    public Map<String, Object> one(@Header("request") String segment) {
        Map<String, Object> p = base();
        p.put("ids", List.of(Open311Format.withoutFormat(segment)));
        return p;
    }

    /** A case that is not there, or not public, is not found: the answer does not tell the two apart. */
    public void requireFound(List<Map<String, Object>> rows, @Header("request") String segment) {
        if (rows.isEmpty()) {
            throw new Open311NotFoundException("service_request_id", Open311Format.withoutFormat(segment));
        }
    }

    public void render(Exchange exchange) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = exchange.getMessage().getBody(List.class);
        format.list(exchange, "service_requests", "request", rows.stream().map(this::request).toList());
    }

    Request request(Map<String, Object> row) {
        String code = (String) row.get("category");
        String location = (String) row.get("location");
        Open311Location.Point point = Open311Location.point(location).orElse(null);
        return new Request((String) row.get("case_no"),
                CLOSED_STATUSES.contains(CaseStatus.valueOf((String) row.get("status"))) ? CLOSED : OPEN,
                // the latest published answer (progress, final answer or explanation), public: numbers masked
                PhoneNumbers.maskNumbersIn((String) row.get("status_notes")),
                code == null ? null : categories.find(code).map(Category::name).orElse(null),
                code,
                // public: numbers a citizen wrote in the text are masked, as everywhere the public reads
                PhoneNumbers.maskNumbersIn((String) row.get("content")),
                null,
                null,
                CountyTime.iso(row.get("received_at")),
                CountyTime.iso(latest(row.get("updated_at"), row.get("answered_at"))),
                null,
                location,
                point == null ? null : point.lat(),
                point == null ? null : point.lon(),
                null);
    }

    /** The later of two database timestamps (an answer published after the case's last change of status). */
    private static Object latest(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return CountyTime.of(b).isAfter(CountyTime.of(a)) ? b : a;
    }

    /** Parameters every search has: the channels whose cases are public. */
    static Map<String, Object> base() {
        Map<String, Object> p = new HashMap<>();
        p.put("webChannels", Arrays.stream(Channel.values()).filter(c -> "web".equals(c.kind())).map(Channel::code)
                .toList());
        return p;
    }

    private static List<String> statuses(List<String> given) {
        boolean open = given.isEmpty();
        boolean closed = given.isEmpty();
        for (String s : given) {
            if (OPEN.equalsIgnoreCase(s)) {
                open = true;
            } else if (CLOSED.equalsIgnoreCase(s)) {
                closed = true;
            } else {
                throw new InvalidIntakeException("status", "'" + s + "' is neither open nor closed");
            }
        }
        List<String> statuses = new ArrayList<>();
        for (CaseStatus s : CaseStatus.values()) {
            if (CLOSED_STATUSES.contains(s) ? closed : open) {
                statuses.add(s.name());
            }
        }
        return statuses;
    }

    static List<String> list(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
    }

    /** ISO-8601 with an offset; without one, county time; a bare date covers that whole day. */
    static OffsetDateTime time(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String s = value.strip();
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(s).atZone(CountyTime.ZONE).toOffsetDateTime();
            } catch (DateTimeParseException notLocal) {
                try {
                    LocalDate day = LocalDate.parse(s);
                    return (endOfDay ? day.plusDays(1) : day).atStartOfDay(CountyTime.ZONE).toOffsetDateTime()
                            .minusNanos(endOfDay ? 1_000 : 0);
                } catch (DateTimeParseException e) {
                    throw new InvalidIntakeException(field, "not an ISO-8601 time: '" + value + "'");
                }
            }
        }
    }
}
