package org.lianxin.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestDepartments;
import org.springframework.beans.factory.annotation.Autowired;

/** A department signs for its slip (签收) or returns it (退单) by a message from one of its own addresses. */
@LianxinTest
class SignForAndReturnTest extends HubTestSupport {

    @Autowired
    ProducerTemplate camel;

    String caseNo;

    @BeforeEach
    void dispatchedCase() {
        TestDepartments.ensure(db);
        caseNo = TestCases.awaitingDispatcher(hub(), db, "");
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.REPORT, "environment",
                "t-water", List.of("t-town"), "rule:test"));
    }

    void send(AnswerKind kind, String slipNo, String text, String senderKind, String sender) {
        camel.sendBodyAndHeaders("direct:slip-answer", new DepartmentMessage(slipNo, Optional.of(kind), text),
                Map.of("senderKind", senderKind, "sender", sender));
    }

    String caseStatus() {
        return db.queryForObject("select status from citizen_case where case_no = ?", String.class, caseNo);
    }

    String slipStatus(String slipNo) {
        return db.queryForObject("select status from slip where slip_no = ?", String.class, slipNo);
    }

    long events(String action) {
        return db.queryForObject("select count(*) from case_event where case_no = ? and action = ?", Long.class,
                caseNo, action);
    }

    @Test
    void theLeadSigningForMovesTheCaseOnceHoweverOftenItSaysSo() {
        send(AnswerKind.SIGN, caseNo + "-1", "", "email", "Water@T.example.cn");
        send(AnswerKind.SIGN, caseNo + "-1", "", "mobile", "+86 139 0000 9001");

        assertThat(slipStatus(caseNo + "-1")).isEqualTo("SIGNED");
        assertThat(caseStatus()).isEqualTo("SIGNED");
        assertThat(events("signed")).isEqualTo(1);
        assertThat(db.queryForObject("select signed_at from slip where slip_no = ?", Object.class, caseNo + "-1"))
                .isNotNull();
    }

    @Test
    void aCoHandlerSigningForLeavesTheCaseAsItIs() {
        send(AnswerKind.SIGN, caseNo + "-2", "", "mobile", "13900009002");

        assertThat(slipStatus(caseNo + "-2")).isEqualTo("SIGNED");
        assertThat(caseStatus()).isEqualTo("DISPATCHED");
    }

    @Test
    void theLeadReturningSendsTheCaseBackToTriageWithTheReason() {
        send(AnswerKind.SIGN, caseNo + "-1", "", "email", "water@t.example.cn");
        send(AnswerKind.RETURN, caseNo + "-1", "河道保洁属镇政府职责", "email", "water2@t.example.cn");

        assertThat(slipStatus(caseNo + "-1")).isEqualTo("RETURNED");
        assertThat(caseStatus()).isEqualTo("RETURNED");
        assertThat(db.queryForObject("select return_reason from slip where slip_no = ?", String.class, caseNo + "-1"))
                .isEqualTo("河道保洁属镇政府职责");
        Map<String, Object> event = db.queryForMap(
                "select * from case_event where case_no = ? and action = 'returned'", caseNo);
        assertThat(event).containsEntry("from_status", "SIGNED").containsEntry("to_status", "RETURNED")
                .containsEntry("note", "河道保洁属镇政府职责");

        // Dispatched again: new slips, and the history keeps both rounds.
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.REPORT, "environment",
                "t-town", List.of(), "user:dispatcher1"));
        assertThat(slipStatus(caseNo + "-3")).isEqualTo("ISSUED");
        assertThat(caseStatus()).isEqualTo("DISPATCHED");
        assertThat(events("dispatched")).isEqualTo(2);

        // The old lead returning its slip again, late, changes nothing: the case stays with its new lead.
        send(AnswerKind.RETURN, caseNo + "-1", "再次退单", "email", "water@t.example.cn");
        assertThat(caseStatus()).isEqualTo("DISPATCHED");
        assertThat(events("returned")).isEqualTo(1);

        // Nor does its late final answer: kept with the case, not public, the case still with its new lead.
        send(AnswerKind.FINAL, caseNo + "-1", "已处理完毕", "email", "water@t.example.cn");
        assertThat(caseStatus()).isEqualTo("DISPATCHED");
        assertThat(db.queryForObject("select public_answer or published_at is not null from case_answer "
                + "where slip_no = ?", Boolean.class, caseNo + "-1")).isFalse();
        // while the new lead's answer answers it
        send(AnswerKind.FINAL, caseNo + "-3", "已清理河道", "mobile", "13900009002");
        assertThat(caseStatus()).isEqualTo("REPLIED");
    }

    @Test
    void theLeadsAnswersMoveTheCaseAndAreKeptAsPublicACoHandlersAreKeptOnly() {
        send(AnswerKind.PROGRESS, caseNo + "-1", "已联系环卫所，本周内清理", "mobile", "13900009001");
        assertThat(caseStatus()).isEqualTo("IN_PROGRESS");
        assertThat(slipStatus(caseNo + "-1")).isEqualTo("SIGNED");
        Map<String, Object> progress = db.queryForMap(
                "select * from case_event where case_no = ? and action = 'progress'", caseNo);
        assertThat(progress).containsEntry("from_status", "DISPATCHED").containsEntry("to_status", "IN_PROGRESS")
                .containsEntry("note", "已联系环卫所，本周内清理");
        assertThat(progress.get("actor").toString()).startsWith("department:t-water");

        send(AnswerKind.FINAL, caseNo + "-2", "协助清理完毕", "mobile", "13900009002");
        assertThat(caseStatus()).isEqualTo("IN_PROGRESS");
        assertThat(slipStatus(caseNo + "-2")).isEqualTo("ANSWERED");

        send(AnswerKind.FINAL, caseNo + "-1", "河道垃圾已清理，并安排每周巡查。", "email", "water@t.example.cn");
        assertThat(caseStatus()).isEqualTo("REPLIED");
        assertThat(slipStatus(caseNo + "-1")).isEqualTo("ANSWERED");
        assertThat(db.queryForList("select kind || ':' || public_answer || ':' || (published_at is not null) from case_answer where case_no = ? order by id",
                String.class, caseNo)).containsExactly("PROGRESS:true:true", "FINAL:false:false", "FINAL:true:true");
    }

    @Test
    void aMessageWithoutKindWordIsKeptOnTheCaseAsItCame() {
        camel.sendBodyAndHeaders("direct:slip-answer", new DepartmentMessage(caseNo + "-1", Optional.empty(),
                "收到，正在处理"), Map.of("senderKind", "mobile", "sender", "13900009001"));

        Map<String, Object> event = db.queryForMap(
                "select * from case_event where case_no = ? and action = 'department-message'", caseNo);
        assertThat(event.get("note")).isEqualTo(caseNo + "-1 收到，正在处理");
        assertThat(caseStatus()).isEqualTo("DISPATCHED");
    }

    @Test
    void aStrangerOrAnotherDepartmentCannotActOnTheSlip() {
        assertThatThrownBy(() -> send(AnswerKind.RETURN, caseNo + "-1", "不是我们的", "email", "someone@qq.com"))
                .rootCause().isInstanceOf(ForeignSenderException.class);
        assertThatThrownBy(() -> send(AnswerKind.SIGN, caseNo + "-1", "", "mobile", "13900009002"))
                .rootCause().isInstanceOf(ForeignSenderException.class);
        assertThatThrownBy(() -> send(AnswerKind.SIGN, caseNo + "-9", "", "mobile", "13900009001"))
                .rootCause().isInstanceOf(UnknownSlipException.class);

        assertThat(slipStatus(caseNo + "-1")).isEqualTo("ISSUED");
        assertThat(caseStatus()).isEqualTo("DISPATCHED");
    }
}
