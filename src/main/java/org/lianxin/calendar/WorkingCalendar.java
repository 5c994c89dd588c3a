package org.lianxin.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.lianxin.cases.YamlFiles;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * The county's working days (工作日): Monday to Friday, except public holidays, plus the weekend days made working
 * days by 调休 — one file a year (calendar/2026.yaml …). Deadlines count in these days. A year without a file
 * counts Monday to Friday only, with a warning, so that a missing file never stops the hub.
 */
public final class WorkingCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(WorkingCalendar.class);

    /** One year's file: its days off (ranges, both ends included) and its make-up working days. */
    public record YearFile(int year, Boolean provisional, List<Holiday> holidays, List<String> makeUpWorkingDays) {
        public YearFile {
            provisional = Boolean.TRUE.equals(provisional);
            holidays = holidays == null ? List.of() : holidays;
            makeUpWorkingDays = makeUpWorkingDays == null ? List.of() : makeUpWorkingDays;
        }
    }

    public record Holiday(String name, String from, String to) {
    }

    private final Map<Integer, YearFile> files;
    private final Set<LocalDate> daysOff = new HashSet<>();
    private final Set<LocalDate> makeUpDays = new HashSet<>();
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    public WorkingCalendar(List<YearFile> years) {
        Map<Integer, YearFile> byYear = new TreeMap<>();
        for (YearFile file : years) {
            String where = "calendar " + file.year();
            if (byYear.put(file.year(), file) != null) {
                throw new IllegalStateException(where + ": two files for the same year");
            }
            for (Holiday h : file.holidays()) {
                LocalDate from = date(h.from(), where + ", " + h.name() + " from");
                LocalDate to = date(h.to(), where + ", " + h.name() + " to");
                if (to.isBefore(from) || from.getYear() != file.year() && to.getYear() != file.year()) {
                    throw new IllegalStateException(where + ", " + h.name() + ": " + from + " to " + to
                            + " is not a range in " + file.year());
                }
                from.datesUntil(to.plusDays(1)).forEach(daysOff::add);
            }
            for (String text : file.makeUpWorkingDays()) {
                LocalDate day = date(text, where + ", make-up working day");
                if (!isWeekend(day)) {
                    throw new IllegalStateException(where + ": make-up working day " + day + " is not a weekend day");
                }
                makeUpDays.add(day);
            }
        }
        this.files = Map.copyOf(byYear);
    }

    /** The calendar from YAML files (each one YearFile); a later file for the same year replaces an earlier one. */
    public static WorkingCalendar read(List<Resource> resources) {
        Map<Integer, YearFile> byYear = new TreeMap<>();
        for (Resource resource : resources) {
            YearFile file = YamlFiles.read(resource, YearFile.class);
            if (byYear.put(file.year(), file) != null) {
                LOG.info("Working-day calendar {} from {}", file.year(), resource.getDescription());
            }
        }
        return new WorkingCalendar(List.copyOf(byYear.values()));
    }

    /** The years that have a file, and whether it is provisional (statutory days only, no 调休 yet). */
    public Map<Integer, Boolean> years() {
        Map<Integer, Boolean> years = new TreeMap<>();
        files.forEach((year, file) -> years.put(year, file.provisional()));
        return years;
    }

    public boolean isWorkingDay(LocalDate day) {
        if (!files.containsKey(day.getYear()) && warnedYears.add(day.getYear())) {
            LOG.warn("No working-day calendar for {}: counting Monday to Friday only; add calendar/{}.yaml",
                    day.getYear(), day.getYear());
        }
        if (makeUpDays.contains(day)) {
            return true;
        }
        return !isWeekend(day) && !daysOff.contains(day);
    }

    /**
     * The n-th working day after {@code start}, counting from the first working day after it (n = 1 is that day);
     * n = 0 is {@code start} itself (the same day).
     */
    public LocalDate plusWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must be 0 or more: " + n);
        }
        LocalDate day = start;
        for (int left = n; left > 0; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after it. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static LocalDate date(String text, String where) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalStateException(where + ": \"" + text + "\" is not a date like 2026-10-01");
        }
    }
}
