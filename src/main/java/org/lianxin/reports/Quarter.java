package org.lianxin.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.lianxin.cases.BadParameter;
import org.lianxin.cases.CountyTime;

/**
 * A calendar quarter in county time (Asia/Shanghai): Q1 is 1 January 00:00 to 1 April 00:00 there, and so on. The
 * report counts what happened from its start (included) to its end (excluded).
 */
public record Quarter(int year, int quarter) {

    /** Years a report may be asked for: the hub's cases are numbered by year from 2000 on. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    public Quarter {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new BadParameter("year", "年份应在 " + FIRST_YEAR + " 到 " + LAST_YEAR + " 之间：" + year);
        }
        if (quarter < 1 || quarter > 4) {
            throw new BadParameter("quarter", "季度应为 1 到 4：" + quarter);
        }
    }

    /** From the request's text parameters, each checked and named when wrong. */
    public static Quarter parse(String year, String quarter) {
        return new Quarter(number("year", year, "年份"), number("quarter", quarter, "季度"));
    }

    /** The quarter that instant falls in, in county time. */
    public static Quarter containing(Instant instant) {
        LocalDate day = instant.atZone(CountyTime.ZONE).toLocalDate();
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
    }

    public OffsetDateTime start() {
        return firstDay().atStartOfDay(CountyTime.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    public OffsetDateTime end() {
        return firstDay().plusMonths(3).atStartOfDay(CountyTime.ZONE).toOffsetDateTime()
                .withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** 2026年第1季度 */
    public String label() {
        return year + "年第" + quarter + "季度";
    }

    /** 2026Q1, for file names */
    public String code() {
        return year + "Q" + quarter;
    }

    private static int number(String field, String text, String what) {
        if (text == null || text.isBlank()) {
            throw new BadParameter(field, "缺少" + what);
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new BadParameter(field, what + "应为数字：" + text.strip());
        }
    }
}
