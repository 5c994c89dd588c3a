package org.lianxin.repeats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianxin.repeats.RepeatFixtures.call;
import static org.lianxin.repeats.RepeatFixtures.open311;
import static org.lianxin.repeats.RepeatFixtures.phone;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestEnvironment;
import org.lianxin.support.WithoutTriage;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Repeats found by their text, with no phone and no place in common: a web message posted again through another
 * channel joins its case; another problem on the same street does not; the same words about another place do not
 * join, and are offered to staff on the new case's page.
 */
@LianxinTest
@WithoutTriage
@TestPropertySource(properties = "lianxin.repeats.enabled=true")
class RepeatTextTest extends HubTestSupport {

    static final String COMPLAINT = "我是%s的住户，小区北门外的排水沟堵了半个多月，污水漫到路面上，臭气熏天，蚊虫很多，"
            + "老人孩子出门都要绕着走，找过物业和社区都说不归他们管，希望有关部门尽快派人疏通。";
    static final String OTHER_PROBLEM = "我是%s的住户，小区里的电梯三天两头坏，上周又把人关在里面半个小时，物业只会说在联系厂家，"
            + "到现在也没有修好，请有关部门督促物业彻底检修电梯，保障居民安全。";

    static String estate() {
        return "锦绣家园" + ThreadLocalRandom.current().nextInt(100, 1_000_000) + "期";
    }

    JsonNode portal(String description) {
        HttpAnswer answer = open311(hub(), phone(), "", description);
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer.json().get(0);
    }

    @Test
    void aWebMessagePostedAgainThroughTheHotlineJoinsItsCase() {
        String text = COMPLAINT.formatted(estate());
        String caseNo = portal(text).get("service_request_id").asText();

        JsonNode again = call(hub(), phone(), null, "再次反映：" + text.replace("，", ", ") + "至今没有解决。");

        assertThat(again.get("status").asText()).isEqualTo("repeat");
        assertThat(again.get("caseNo").asText()).isEqualTo(caseNo);
        assertThat(db.queryForObject("select note from case_event where case_no = ? and action = 'repeat-joined'",
                String.class, caseNo)).contains("同一留言再次提交", "hotline");
    }

    @Test
    void anotherProblemOnTheSameEstateMakesACaseOfItsOwn() {
        String estate = estate();
        String caseNo = portal(COMPLAINT.formatted(estate)).get("service_request_id").asText();

        JsonNode other = call(hub(), phone(), null, OTHER_PROBLEM.formatted(estate));

        assertThat(other.get("status").asText()).isEqualTo("created");
        assertThat(other.get("caseNo").asText()).isNotEqualTo(caseNo);
        assertThat(db.queryForObject("select count(*) from possible_repeat where case_no = ?", Long.class,
                other.get("caseNo").asText())).isZero();
    }

    @Test
    void theSameWordsAboutAnotherEstateAreOfferedNotJoined() {
        String caseNo = portal(COMPLAINT.formatted(estate())).get("service_request_id").asText();

        JsonNode nearMiss = call(hub(), phone(), null, COMPLAINT.formatted(estate()));

        assertThat(nearMiss.get("status").asText()).isEqualTo("created");
        String newCase = nearMiss.get("caseNo").asText();
        assertThat(db.queryForList("select repeat_of from possible_repeat where case_no = ?", String.class, newCase))
                .as("at most three, the most alike first; other tests' estates are alike too").contains(caseNo)
                .hasSizeLessThanOrEqualTo(3);
        PageSession staff = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
        HttpAnswer page = staff.get("/cases/" + newCase);
        assertThat(page.text()).contains("id=\"possible-" + caseNo + "\"", "可能与案件 " + caseNo);
        assertThat(staff.get("/cases/" + caseNo).text()).as("offered on the later case only")
                .doesNotContain("possible-" + newCase);
    }
}
