package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianxin.support.PageSession.CSRF;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianxin.cases.CountyTime;
import org.lianxin.security.StaffUsers;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestEnvironment;
import org.springframework.beans.factory.annotation.Autowired;

@LianxinTest
class DeskPageTest extends HubTestSupport {

    private static final String SUBMISSION_ID = "submissionId";

    @Autowired
    StaffUsers staff;

    PageSession admin() {
        return PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
    }

    /** The desk form as shown, filled in: its CSRF token and submission id, with the given inputs. */
    static Map<String, String> filledIn(HttpAnswer form, Map<String, String> inputs) {
        Map<String, String> fields = new HashMap<>(inputs);
        fields.put(CSRF, PageSession.hidden(form, CSRF));
        fields.put(SUBMISSION_ID, PageSession.hidden(form, SUBMISSION_ID));
        return fields;
    }

    static Map<String, String> petition(String content) {
        return Map.of("name", "李秀兰", "phone", "138-0013-8000", "address", "城关镇建设路12号",
                "category", "environment", "visitors", "", "idNumber", "", "title", "", "content", content);
    }

    static String caseNoOf(HttpAnswer redirect) {
        assertThat(redirect.status()).as(redirect.toString()).isEqualTo(302);
        String location = redirect.header("Location");
        assertThat(location).contains("/desk/receipt/");
        return location.replaceAll(".*/desk/receipt/(\\d+).*", "$1");
    }

    long intakes(String submissionId) {
        return db.queryForObject("select count(*) from case_intake where channel = 'desk' and external_id = ?",
                Long.class, submissionId);
    }

    @Test
    void aPetitionBecomesOneCaseWithAPrintableReceiptShowingTheCitizenTextEscaped() {
        PageSession desk = admin();
        HttpAnswer form = desk.get("/desk");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.text()).contains("来访登记", "环境保护", "name=\"visitors\"");
        String content = "楼下餐馆油烟扰民，晚上十点后仍在营业。\n<script>alert('x')</script>\n第三行：请处理。";
        Map<String, String> fields = filledIn(form, petition(content));

        String caseNo = caseNoOf(desk.postForm("/desk", fields));
        HttpAnswer receipt = desk.get("/desk/receipt/" + caseNo);

        assertThat(receipt.status()).isEqualTo(200);
        assertThat(receipt.contentType()).startsWith("text/html");
        Map<String, Object> stored = db.queryForMap("select * from citizen_case where case_no = ?", caseNo);
        String page = receipt.text();
        assertThat(page).contains(caseNo, (String) stored.get("query_code"), "某某县", "李秀兰", "138****8000",
                "12345", "/query", "window.print()", "短信");
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>alert");
        assertThat(page).doesNotContain("13800138000");
        OffsetDateTime received = db.queryForObject("select received_at from citizen_case where case_no = ?",
                OffsetDateTime.class, caseNo);
        assertThat(page).contains(DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
                .format(received.atZoneSameInstant(CountyTime.ZONE)));

        assertThat(stored.get("content")).isEqualTo(content);
        assertThat(stored.get("category")).isEqualTo("environment");
        Map<String, Object> intake = db.queryForMap("select * from case_intake where case_no = ?", caseNo);
        assertThat(intake.get("channel")).isEqualTo("desk");
        assertThat(intake.get("external_id")).isEqualTo(fields.get(SUBMISSION_ID));
        assertThat(intake.get("operator_id")).isEqualTo("admin");
        assertThat(intake.get("address")).isEqualTo("城关镇建设路12号");
        assertThat(intake.get("visitors")).isNull();
        assertThat(queue.messagesFor(caseNo)).hasSize(1);
    }

    @Test
    void submittingTheSameFormAgainShowsTheSameCaseAndRegistersNothingMore() {
        PageSession desk = admin();
        Map<String, String> fields = filledIn(desk.get("/desk"), petition("村口桥梁护栏损坏，存在安全隐患。"));

        HttpAnswer firstAnswer = desk.postForm("/desk", fields);
        HttpAnswer againAnswer = desk.postForm("/desk", fields);
        String first = caseNoOf(firstAnswer);
        String again = caseNoOf(againAnswer);

        assertThat(again).isEqualTo(first);
        assertThat(firstAnswer.header("Location")).doesNotContain("duplicate");
        assertThat(desk.get("/desk/receipt/" + first).text()).doesNotContain("未重复登记");
        assertThat(desk.get(againAnswer.header("Location").replaceFirst("^https?://[^/]+", "")).text())
                .contains("未重复登记", first);
        assertThat(intakes(fields.get(SUBMISSION_ID))).isEqualTo(1);
        assertThat(queue.messagesFor(first)).hasSize(1);
        // A new form is a new petition.
        assertThat(PageSession.hidden(desk.get("/desk"), SUBMISSION_ID)).isNotEqualTo(fields.get(SUBMISSION_ID));
    }

    @Test
    void aMissingOrInvalidPhoneShowsTheFormAgainWithTheErrorAndTheInputKeptAndStoresNothing() {
        PageSession desk = admin();
        Map<String, String> fields = filledIn(desk.get("/desk"), petition("路灯坏了 <b>三天</b>"));
        String submissionId = fields.get(SUBMISSION_ID);

        fields.put("phone", "");
        HttpAnswer missing = desk.postForm("/desk", fields);
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.text()).containsPattern("id=\"phone-error\"[^>]*>请填写联系电话")
                .contains("value=\"李秀兰\"", "路灯坏了 &lt;b&gt;三天&lt;/b&gt;", "登记未提交")
                .doesNotContain("<b>三天");
        assertThat(PageSession.hidden(missing, SUBMISSION_ID)).isEqualTo(submissionId);

        fields.put("phone", "12ab");
        fields.put(CSRF, PageSession.hidden(missing, CSRF));
        HttpAnswer invalid = desk.postForm("/desk", fields);
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.text()).containsPattern("id=\"phone-error\"[^>]*>联系电话不是有效的手机号码或固定电话号码")
                .contains("value=\"12ab\"");
        assertThat(intakes(submissionId)).isZero();

        // Corrected, the same form registers the petition once.
        fields.put("phone", "0571-87654321");
        String caseNo = caseNoOf(desk.postForm("/desk", fields));
        assertThat(intakes(submissionId)).isEqualTo(1);
        assertThat(db.queryForObject("select citizen_phone from citizen_case where case_no = ?", String.class, caseNo))
                .isEqualTo("057187654321");
    }

    @Test
    void otherBadInputNamesItsFieldInChineseAndEnglishWhenAsked() {
        PageSession desk = admin();
        Map<String, String> fields = filledIn(desk.get("/desk"), petition("   "));
        assertThat(desk.postForm("/desk", fields).text()).containsPattern("id=\"content-error\"[^>]*>请填写诉求内容");

        fields.put("content", "集体反映拖欠工资");
        fields.put("visitors", "很多");
        HttpAnswer english = desk.postForm("/desk", fields, "Accept-Language", "en");
        assertThat(english.text()).containsPattern("id=\"visitors-error\"[^>]*>The number of visitors must be")
                .contains("Walk-in petition");

        fields.remove(SUBMISSION_ID);
        fields.put("visitors", "30");
        HttpAnswer noId = desk.postForm("/desk", fields);
        assertThat(noId.text()).contains("登记表已失效");
        assertThat(PageSession.hidden(noId, SUBMISSION_ID)).isNotBlank();
    }

    @Test
    void theDeskNeedsALoginAndACsrfToken() {
        PageSession anonymous = new PageSession(port);
        HttpAnswer desk = anonymous.get("/desk");
        assertThat(desk.status()).isEqualTo(302);
        assertThat(desk.header("Location")).endsWith("/login");
        assertThat(anonymous.get("/login").text()).contains("工作人员登录", "name=\"password\"");

        PageSession admin = admin();
        Map<String, String> fields = filledIn(admin.get("/desk"), petition("没有令牌的提交"));
        fields.remove(CSRF);
        assertThat(admin.postForm("/desk", fields).status()).isEqualTo(403);
        assertThat(intakes(fields.get(SUBMISSION_ID))).isZero();
    }

    @Test
    void homeShowsWhoIsLoggedInAndLogoutEndsTheSession() {
        PageSession admin = admin();
        HttpAnswer home = admin.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.text()).contains("当前登录：admin", "href=\"/desk\"", "action=\"/logout\"");

        HttpAnswer logout = admin.postForm("/logout", Map.of(CSRF, PageSession.hidden(home, CSRF)));
        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.header("Location")).endsWith("/login?logout");
        assertThat(admin.get("/desk").status()).isEqualTo(302);
    }

    @Test
    void aDispatcherMayNotUseTheDesk() {
        String username = "disp-" + UUID.randomUUID().toString().substring(0, 8);
        staff.create(username, "dispatcher-password", "交办员", List.of("DISPATCHER"));
        PageSession dispatcher = PageSession.loggedIn(port, username, "dispatcher-password");

        HttpAnswer home = dispatcher.get("/");
        assertThat(home.text()).contains("当前登录：" + username).doesNotContain("href=\"/desk\"");
        HttpAnswer desk = dispatcher.get("/desk");
        assertThat(desk.status()).isEqualTo(403);
        assertThat(desk.text()).contains("您没有访问此页面的权限");

        String submissionId = UUID.randomUUID().toString();
        Map<String, String> fields = new HashMap<>(petition("交办员不能登记"));
        fields.put(SUBMISSION_ID, submissionId);
        fields.put(CSRF, PageSession.hidden(home, CSRF));
        assertThat(dispatcher.postForm("/desk", fields).status()).isEqualTo(403);
        assertThat(intakes(submissionId)).isZero();
    }

    @Test
    void anUnknownCaseHasNoReceipt() {
        HttpAnswer receipt = admin().get("/desk/receipt/1999000000");
        assertThat(receipt.status()).isEqualTo(404);
        assertThat(receipt.text()).contains("不存在");
    }
}
