package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lianxin.support.PageSession.CSRF;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.dispatch.SmsRefs;
import org.lianxin.reply.AnswerKind;
import org.lianxin.reply.DepartmentMessage;
import org.lianxin.security.StaffUsers;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestDepartments;
import org.lianxin.support.TestSupervisors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * With review (审核) the lead's final answers and explanations wait for a supervisor: citizens see them only once
 * approved; an answer sent back is never published and its slip goes back to the department, which is told why.
 * The only test context with review enabled.
 */
@LianxinTest
@TestPropertySource(properties = "lianxin.review.enabled=true")
class ReviewsPageTest extends HubTestSupport {

    static final String SMS = "13900009001";

    @Autowired
    ProducerTemplate camel;
    @Autowired
    StaffUsers users;
    @Autowired
    SmsRefs smsRefs;
    @Value("${lianxin.data-dir}")
    Path dataDir;

    String caseNo;
    String slipNo;
    String queryCode;
    PageSession supervisor;

    @BeforeEach
    void dispatchedAndSignedFor() {
        TestDepartments.ensure(db);
        caseNo = TestCases.awaitingDispatcher(hub(), db, "");
        queryCode = db.queryForObject("select query_code from citizen_case where case_no = ?", String.class, caseNo);
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.COMPLAINT, "market", "t-water",
                List.of(), "rule:test"));
        slipNo = caseNo + "-1";
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryForObject("select count(*) from slip_delivery "
                + "where slip_no = ? and status = 'ACCEPTED'", Long.class, slipNo) == 3);
        answer(AnswerKind.SIGN, "");
        supervisor = TestSupervisors.loggedIn(port, db, users);
    }

    void answer(AnswerKind kind, String text) {
        camel.sendBodyAndHeaders("direct:slip-answer", new DepartmentMessage(slipNo, Optional.of(kind), text),
                Map.of("senderKind", "mobile", "sender", SMS));
    }

    String query() {
        return hub().get("/query?caseNo=" + caseNo + "&queryCode=" + URLEncoder.encode(queryCode,
                StandardCharsets.UTF_8), "Accept", "text/html").text();
    }

    String caseStatus() {
        return db.queryForObject("select status from citizen_case where case_no = ?", String.class, caseNo);
    }

    String slipStatus() {
        return db.queryForObject("select status from slip where slip_no = ?", String.class, slipNo);
    }

    String pendingRef() {
        return db.queryForObject("select ref from case_answer where slip_no = ? and decision = 'PENDING'",
                String.class, slipNo);
    }

    HttpAnswer post(String path, String... fields) {
        HttpAnswer page = supervisor.get("/supervision/reviews");
        Map<String, String> form = new java.util.HashMap<>(Map.of(CSRF, PageSession.hidden(page, CSRF)));
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        HttpAnswer answer = supervisor.postForm(path, form);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        return supervisor.get("/supervision/reviews");
    }

    @Test
    void aFinalAnswerIsPublishedOnlyOnceApproved() {
        answer(AnswerKind.FINAL, "经查，占道摊位已清理。");

        assertThat(caseStatus()).isEqualTo("IN_REVIEW");
        assertThat(slipStatus()).isEqualTo("ANSWERED");
        assertThat(query()).contains("承办单位已签收").doesNotContain("经查，占道摊位已清理。", "办结答复");
        String ref = pendingRef();
        HttpAnswer page = supervisor.get("/supervision/reviews");
        assertThat(page.text()).contains("id=\"answer-" + ref + "\"", "经查，占道摊位已清理。", "测试水务局");

        HttpAnswer approved = post("/supervision/reviews/" + ref + "/approve");
        assertThat(approved.text()).contains("id=\"done\"").doesNotContain("id=\"answer-" + ref + "\"");
        assertThat(caseStatus()).isEqualTo("REPLIED");
        assertThat(query()).contains("测试水务局办结答复", "经查，占道摊位已清理。");
        assertThat(db.queryForMap("select from_status, to_status, actor from case_event where case_no = ? "
                + "and action = 'answer-approved'", caseNo)).containsEntry("from_status", "IN_REVIEW")
                .containsEntry("to_status", "REPLIED").containsEntry("actor", "user:" + TestSupervisors.USERNAME);
        Object publishedAt = db.queryForObject("select published_at from case_answer where ref = ?", Object.class, ref);
        assertThat(publishedAt).isNotNull();

        // Approved twice: once.
        assertThat(post("/supervision/reviews/" + ref + "/approve").text()).contains("id=\"decided-before\"");
        assertThat(db.queryForObject("select count(*) from case_event where case_no = ? and action = 'answer-approved'",
                Long.class, caseNo)).isEqualTo(1);
        assertThat(db.queryForObject("select published_at from case_answer where ref = ?", Object.class, ref))
                .isEqualTo(publishedAt);
    }

    @Test
    void anAnswerSentBackIsNeverPublishedAndTheDepartmentAnswersAgain() throws Exception {
        answer(AnswerKind.PROGRESS, "已约谈摊主，本周内清理。");
        answer(AnswerKind.FINAL, "已处理。");
        String ref = pendingRef();

        HttpAnswer noReason = post("/supervision/reviews/" + ref + "/send-back", "reason", "");
        assertThat(noReason.text()).contains("id=\"failure\"", "reason: required");
        assertThat(caseStatus()).isEqualTo("IN_REVIEW");

        HttpAnswer sentBack = post("/supervision/reviews/" + ref + "/send-back", "reason", "答复过于简单，请写明处理结果");
        assertThat(sentBack.text()).contains("id=\"done\"").doesNotContain("id=\"answer-" + ref + "\"");
        assertThat(slipStatus()).isEqualTo("SIGNED");
        assertThat(caseStatus()).as("its progress was published").isEqualTo("IN_PROGRESS");
        assertThat(db.queryForMap("select decision, decision_note, published_at from case_answer where ref = ?", ref))
                .containsEntry("decision", "SENT_BACK").containsEntry("decision_note", "答复过于简单，请写明处理结果")
                .containsEntry("published_at", null);
        assertThat(db.queryForObject("select note from case_event where case_no = ? and action = 'answer-sent-back'",
                String.class, caseNo)).isEqualTo("答复过于简单，请写明处理结果");
        assertThat(query()).contains("已约谈摊主，本周内清理。").doesNotContain("已处理。");
        Path notice = dataDir.resolve("outbox/sms/" + smsRefs.ref(slipNo, "sms", SMS) + ".answer-sent-back-" + ref
                + ".txt");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(notice));
        assertThat(Files.readString(notice)).contains(slipNo, "办结答复经审核退回", "答复过于简单，请写明处理结果");
        // Approving it afterwards publishes nothing.
        assertThat(post("/supervision/reviews/" + ref + "/approve").text()).contains("id=\"decided-before\"");
        assertThat(db.queryForObject("select published_at from case_answer where ref = ?", Object.class, ref)).isNull();

        // The department answers again, and that answer is reviewed in turn.
        answer(AnswerKind.FINAL, "占道摊位已全部清理，并设立巡查岗。");
        assertThat(caseStatus()).isEqualTo("IN_REVIEW");
        post("/supervision/reviews/" + pendingRef() + "/approve");
        assertThat(caseStatus()).isEqualTo("REPLIED");
        assertThat(query()).contains("占道摊位已全部清理，并设立巡查岗。").doesNotContain("已处理。");
    }

    @Test
    void anExplanationIsReviewedTooAndProgressIsNot() {
        answer(AnswerKind.PROGRESS, "正在核实。");
        assertThat(query()).contains("正在核实。");
        answer(AnswerKind.EXPLANATION, "经核实，反映情况不属实。");
        assertThat(caseStatus()).isEqualTo("IN_REVIEW");
        assertThat(query()).doesNotContain("经核实，反映情况不属实。");

        post("/supervision/reviews/" + pendingRef() + "/approve");
        assertThat(caseStatus()).isEqualTo("EXPLAINED");
        assertThat(query()).contains("经核实，反映情况不属实。");
    }
}
