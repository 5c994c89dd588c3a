package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.cases.SlipLinks;
import org.lianxin.support.BrowserTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestDepartments;
import org.lianxin.support.TestEnvironment;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** The pages as people use them, in a real Chromium: forms, CSRF tokens, redirects and all. */
@LianxinTest
class PagesInBrowserTest extends BrowserTestSupport {

    @Autowired
    ProducerTemplate camel;
    @Autowired
    SlipLinks links;

    String caseStatus(String caseNo) {
        return db.queryForObject("select status from citizen_case where case_no = ?", String.class, caseNo);
    }

    @Test
    void deskStaffRegisterAWalkInAndTheCitizenFindsItWithTheReceiptsCode() {
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD).open("/desk")
                .type("name", "王建国").type("phone", "139 0013 9000").type("address", "城关镇幸福路8号")
                .choose(By.id("category"), "environment")
                .type("content", "小区门口垃圾站三天没有清运，气味很大，希望尽快处理。");
        browser.submit(By.cssSelector("#petition button[type=submit]"));
        browser.waitUntil(d -> d.getCurrentUrl().contains("/desk/receipt/"));

        String caseNo = browser.text(By.id("case-no"));
        String queryCode = browser.text(By.id("query-code"));
        assertThat(browser.text(By.id("content"))).contains("垃圾站三天没有清运");
        assertThat(db.queryForObject("select citizen_phone from case_intake where case_no = ? and channel = 'desk'",
                String.class, caseNo)).isEqualTo("13900139000");

        browser.open("/query").type("caseNo", caseNo).type("queryCode", "WRONG234");
        browser.submit(By.cssSelector(".query-form button[type=submit]"));
        assertThat(browser.find(By.id("not-found")).isDisplayed()).isTrue();
        assertThat(browser.present(By.id("case"))).isFalse();

        browser.type("caseNo", caseNo).type("queryCode", queryCode.toLowerCase());
        browser.submit(By.cssSelector(".query-form button[type=submit]"));
        assertThat(browser.text(By.id("case"))).contains(caseNo, "垃圾站三天没有清运").doesNotContain("13900139000");
        assertThat(browser.text(By.id("timeline"))).isNotBlank();
    }

    @Test
    void aDispatcherSendsAWaitingCaseToItsDepartmentsFromTheTriagePage() {
        TestDepartments.ensure(db);
        String caseNo = TestCases.awaitingDispatcher(hub(), db, "");
        browser.logIn("admin", TestEnvironment.ADMIN_PASSWORD).open("/triage");
        String form = "#case-" + caseNo + " form.dispatch ";
        browser.choose(By.cssSelector(form + "select[name=requestType]"), "HELP")
                .choose(By.cssSelector(form + "select[name=lead]"), "t-water");
        browser.submit(By.cssSelector(form + "button[type=submit]"));

        assertThat(browser.text(By.id("dispatched"))).contains(caseNo);
        assertThat(browser.present(By.id("case-" + caseNo))).isFalse();
        assertThat(caseStatus(caseNo)).isEqualTo("DISPATCHED");
        assertThat(db.queryForList("select department_id || ':' || role from slip where case_no = ?", String.class,
                caseNo)).containsExactly("t-water:LEAD");

        // and finds it again: search by number, open the case page from the result
        browser.open("/cases").type("caseNo", caseNo);
        browser.submit(By.cssSelector("#case-search button[type=submit]"));
        browser.find(By.linkText(caseNo)).click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/cases/" + caseNo));
        assertThat(browser.text(By.id("slip-" + caseNo + "-1"))).contains("测试水务局", "主办");
        assertThat(browser.text(By.id("events"))).contains("dispatched");
    }

    @Test
    void aDepartmentSignsForAndAnswersOnTheReplyPageAndTheCitizenSeesTheAnswer() {
        TestDepartments.ensure(db);
        String caseNo = TestCases.awaitingDispatcher(hub(), db, "");
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.HELP, null, "t-water",
                List.of(), "rule:test"));
        String token = links.token(caseNo + "-1", "t-water", Instant.now().plus(1, ChronoUnit.DAYS));

        browser.open("/reply/" + token).choose(By.id("kind"), "SIGN");
        browser.submit(By.cssSelector("#answer button[type=submit]"));
        assertThat(browser.text(By.id("done"))).isNotBlank();
        assertThat(caseStatus(caseNo)).isEqualTo("SIGNED");

        browser.choose(By.id("kind"), "FINAL").type("text", "已更换灯泡，路灯恢复照明。");
        browser.submit(By.cssSelector("#answer button[type=submit]"));
        assertThat(browser.text(By.id("done"))).isNotBlank();
        assertThat(caseStatus(caseNo)).isEqualTo("REPLIED");

        String queryCode = db.queryForObject("select query_code from citizen_case where case_no = ?", String.class,
                caseNo);
        browser.open("/query?caseNo=" + caseNo + "&queryCode=" + queryCode);
        assertThat(browser.text(By.id("case"))).contains("已更换灯泡，路灯恢复照明。");
    }
}
