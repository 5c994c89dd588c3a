package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubClient;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestDepartments;
import org.springframework.beans.factory.annotation.Autowired;


/** Citizens follow their case at /query with its number and query code, without a login. */
@LianxinTest
class QueryPageTest extends HubTestSupport {

    @Autowired
    ProducerTemplate camel;

    HttpAnswer query(String caseNo, String code) {
        return hub().get("/query?caseNo=" + caseNo + "&queryCode=" + URLEncoder.encode(code, StandardCharsets.UTF_8),
                "Accept", "text/html");
    }

    @Test
    void theRightCodeShowsThePublicTimelineAndNothingPrivate() {
        TestDepartments.ensure(db);
        String caseNo = TestCases.awaitingDispatcher(hub(), db, "<script>alert(1)</script>");
        String code = db.queryForObject("select query_code from citizen_case where case_no = ?", String.class, caseNo);
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.COMPLAINT, "market", "t-water",
                List.of(), "rule:test"));
        camel.sendBodyAndHeaders("direct:slip-answer", new DepartmentMessage(caseNo + "-1",
                Optional.of(AnswerKind.SIGN), ""), Map.of("senderKind", "mobile", "sender", "13900009001"));

        camel.sendBodyAndHeaders("direct:slip-answer", new DepartmentMessage(caseNo + "-1",
                Optional.of(AnswerKind.FINAL), "经查，占道摊位已清理。"), Map.of("senderKind", "mobile", "sender", "13900009001"));

        HttpAnswer page = query(caseNo, " " + code.toLowerCase() + " ");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(caseNo, "诉求已受理", "已交由测试水务局办理", "承办单位已签收", "测试水务局办结答复", "经查，占道摊位已清理。",
                "&lt;script&gt;alert(1)&lt;/script&gt;我有个情况");
        assertThat(page.text()).doesNotContain("<script>alert", "13812345678", "138****5678", "rule:test",
                "not-found");
    }

    @Test
    void aWrongCodeShowsNothingOfTheCase() {
        String body = "{\"recordId\":\"QP-" + UUID.randomUUID() + "\",\"content\":\"独一无二的诉求内容甲乙丙\"}";
        String caseNo = hub().postJson("/api/hotline/calls", body, "X-Api-Key", HOTLINE_KEY).json()
                .get("results").get(0).get("caseNo").asText();

        HttpAnswer wrong = query(caseNo, "ZZZZZZZZ");
        HttpAnswer unknown = query("1999000001", "ZZZZZZZZ");

        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.text()).contains("id=\"not-found\"").doesNotContain("独一无二的诉求内容甲乙丙");
        assertThat(unknown.text()).contains("id=\"not-found\"");
        assertThat(hub().get("/query", "Accept", "text/html").text()).doesNotContain("id=\"not-found\"");
    }
}
