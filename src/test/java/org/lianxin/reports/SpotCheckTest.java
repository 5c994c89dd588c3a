package org.lianxin.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianxin.reports.ReportFacts.t;

import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestEnvironment;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 回头看 / 抽查 on the pages, as a supervisor works: draw a sample of the cases closed on a day, record each check;
 * a failed one reopens its case (重办) with a new slip to its lead department, through the same reopening as a
 * citizen's 不满意.
 */
@LianxinTest
class SpotCheckTest extends HubTestSupport {

    /** The day the test's cases were closed: no other test closes a case then. */
    static final String CLOSED_DAY = "2026-06-15";

    @Autowired
    ProducerTemplate camel;

    /** A case dispatched to t-water for real, then closed on CLOSED_DAY (its lead slip answered). */
    String closedCase(int n) {
        String caseNo = TestCases.dispatched(hub(), db, camel, "t-water");
        db.update("update slip set status = 'ANSWERED' where case_no = ?", caseNo);
        db.update("update citizen_case set status = 'CLOSED' where case_no = ?", caseNo);
        db.update("insert into case_event (case_no, occurred_at, actor, action, from_status, to_status) values "
                + "(?, ?, 'system', ?, 'REPLIED', 'CLOSED')", caseNo, t(CLOSED_DAY + " 1" + n + ":00"),
                n == 2 ? "closed-unrated" : "closed");
        return caseNo;
    }

    HttpAnswer draw(PageSession supervisor, String size) {
        String csrf = PageSession.hidden(supervisor.get("/reports/spot-checks"), PageSession.CSRF);
        return supervisor.postForm("/reports/spot-checks", Map.of("from", CLOSED_DAY, "to", CLOSED_DAY, "size", size,
                PageSession.CSRF, csrf));
    }

    HttpAnswer check(PageSession supervisor, long checkId, String caseNo, String result, String note) {
        String csrf = PageSession.hidden(supervisor.get("/reports/spot-checks/" + checkId), PageSession.CSRF);
        return supervisor.postForm("/reports/spot-checks/" + checkId + "/cases/" + caseNo, Map.of("result", result,
                "note", note, PageSession.CSRF, csrf));
    }

    List<String> events(String caseNo) {
        return db.queryForList("select action from case_event where case_no = ? order by id", String.class, caseNo);
    }

    @Test
    void aSampleIsDrawnAndWorkedThroughAndAFailedCheckReopensTheCase() {
        List<String> closed = List.of(closedCase(1), closedCase(2), closedCase(3));
        PageSession supervisor = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);

        HttpAnswer drawn = draw(supervisor, "2");
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(302);
        long checkId = Long.parseLong(drawn.header("Location").replaceAll(".*/", ""));
        List<String> sample = db.queryForList("select case_no from spot_check_case where check_id = ? order by case_no",
                String.class, checkId);
        assertThat(sample).hasSize(2).isSubsetOf(closed);
        assertThat(db.queryForMap("select sample_size, population, created_by from spot_check where id = ?", checkId))
                .containsEntry("sample_size", 2).containsEntry("population", 3).containsEntry("created_by", "admin");
        sample.forEach(caseNo -> assertThat(events(caseNo)).endsWith("spot-check-sampled"));
        HttpAnswer page = supervisor.get("/reports/spot-checks/" + checkId);
        assertThat(page.text()).contains("id=\"case-" + sample.get(0) + "\"", "id=\"case-" + sample.get(1) + "\"");

        // a case is drawn once: the next draw takes the one left, then there is none
        HttpAnswer second = draw(supervisor, "5");
        long secondId = Long.parseLong(second.header("Location").replaceAll(".*/", ""));
        assertThat(db.queryForList("select case_no from spot_check_case where check_id = ?", String.class, secondId))
                .hasSize(1).doesNotContainAnyElementsOf(sample);
        HttpAnswer none = draw(supervisor, "5");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.text()).contains("id=\"draw-error\"", "from：这段时间内没有尚未抽查过的已办结案件");

        String failing = sample.get(0);
        String passing = sample.get(1);
        // failing needs a note: refused, nothing stored
        check(supervisor, checkId, failing, "FAILED", " ");
        assertThat(supervisor.get("/reports/spot-checks/" + checkId).text()).contains("note：不通过时请写明原因");
        assertThat(db.queryForObject("select result from spot_check_case where check_id = ? and case_no = ?",
                String.class, checkId, failing)).isNull();

        HttpAnswer failed = check(supervisor, checkId, failing, "FAILED", "答复未解决路灯问题，现场仍不亮");
        assertThat(failed.status()).isEqualTo(302);
        assertThat(db.queryForMap("select result, note, checked_by from spot_check_case where check_id = ? and "
                + "case_no = ?", checkId, failing)).containsEntry("result", "FAILED")
                .containsEntry("note", "答复未解决路灯问题，现场仍不亮").containsEntry("checked_by", "admin");
        // reopened (重办) and dispatched again to its lead with a new slip that says why
        assertThat(db.queryForMap("select status, reopen_count from citizen_case where case_no = ?", failing))
                .containsEntry("status", "DISPATCHED").containsEntry("reopen_count", 1);
        assertThat(events(failing)).endsWith("spot-check-sampled", "spot-check-failed", "reopened", "dispatched");
        assertThat(db.queryForObject("select note from case_event where case_no = ? and action = 'reopened'",
                String.class, failing)).isEqualTo("重办（第1次）：回头看抽查不通过：答复未解决路灯问题，现场仍不亮");
        Map<String, Object> slip = db.queryForMap("select department_id, role, status, decided_by, reopen_note from "
                + "slip where slip_no = ?", failing + "-2");
        assertThat(slip).containsEntry("department_id", "t-water").containsEntry("role", "LEAD")
                .containsEntry("status", "ISSUED").containsEntry("decided_by", "reopen:1");
        assertThat((String) slip.get("reopen_note")).contains("回头看抽查不通过");
        assertThat(db.queryForObject("select count(*) from slip_delivery where slip_no = ?", Long.class,
                failing + "-2")).isPositive();

        check(supervisor, checkId, passing, "PASSED", "");
        assertThat(db.queryForObject("select status from citizen_case where case_no = ?", String.class, passing))
                .isEqualTo("CLOSED");
        assertThat(events(passing)).endsWith("spot-check-sampled", "spot-check-passed");

        // each check is recorded once
        check(supervisor, checkId, passing, "FAILED", "再查");
        assertThat(supervisor.get("/reports/spot-checks/" + checkId).text()).contains("id=\"result-error\"",
                "already checked");
        assertThat(db.queryForObject("select status from citizen_case where case_no = ?", String.class, passing))
                .isEqualTo("CLOSED");
        assertThat(supervisor.get("/reports/spot-checks").text()).contains("id=\"check-" + checkId + "\"");
    }

    @Test
    void aDrawWithAWrongPeriodOrSizeIsRefusedByName() {
        PageSession supervisor = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
        String csrf = PageSession.hidden(supervisor.get("/reports/spot-checks"), PageSession.CSRF);
        long checks = db.queryForObject("select count(*) from spot_check", Long.class);
        assertThat(supervisor.postForm("/reports/spot-checks", Map.of("from", "2026-06-20", "to", "2026-06-01",
                "size", "3", PageSession.CSRF, csrf)).text()).contains("to：结束日期早于开始日期");
        assertThat(supervisor.postForm("/reports/spot-checks", Map.of("from", "2026-06-01", "to", "2026-06-20",
                "size", "1000", PageSession.CSRF, csrf)).text()).contains("size：抽查数量应在 1 到 100 之间");
        assertThat(supervisor.postForm("/reports/spot-checks", Map.of("from", "6/1", "to", "2026-06-20",
                "size", "3", PageSession.CSRF, csrf)).text()).contains("from：日期格式应为 2026-10-01");
        assertThat(db.queryForObject("select count(*) from spot_check", Long.class)).isEqualTo(checks);
        assertThat(supervisor.get("/reports/spot-checks/999999").status()).isEqualTo(404);
    }
}
