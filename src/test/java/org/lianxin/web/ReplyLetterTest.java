package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
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
import org.lianxin.support.TestEnvironment;
import org.springframework.beans.factory.annotation.Autowired;

/** The reply letter (答复意见书) the desk prints for a walk-in petitioner once the lead's answer is published. */
@LianxinTest
class ReplyLetterTest extends HubTestSupport {

    static final String NAME = "李<i>秀</i>兰";
    static final String CONTENT = "<script>alert('x')</script>" + TestCases.UNPLACEABLE;
    static final String PROGRESS = "已安排河道保洁队伍，本周内清理。";
    static final String ANSWER = "经查，河道垃圾已于11月20日全部清理完毕，今后每周巡查两次。";
    static final String WATER_MOBILE = "13900009001";

    @Autowired
    ProducerTemplate camel;
    @Autowired
    StaffUsers staff;

    PageSession desk;

    @BeforeEach
    void deskStaff() {
        TestDepartments.ensure(db);
        desk = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
    }

    /** A walk-in petition registered at the desk and dispatched to t-water by hand; its case number. */
    String walkInDispatched() {
        Map<String, String> fields = new java.util.HashMap<>(DeskPageTest.petition(CONTENT));
        fields.put("name", NAME);
        // Nothing the triage rules could place: the case waits for a dispatcher, as TestCases' cases do.
        fields.put("category", "");
        fields.put("address", "");
        String caseNo = TestCases.awaitDispatcher(db,
                DeskPageTest.caseNoOf(desk.postForm("/desk", DeskPageTest.filledIn(desk.get("/desk"), fields))));
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.COMPLAINT, "environment",
                "t-water", List.of(), "rule:test"));
        return caseNo;
    }

    void answer(String caseNo, AnswerKind kind, String text) {
        camel.sendBodyAndHeaders("direct:slip-answer", new DepartmentMessage(caseNo + "-1", Optional.of(kind), text),
                Map.of("senderKind", "mobile", "sender", WATER_MOBILE));
    }

    String answered() {
        String caseNo = walkInDispatched();
        answer(caseNo, AnswerKind.SIGN, "");
        answer(caseNo, AnswerKind.PROGRESS, PROGRESS);
        answer(caseNo, AnswerKind.FINAL, ANSWER);
        return caseNo;
    }

    String queryCode(String caseNo) {
        return db.queryForObject("select query_code from citizen_case where case_no = ?", String.class, caseNo);
    }

    @Test
    void thePrintViewShowsTheAnswerToTheWalkInPetitionerWithCitizenTextEscaped() {
        String caseNo = answered();

        HttpAnswer letter = desk.get("/desk/cases/" + caseNo + "/letter");

        assertThat(letter.status()).as(letter.toString()).isEqualTo(200);
        assertThat(letter.text()).contains("某某县信访事项答复意见书", caseNo, queryCode(caseNo), "测试水务局", ANSWER,
                PROGRESS, "办理过程", "请求复查", "/query", "window.print()", "/desk/cases/" + caseNo + "/letter.pdf",
                "李&lt;i&gt;秀&lt;/i&gt;兰：", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;我有个情况")
                .doesNotContain("<script>alert", "<i>秀", "13800138000");
        assertThat(desk.get("/cases/" + caseNo).text()).as("the case page leads to it")
                .contains("id=\"letter-link\"", "href=\"/desk/cases/" + caseNo + "/letter\"");
    }

    @Test
    void thePdfIsTheSameLetterWithItsChineseTextInAnEmbeddedFont() throws IOException {
        String caseNo = answered();

        HttpAnswer pdf = desk.get("/desk/cases/" + caseNo + "/letter.pdf");

        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.header("Content-Disposition")).startsWith("inline").contains(caseNo + ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).contains(caseNo, ANSWER, PROGRESS, "李<i>秀</i>兰", "测试水务局", queryCode(caseNo),
                    "答复意见书");
            assertThat(fonts(document)).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded())
                    .as(font.getName()).isTrue());
        }
    }

    @Test
    void aCaseWithoutAPublishedAnswerHasNoLetterYetAndSaysSo() {
        String caseNo = walkInDispatched();
        answer(caseNo, AnswerKind.SIGN, "");
        answer(caseNo, AnswerKind.PROGRESS, PROGRESS);

        for (String path : List.of("/letter", "/letter.pdf")) {
            HttpAnswer none = desk.get("/desk/cases/" + caseNo + path);
            assertThat(none.status()).as(path).isEqualTo(404);
            assertThat(none.text()).as(path).contains("id=\"no-letter\"", "案件 " + caseNo + " 尚无已公开的答复意见")
                    .doesNotContain(PROGRESS);
        }
        assertThat(desk.get("/cases/" + caseNo).text()).contains(PROGRESS).doesNotContain("id=\"letter-link\"");
        HttpAnswer unknown = desk.get("/desk/cases/1999000000/letter");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).contains("未找到案件 1999000000");
    }

    @Test
    void theDeskFindsALetterByCaseNumber() {
        HttpAnswer form = desk.get("/desk");
        assertThat(form.text()).contains("id=\"find-letter\"", "action=\"/desk/letter\"");

        HttpAnswer found = desk.get("/desk/letter?caseNo=+2026000123+");
        assertThat(found.status()).isEqualTo(302);
        assertThat(found.header("Location")).endsWith("/desk/cases/2026000123/letter");
        assertThat(desk.get("/desk/letter?caseNo=").header("Location")).endsWith("/desk");
    }

    @Test
    void onlyDeskStaffSeeLetters() {
        String caseNo = answered();
        PageSession anonymous = new PageSession(port);
        String username = "disp-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "dispatcher-password", "交办员", List.of("DISPATCHER"));
        PageSession dispatcher = PageSession.loggedIn(port, username, "dispatcher-password");

        for (String path : List.of("/letter", "/letter.pdf")) {
            HttpAnswer refused = anonymous.get("/desk/cases/" + caseNo + path);
            assertThat(refused.status()).as(path).isEqualTo(302);
            assertThat(refused.header("Location")).as(path).endsWith("/login");
            HttpAnswer forbidden = dispatcher.get("/desk/cases/" + caseNo + path);
            assertThat(forbidden.status()).as(path).isEqualTo(403);
            assertThat(forbidden.text()).as(path).doesNotContain(ANSWER);
        }
    }

    static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
        }
        return fonts;
    }
}
