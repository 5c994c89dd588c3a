package org.lianxin.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.lianxin.reports.ReportFacts.endOf;
import static org.lianxin.reports.ReportFacts.t;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestEnvironment;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The quarterly report (季度通报) for 2026 Q1 (county time: 2026-01-01 00:00 to 2026-04-01 00:00 +08:00) over facts
 * written with known times, every figure worked out by hand below. Other tests' cases are in later quarters.
 *
 * <pre>
 * Department r-a (报表甲局), lead slips — working days on the 2026 calendar (元旦 1–3 Jan, Sunday 4 Jan worked;
 * 春节 15–23 Feb, Saturday 14 Feb and 28 Feb worked):
 *   A1  issued 01-05 Mon 10:00, due 01-08, 办结 01-07        received, answered on time, days 6,7 = 2
 *   A2  issued 02-12 Thu 09:00, due 02-27, 办结 02-26        received, answered on time, days 13, 14 (调休), 24, 25, 26 = 5
 *   A3  issued 03-02 Mon 09:00, due 03-05, 说明 03-09 Mon    received, answered late (overdue), days 3,4,5,6,9 = 5
 *   A3r issued 03-10 Tue 10:01 (重办), due 03-13, 办结 03-12 received, answered on time, days 11, 12 = 2
 *   A4  issued 03-20 Fri, due 03-25, only 进展, open          received, open at the quarter's end past due: overdue
 *   A5  issued 03-30 Mon, due 04-02, 办结 04-01 (Q2)          received; at the end open but not yet due: nothing more
 *   A6  issued 2025-12-29 Mon, due 12-31, 办结 01-06          answered late in Q1: answered, overdue (not received);
 *                                                           days 2025-12-30, 31, 2026-01-04 (调休), 05, 06 = 5
 *   A7  issued 01-10, returned (退单) 01-11                  nothing: not its matter
 *   A8  issued 2025-11-03, 办结 2025-11-05                   nothing: answered before the quarter
 *   co-handling slip C1 issued 01-05 to r-a                   nothing: only lead slips count
 *   → received 6 (A1 A2 A3 A3r A4 A5), answered 5 (A1 A2 A3 A3r A6), on time 3 (A1 A2 A3r), overdue 3 (A3 A6 A4),
 *     working days 2 + 5 + 5 + 2 + 5 = 19, average 19 / 5 = 3.8
 *   ratings in Q1: case A1 满意 01-08, case A2 基本满意 02-27, case A3 不满意 03-10 (and one in Q2 on case A5, not
 *     counted) → rated 3, satisfied 2, rate 2/3
 *   closed-unrated 01-14 on case A6 → 未评价 1
 *   reopened 03-10 10:00 on case A3 (its lead then: A3) → reopened 1, reopen rate 1/5 = 0.2
 *   repeat-joined on case A1 01-06 (after A1) and on case A4 03-19 (before A4 was issued: its first lead, r-a);
 *     one on case A5 in Q2 not counted → repeats 2, repeat rate 2/6
 * Department r-b (报表乙局): case A7 returned by r-a and dispatched to r-b:
 *   B7  issued 01-11 Sun 12:00, due 01-16, 办结 01-16 09:00  received, answered on time, days 12..16 = 5
 *   case A7 不满意 01-20: its lead then is B7 (A7 was returned) → r-b rated 1, satisfied 0, rate 0
 *   → received 1, answered 1, on time 1, overdue 0, average 5.0, reopen rate 0, repeat rate 0
 * Totals (nothing else happened in 2026 Q1): received 7, answered 6, on time 4, overdue 3, working days 24 → 4.0,
 *   rated 4, satisfied 2 → 0.5, 未评价 1, reopened 1 → 1/6, repeats 2 → 2/7
 * </pre>
 */
@LianxinTest
class QuarterlyReportTest extends HubTestSupport {

    @Autowired
    ProducerTemplate camel;

    @BeforeEach
    void facts() {
        if (db.queryForObject("select count(*) from citizen_case where case_no = 'RQA8'", Long.class) > 0) {
            return;
        }
        ReportFacts f = new ReportFacts(db);
        f.department("r-a", "报表甲局");
        f.department("r-b", "报表乙局");

        long a1 = f.caseWithIntake("RQA1", "CLOSED", "路灯不亮", t("2026-01-05 09:00"));
        f.lead("RQA1-1", "RQA1", "r-a", "ANSWERED", t("2026-01-05 10:00"), endOf("2026-01-08"));
        f.slip("RQA1-2", "RQA1", "r-a", "CO", "ANSWERED", t("2026-01-05 10:00"), endOf("2026-01-08"), null);
        f.answer("RQA1-1", "PROGRESS", t("2026-01-06 09:00"));
        f.answer("RQA1-1", "FINAL", t("2026-01-07 15:00"));
        f.answer("RQA1-1", "FINAL", t("2026-01-07 16:00"));
        f.rating("RQA1", a1, 0, "SATISFIED", t("2026-01-08 10:00"));
        f.event("RQA1", "repeat-joined", t("2026-01-06 11:00"));

        long a2 = f.caseWithIntake("RQA2", "CLOSED", "暖气不热", t("2026-02-12 08:00"));
        f.lead("RQA2-1", "RQA2", "r-a", "ANSWERED", t("2026-02-12 09:00"), endOf("2026-02-27"));
        f.answer("RQA2-1", "FINAL", t("2026-02-26 11:00"));
        f.rating("RQA2", a2, 0, "BASICALLY_SATISFIED", t("2026-02-27 10:00"));

        long a3 = f.caseWithIntake("RQA3", "CLOSED", "噪音扰民", t("2026-03-02 08:00"));
        f.lead("RQA3-1", "RQA3", "r-a", "ANSWERED", t("2026-03-02 09:00"), endOf("2026-03-05"));
        f.answer("RQA3-1", "EXPLANATION", t("2026-03-09 10:00"));
        f.rating("RQA3", a3, 0, "DISSATISFIED", t("2026-03-10 10:00"));
        f.event("RQA3", "reopened", t("2026-03-10 10:00"));
        f.lead("RQA3-2", "RQA3", "r-a", "ANSWERED", t("2026-03-10 10:01"), endOf("2026-03-13"));
        f.answer("RQA3-2", "FINAL", t("2026-03-12 16:00"));

        f.caseWithIntake("RQA4", "SIGNED", "道路破损", t("2026-03-19 08:00"));
        f.event("RQA4", "repeat-joined", t("2026-03-19 18:00"));
        f.lead("RQA4-1", "RQA4", "r-a", "SIGNED", t("2026-03-20 09:00"), endOf("2026-03-25"));
        f.answer("RQA4-1", "PROGRESS", t("2026-03-24 09:00"));

        long a5 = f.caseWithIntake("RQA5", "CLOSED", "井盖缺失", t("2026-03-30 08:00"));
        f.lead("RQA5-1", "RQA5", "r-a", "ANSWERED", t("2026-03-30 09:00"), endOf("2026-04-02"));
        f.answer("RQA5-1", "FINAL", t("2026-04-01 10:00"));
        f.rating("RQA5", a5, 0, "SATISFIED", t("2026-04-02 10:00"));
        f.event("RQA5", "repeat-joined", t("2026-04-01 09:00"));

        f.caseWithIntake("RQA6", "CLOSED", "垃圾清运", t("2025-12-29 08:00"));
        f.lead("RQA6-1", "RQA6", "r-a", "ANSWERED", t("2025-12-29 09:00"), endOf("2025-12-31"));
        f.answer("RQA6-1", "FINAL", t("2026-01-06 10:00"));
        f.event("RQA6", "closed-unrated", t("2026-01-14 03:00"));

        long a7 = f.caseWithIntake("RQA7", "CLOSED", "欠薪", t("2026-01-10 08:00"));
        f.slip("RQA7-1", "RQA7", "r-a", "LEAD", "RETURNED", t("2026-01-10 09:00"), endOf("2026-01-13"),
                t("2026-01-11 10:00"));
        f.lead("RQA7-2", "RQA7", "r-b", "ANSWERED", t("2026-01-11 12:00"), endOf("2026-01-16"));
        f.answer("RQA7-2", "FINAL", t("2026-01-16 09:00"));
        f.rating("RQA7", a7, 0, "DISSATISFIED", t("2026-01-20 10:00"));

        f.caseWithIntake("RQA8", "CLOSED", "旧事", t("2025-11-03 08:00"));
        f.lead("RQA8-1", "RQA8", "r-a", "ANSWERED", t("2025-11-03 09:00"), endOf("2025-11-06"));
        f.answer("RQA8-1", "FINAL", t("2025-11-05 10:00"));
    }

    QuarterlyReportData report(int year, int quarter) {
        return camel.requestBodyAndHeaders("direct:quarterly-report", null,
                Map.of("year", String.valueOf(year), "quarter", String.valueOf(quarter)), QuarterlyReportData.class);
    }

    static DepartmentFigures line(QuarterlyReportData report, String departmentId) {
        return report.departments().stream().filter(d -> departmentId.equals(d.departmentId())).findFirst()
                .orElseThrow();
    }

    @Test
    void everyFigureOfTheQuarterAsWorkedOutByHand() {
        QuarterlyReportData report = report(2026, 1);

        DepartmentFigures a = line(report, "r-a");
        assertThat(a.name()).isEqualTo("报表甲局");
        assertThat(List.of(a.received(), a.answered(), a.onTime(), a.overdue())).containsExactly(6, 5, 3, 3);
        assertThat(a.workingDays()).isEqualTo(19);
        assertThat(a.averageWorkingDays()).isCloseTo(3.8, within(1e-9));
        assertThat(List.of(a.rated(), a.satisfied(), a.unrated(), a.reopened(), a.repeats()))
                .containsExactly(3, 2, 1, 1, 2);
        assertThat(a.satisfactionRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(a.onTimeRate()).isCloseTo(0.6, within(1e-9));
        assertThat(a.reopenRate()).isCloseTo(0.2, within(1e-9));
        assertThat(a.repeatRate()).isCloseTo(2.0 / 6, within(1e-9));

        DepartmentFigures b = line(report, "r-b");
        assertThat(List.of(b.received(), b.answered(), b.onTime(), b.overdue(), b.rated(), b.satisfied(),
                b.unrated(), b.reopened(), b.repeats())).containsExactly(1, 1, 1, 0, 1, 0, 0, 0, 0);
        assertThat(b.averageWorkingDays()).isEqualTo(5.0);
        assertThat(b.satisfactionRate()).isEqualTo(0.0);

        DepartmentFigures total = report.total();
        assertThat(List.of(total.received(), total.answered(), total.onTime(), total.overdue(), total.rated(),
                total.satisfied(), total.unrated(), total.reopened(), total.repeats()))
                .containsExactly(7, 6, 4, 3, 4, 2, 1, 1, 2);
        assertThat(total.averageWorkingDays()).isCloseTo(4.0, within(1e-9));
        assertThat(total.satisfactionRate()).isEqualTo(0.5);
        // an active department with nothing to count has its line of zeros, its rates empty
        DepartmentFigures idle = report.departments().stream().filter(d -> d.received() == 0 && d.answered() == 0
                && d.overdue() == 0 && d.rated() == 0).findFirst().orElseThrow();
        assertThat(idle.satisfactionRate()).isNull();
        assertThat(idle.averageWorkingDays()).isNull();
    }

    @Test
    void theNextQuarterCountsWhatCameAfterTheBoundaryInCountyTime() {
        DepartmentFigures a = line(report(2026, 2), "r-a");
        // A5 answered 04-01 (on time, 2 working days: 31 Mar, 1 Apr); A4 still open past its deadline; the
        // 满意 of 04-02 and the repeat of 04-01
        assertThat(List.of(a.received(), a.answered(), a.onTime(), a.overdue(), a.rated(), a.satisfied(),
                a.repeats())).containsExactly(0, 1, 1, 1, 1, 1, 1);
        assertThat(a.workingDays()).isEqualTo(2);
    }

    @Test
    void csvHasABomTheColumnsAndEveryLine() {
        PageSession supervisor = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
        HttpAnswer csv = supervisor.get("/reports/quarterly.csv?year=2026&quarter=1");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment", "2026Q1.csv");
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(",", ReportFiles.COLUMNS));
        assertThat(lines).contains("报表甲局,6,5,3,3,3.8,3,2,66.7%,1,1,20.0%,2,33.3%",
                "报表乙局,1,1,1,0,5.0,1,0,0.0%,0,0,0.0%,0,0.0%");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("合计,7,6,4,3,4.0,4,2,50.0%,1,1,16.7%,2,28.6%");
    }

    @Test
    void xlsxReadsBackWithNumbersAndPercentages() throws Exception {
        PageSession supervisor = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
        HttpAnswer xlsx = supervisor.get("/reports/quarterly.xlsx?year=2026&quarter=1");
        assertThat(xlsx.status()).as(xlsx.toString()).isEqualTo(200);
        assertThat(xlsx.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheet("2026年第1季度");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("2026年第1季度");
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue()).isEqualTo("满意率");
            Row a = null;
            Row total = sheet.getRow(sheet.getLastRowNum());
            for (Row row : sheet) {
                if (row.getRowNum() > 1 && "报表甲局".equals(row.getCell(0).getStringCellValue())) {
                    a = row;
                }
            }
            assertThat(a).isNotNull();
            assertThat(a.getCell(1).getNumericCellValue()).isEqualTo(6);
            assertThat(a.getCell(4).getNumericCellValue()).isEqualTo(3);
            assertThat(a.getCell(5).getNumericCellValue()).isCloseTo(3.8, within(1e-9));
            assertThat(a.getCell(8).getNumericCellValue()).isCloseTo(2.0 / 3, within(1e-9));
            assertThat(a.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(1).getNumericCellValue()).isEqualTo(7);
            assertThat(total.getCell(8).getNumericCellValue()).isEqualTo(0.5);
        }
    }

    @Test
    void theReportPageAndItsPrintViewShowTheLines() {
        PageSession supervisor = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
        HttpAnswer page = supervisor.get("/reports/quarterly?year=2026&quarter=1");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.text()).contains("2026年第1季度", "id=\"dept-r-a\"", "报表甲局", "66.7%", "quarterly.xlsx?year=2026");
        HttpAnswer print = supervisor.get("/reports/quarterly/print?year=2026&quarter=1");
        assertThat(print.status()).isEqualTo(200);
        assertThat(print.text()).contains("2026年第1季度承办单位办理情况通报", "报表乙局").doesNotContain("退出登录");
    }

    @Test
    void aBadYearOrQuarterIsNamed() {
        PageSession supervisor = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
        HttpAnswer csv = supervisor.get("/reports/quarterly.csv?year=2026&quarter=5");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.text()).isEqualTo("quarter：季度应为 1 到 4：5");
        HttpAnswer xlsx = supervisor.get("/reports/quarterly.xlsx?year=twenty&quarter=1");
        assertThat(xlsx.status()).isEqualTo(400);
        assertThat(xlsx.text()).startsWith("year：年份应为数字");
        assertThat(supervisor.get("/reports/quarterly.csv?quarter=1").text()).isEqualTo("year：缺少年份");
        HttpAnswer page = supervisor.get("/reports/quarterly?year=2026&quarter=0");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"report-error\"", "quarter：季度应为 1 到 4：0")
                .doesNotContain("id=\"quarterly\"");
    }
}
