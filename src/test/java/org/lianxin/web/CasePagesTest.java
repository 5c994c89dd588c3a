package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.security.StaffUsers;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestDepartments;
import org.lianxin.support.TestEnvironment;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff find cases by what they know of them, and read one case's whole record. */
@LianxinTest
class CasePagesTest extends HubTestSupport {

    @Autowired
    ProducerTemplate camel;
    @Autowired
    StaffUsers users;

    PageSession staff;

    @BeforeEach
    void loggedIn() {
        TestDepartments.ensure(db);
        staff = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
    }

    List<String> found(String query) {
        HttpAnswer page = staff.get("/cases?" + query);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return Jsoup.parse(page.text()).select("#found tbody tr a.code").eachText();
    }

    @Test
    void casesAreFoundByNumberPhoneWordsDepartmentStatusAndDay() {
        String marker = "编号" + UUID.randomUUID().toString().substring(0, 8);
        String dispatched = TestCases.awaitingDispatcher(hub(), db, marker + "_100%的");
        String waiting = TestCases.awaitingDispatcher(hub(), db, marker);
        camel.sendBody("direct:dispatch-case", new DispatchOrder(dispatched, RequestType.HELP, null, "t-water",
                List.of(), "rule:test"));
        String today = LocalDate.now(CountyTime.ZONE).toString();

        assertThat(found("text=" + marker)).containsExactly(waiting, dispatched);
        // LIKE's wildcards in the words are the words themselves
        assertThat(found("text=" + marker + "_100%25")).containsExactly(dispatched);
        assertThat(found("text=" + marker + "%25")).isEmpty();
        assertThat(found("text=" + marker + "&department=t-water")).containsExactly(dispatched);
        assertThat(found("text=" + marker + "&status=TRIAGE")).containsExactly(waiting);
        assertThat(found("caseNo=" + waiting)).containsExactly(waiting);
        assertThat(found("text=" + marker + "&phone=138-1234-5678&from=" + today + "&to=" + today))
                .containsExactly(waiting, dispatched);
        assertThat(found("text=" + marker + "&from=" + LocalDate.parse(today).plusDays(1))).isEmpty();
    }

    @Test
    void aSearchThatCannotMeanAnythingSaysWhichField() {
        Document page = Jsoup.parse(staff.get("/cases?phone=abc").text());
        assertThat(page.select("#search-error").text()).contains("电话", "不是有效的电话号码");
        assertThat(Jsoup.parse(staff.get("/cases?from=2026-13-01").text()).select("#search-error").text())
                .contains("受理日期从");
        assertThat(Jsoup.parse(staff.get("/cases?from=2026-10-02&to=2026-10-01").text()).select("#search-error")
                .text()).contains("结束日期早于开始日期");
        assertThat(Jsoup.parse(staff.get("/cases?status=LOST").text()).select("#search-error").text())
                .contains("状态");
    }

    @Test
    void theCasePageShowsIntakesSlipsAnswersAndTheWholeRecordWithPhonesMasked() {
        String caseNo = TestCases.awaitingDispatcher(hub(), db, "<script>x</script>");
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.HELP, null, "t-water",
                List.of("t-town"), "rule:test"));

        HttpAnswer answer = staff.get("/cases/" + caseNo);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).doesNotContain("<script>x</script>", "13812345678");
        Document page = Jsoup.parse(answer.text());
        assertThat(page.select("#case-status").text()).isEqualTo("已交办");
        assertThat(page.select("#case-content").text()).contains("<script>x</script>");
        assertThat(page.select("#intakes").text()).contains("热线", "138****5678");
        assertThat(page.select("#slip-" + caseNo + "-1").text()).contains("测试水务局", "主办");
        assertThat(page.select("#slip-" + caseNo + "-2").text()).contains("协办");
        assertThat(page.select("#events td.code").eachText()).containsSubsequence("registered", "dispatched");
    }

    @Test
    void aDispatcherMergesACaseIntoAnotherOnItsPageAndSplitsTheIntakeOffAgain() {
        String kept = TestCases.awaitingDispatcher(hub(), db, "");
        String repeat = TestCases.awaitingDispatcher(hub(), db, "");
        HttpAnswer page = staff.get("/cases/" + repeat);
        String csrf = PageSession.hidden(page, PageSession.CSRF);

        HttpAnswer itself = staff.postForm("/cases/" + repeat + "/merge", Map.of(PageSession.CSRF, csrf, "into", repeat));
        assertThat(itself.header("Location")).endsWith("/cases/" + repeat);
        assertThat(Jsoup.parse(staff.get("/cases/" + repeat).text()).select("#refused").text()).contains("itself");

        HttpAnswer merged = staff.postForm("/cases/" + repeat + "/merge", Map.of(PageSession.CSRF, csrf,
                "into", kept, "note", "同一件事"));
        assertThat(merged.header("Location")).endsWith("/cases/" + kept);
        Document target = Jsoup.parse(staff.get("/cases/" + kept).text());
        assertThat(target.select("#changed").text()).contains(repeat);
        assertThat(db.queryForObject("select status || ' ' || merged_into from citizen_case where case_no = ?",
                String.class, repeat)).isEqualTo("MERGED " + kept);
        assertThat(db.queryForObject("select actor from case_event where case_no = ? and action = 'merged'",
                String.class, repeat)).isEqualTo("user:admin");

        // the moved intake has a split button on the kept case's page; the first intake has none
        assertThat(target.select("form[id^=split-]")).hasSize(1);
        String intakeId = target.select("form[id^=split-] input[name=intakeId]").attr("value");
        HttpAnswer split = staff.postForm("/cases/" + kept + "/split", Map.of(PageSession.CSRF, csrf,
                "intakeId", intakeId));
        assertThat(split.header("Location")).endsWith("/cases/" + kept);
        String newCase = db.queryForObject("select case_no from case_intake where id = ?", String.class,
                Long.valueOf(intakeId));
        assertThat(newCase).isNotIn(kept, repeat);
        assertThat(Jsoup.parse(staff.get("/cases/" + kept).text()).select("#changed").text()).contains(newCase);
    }

    @Test
    void deskStaffSeeCasesButDoNotMergeThem() {
        String caseNo = TestCases.awaitingDispatcher(hub(), db, "");
        users.create("desk-cases", "desk-pass-1", "接待员", List.of("DESK"));
        PageSession desk = PageSession.loggedIn(port, "desk-cases", "desk-pass-1");
        HttpAnswer page = desk.get("/cases/" + caseNo);
        assertThat(page.status()).isEqualTo(200);
        assertThat(Jsoup.parse(page.text()).select("#merge")).isEmpty();
        assertThat(desk.postForm("/cases/" + caseNo + "/merge", Map.of(PageSession.CSRF,
                PageSession.hidden(page, PageSession.CSRF), "into", "1")).status()).isEqualTo(403);
    }

    @Test
    void anUnknownCaseIsNotFoundAndStrangersMustLogIn() {
        assertThat(staff.get("/cases/1999999999").status()).isEqualTo(404);
        assertThat(new PageSession(port).get("/cases?caseNo=1").status()).isEqualTo(302);
    }
}
