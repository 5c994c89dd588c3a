package org.lianxin.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

public class WorkingCalendarTest {

    private final WorkingCalendar calendar = packaged();

    @Test
    void nationalDayWeekIsOffAndTheSaturdayAfterIsWorked() {
        // dispatched Wednesday 30 September 2026: 1–7 October are off, Saturday 10 October is a make-up working day
        LocalDate dispatched = LocalDate.of(2026, 9, 30);
        assertThat(calendar.plusWorkingDays(dispatched, 1)).isEqualTo(LocalDate.of(2026, 10, 8));
        assertThat(calendar.plusWorkingDays(dispatched, 3)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(calendar.plusWorkingDays(dispatched, 4)).isEqualTo(LocalDate.of(2026, 10, 12));
    }

    @Test
    void springFestivalCountsItsMakeUpSaturdays() {
        // Friday 13 February 2026: Saturday the 14th is worked, 15–23 are off, Saturday the 28th is worked
        LocalDate dispatched = LocalDate.of(2026, 2, 13);
        assertThat(calendar.plusWorkingDays(dispatched, 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.plusWorkingDays(dispatched, 2)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(calendar.plusWorkingDays(dispatched, 15)).isEqualTo(LocalDate.of(2026, 3, 12));
        assertThat(calendar.workingDaysBetween(dispatched, LocalDate.of(2026, 3, 12))).isEqualTo(15);
    }

    @Test
    void sameDayIsZeroWorkingDaysEvenOnAHoliday() {
        LocalDate holiday = LocalDate.of(2026, 10, 2);
        assertThat(calendar.isWorkingDay(holiday)).isFalse();
        assertThat(calendar.plusWorkingDays(holiday, 0)).isEqualTo(holiday);
        assertThat(calendar.workingDaysBetween(holiday, holiday)).isZero();
    }

    @Test
    void aYearWithoutAFileCountsMondayToFriday() {
        LocalDate friday = LocalDate.of(2031, 1, 3);
        assertThat(calendar.plusWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2031, 1, 6));
        assertThat(calendar.years()).containsEntry(2026, false).containsEntry(2027, true);
    }

    @Test
    void aCountysFileReplacesThePackagedYear() {
        Resource county = yaml("""
                year: 2027
                holidays:
                  - { name: 国庆节, from: "2027-10-01", to: "2027-10-07" }
                make-up-working-days: ["2027-09-26"]
                """);
        WorkingCalendar replaced = WorkingCalendar.read(List.of(packagedFiles()[0], packagedFiles()[1], county));
        assertThat(replaced.isWorkingDay(LocalDate.of(2027, 10, 6))).isFalse();
        assertThat(replaced.isWorkingDay(LocalDate.of(2027, 9, 26))).isTrue();
        // the packaged provisional 春节 is gone with the file it came in
        assertThat(replaced.isWorkingDay(LocalDate.of(2027, 2, 8))).isTrue();
        assertThat(replaced.years()).containsEntry(2027, false);
    }

    @Test
    void aWrongFileSaysWhatIsWrong() {
        assertThatThrownBy(() -> WorkingCalendar.read(List.of(yaml("""
                year: 2026
                holidays: [{ name: 国庆节, from: "2026-10-01", to: "10/07" }]
                """)))).hasMessageContaining("calendar 2026, 国庆节 to").hasMessageContaining("\"10/07\"");
        assertThatThrownBy(() -> WorkingCalendar.read(List.of(yaml("""
                year: 2026
                make-up-working-days: ["2026-10-09"]
                """)))).hasMessageContaining("2026-10-09 is not a weekend day");
        assertThatThrownBy(() -> WorkingCalendar.read(List.of(yaml("""
                year: 2026
                holiday: []
                """)))).hasMessageContaining("holiday");
    }

    public static WorkingCalendar packaged() {
        return WorkingCalendar.read(Arrays.asList(packagedFiles()));
    }

    private static Resource[] packagedFiles() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:calendar/*.yaml");
            Arrays.sort(files, (a, b) -> a.getFilename().compareTo(b.getFilename()));
            return files;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Resource yaml(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "county calendar");
    }
}
