package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianxin.support.PageSession.CSRF;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.reply.AnswerKind;
import org.lianxin.reply.DepartmentMessage;
import org.lianxin.security.StaffUsers;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestDepartments;
import org.springframework.beans.factory.annotation.Autowired;

/** Dispatchers see the cases the rules could not route, and returned ones, and dispatch them in one action. */
@LianxinTest
class TriagePageTest extends HubTestSupport {

    @Autowired
    StaffUsers users;
    @Autowired
    ProducerTemplate camel;

    PageSession dispatcher() {
        String name = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, "dispatch-pass-1", "交办员", List.of("DISPATCHER"));
        return PageSession.loggedIn(port, name, "dispatch-pass-1");
    }

    @Test
    void aWaitingCaseIsShownWithItsReasonAndDispatchedFromThePage() {
        TestDepartments.ensure(db);
        String caseNo = TestCases.awaitingDispatcher(hub(), db, "<b>紧急</b>");
        PageSession session = dispatcher();

        HttpAnswer page = session.get("/triage");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("id=\"case-" + caseNo + "\"", "待人工分派", "&lt;b&gt;紧急&lt;/b&gt;");

        HttpAnswer done = session.postForm("/triage/" + caseNo, Map.of(CSRF, PageSession.hidden(page, CSRF),
                "requestType", "COMPLAINT", "category", "utilities", "lead", "t-water", "coHandlers", "t-town"));
        assertThat(done.status()).isEqualTo(302);
        HttpAnswer after = session.get("/triage");
        assertThat(after.text()).contains("id=\"dispatched\"").doesNotContain("id=\"case-" + caseNo + "\"");

        Map<String, Object> c = db.queryForMap("select status, request_type, category from citizen_case "
                + "where case_no = ?", caseNo);
        assertThat(c).containsEntry("status", "DISPATCHED").containsEntry("request_type", "COMPLAINT")
                .containsEntry("category", "utilities");
        assertThat(db.queryForList("select department_id || ':' || role from slip where case_no = ? order by slip_no",
                String.class, caseNo)).containsExactly("t-water:LEAD", "t-town:CO");
        assertThat(db.queryForObject("select actor from case_event where case_no = ? and action = 'dispatched'",
                String.class, caseNo)).startsWith("user:dispatcher-");
    }

    @Test
    void aReturnedCaseComesBackWithTheDepartmentsReasonAndARefusedDispatchSaysWhy() {
        TestDepartments.ensure(db);
        String caseNo = TestCases.awaitingDispatcher(hub(), db, "");
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.HELP, null, "t-water",
                List.of(), "rule:test"));
        camel.sendBodyAndHeaders("direct:slip-answer", new DepartmentMessage(caseNo + "-1",
                Optional.of(AnswerKind.RETURN), "不属于本单位职责"), Map.of("senderKind", "mobile", "sender", "13900009001"));
        PageSession session = dispatcher();

        HttpAnswer page = session.get("/triage");
        assertThat(page.text()).contains("id=\"case-" + caseNo + "\"", "退单：不属于本单位职责");

        session.postForm("/triage/" + caseNo, Map.of(CSRF, PageSession.hidden(page, CSRF), "requestType", "HELP",
                "lead", "t-closed"));
        HttpAnswer refused = session.get("/triage");
        assertThat(refused.text()).contains("id=\"failure\"", "t-closed", "id=\"case-" + caseNo + "\"");
        assertThat(db.queryForObject("select status from citizen_case where case_no = ?", String.class, caseNo))
                .isEqualTo("RETURNED");
    }

    @Test
    void deskStaffMayNotDispatch() {
        String name = "desk-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, "desk-pass-1", "接待员", List.of("DESK"));
        assertThat(PageSession.loggedIn(port, name, "desk-pass-1").get("/triage").status()).isEqualTo(403);
    }
}
