package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianxin.support.PageSession.CSRF;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.cases.SlipLinks;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestDepartments;
import org.springframework.beans.factory.annotation.Autowired;

/** The page behind a slip's signed link: the token is the key, for one slip and one department, until it expires. */
@LianxinTest
class ReplyPageTest extends HubTestSupport {

    @Autowired
    ProducerTemplate camel;
    @Autowired
    SlipLinks links;

    String caseNo;
    String slipNo;

    @BeforeEach
    void dispatched() {
        TestDepartments.ensure(db);
        caseNo = TestCases.awaitingDispatcher(hub(), db, "<i>河边</i>");
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.HELP, null, "t-water",
                List.of("t-town"), "rule:test"));
        slipNo = caseNo + "-1";
    }

    String path(String token) {
        return "/reply/" + token;
    }

    String status() {
        return db.queryForObject("select status from slip where slip_no = ?", String.class, slipNo);
    }

    @Test
    void aValidLinkShowsTheSlipAndSignsForAndReturnsItWithoutALogin() {
        String token = links.token(slipNo, "t-water", Instant.now().plus(1, ChronoUnit.DAYS));
        PageSession clerk = new PageSession(port);

        HttpAnswer page = clerk.get(path(token));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains(slipNo, "测试水务局", "&lt;i&gt;河边&lt;/i&gt;", "138****5678")
                .doesNotContain("13812345678");

        HttpAnswer signed = clerk.postForm(path(token), Map.of(CSRF, PageSession.hidden(page, CSRF), "kind", "SIGN"));
        assertThat(signed.status()).isEqualTo(302);
        assertThat(status()).isEqualTo("SIGNED");
        assertThat(clerk.get(path(token)).text()).contains("id=\"done\"", "已签收");

        HttpAnswer progress = clerk.postForm(path(token), Map.of(CSRF, PageSession.hidden(page, CSRF),
                "kind", "PROGRESS", "text", "已安排河道保洁，周五前清理完毕"));
        assertThat(progress.status()).isEqualTo(302);
        assertThat(db.queryForObject("select status from citizen_case where case_no = ?", String.class, caseNo))
                .isEqualTo("IN_PROGRESS");

        HttpAnswer noReason = clerk.postForm(path(token), Map.of(CSRF, PageSession.hidden(page, CSRF),
                "kind", "RETURN"));
        assertThat(noReason.status()).isEqualTo(302);
        assertThat(status()).isEqualTo("SIGNED");
        assertThat(clerk.get(path(token)).text()).contains("id=\"failure\"");

        HttpAnswer returned = clerk.postForm(path(token), Map.of(CSRF, PageSession.hidden(page, CSRF),
                "kind", "RETURN", "text", "河道保洁属镇政府职责"));
        assertThat(returned.status()).isEqualTo(302);
        assertThat(status()).isEqualTo("RETURNED");
        assertThat(db.queryForObject("select status from citizen_case where case_no = ?", String.class, caseNo))
                .as("the lead gave it back: to the dispatchers").isEqualTo("RETURNED");
        assertThat(db.queryForObject("select return_reason from slip where slip_no = ?", String.class, slipNo))
                .isEqualTo("河道保洁属镇政府职责");
    }

    @Test
    void aTamperedAnExpiredOrAnotherDepartmentsLinkOpensNothing() {
        String token = links.token(slipNo, "t-water", Instant.now().plus(1, ChronoUnit.DAYS));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        String expired = links.token(slipNo, "t-water", Instant.now().minus(1, ChronoUnit.MINUTES));
        String otherDepartment = links.token(slipNo, "t-town", Instant.now().plus(1, ChronoUnit.DAYS));
        PageSession stranger = new PageSession(port);

        for (String bad : List.of(tampered, expired, otherDepartment, "not-a-token")) {
            HttpAnswer page = stranger.get(path(bad));
            assertThat(page.status()).as(bad).isEqualTo(404);
            assertThat(page.text()).doesNotContain("河边");
        }
        HttpAnswer good = stranger.get(path(token));
        HttpAnswer post = stranger.postForm(path(expired), Map.of(CSRF, PageSession.hidden(good, CSRF), "kind",
                "RETURN", "text", "不是我们的"));
        assertThat(post.status()).isEqualTo(404);
        assertThat(status()).isEqualTo("ISSUED");
    }
}
