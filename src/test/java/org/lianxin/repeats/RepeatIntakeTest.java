package org.lianxin.repeats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lianxin.repeats.RepeatFixtures.building;
import static org.lianxin.repeats.RepeatFixtures.call;
import static org.lianxin.repeats.RepeatFixtures.files;
import static org.lianxin.repeats.RepeatFixtures.onlyFile;
import static org.lianxin.repeats.RepeatFixtures.open311;
import static org.lianxin.repeats.RepeatFixtures.phone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.PageSession;
import org.lianxin.support.TestDepartments;
import org.lianxin.support.TestEnvironment;
import org.lianxin.support.WithoutTriage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Repeats at intake, through the real channels: a rephrased report of the same matter joins the open case and gets
 * its number back; another matter from the same caller or at the same place, the same matter elsewhere, and a
 * report outside the window make cases of their own. The lead department hears of each repeat once.
 */
@LianxinTest
@WithoutTriage
@TestPropertySource(properties = "lianxin.repeats.enabled=true")
class RepeatIntakeTest extends HubTestSupport {

    static final String STREETLIGHT = "%s门口的路灯坏了一个星期了，晚上一片漆黑，老人出门很不方便。";
    static final String STREETLIGHT_AGAIN = "再反映一次，%s门口的路灯还是坏的，晚上漆黑一片，一直没人来修。";
    static final String FUMES = "%s楼下餐馆油烟太大，熏得窗户都不能开，希望有关部门管一管。";

    @Autowired
    ProducerTemplate camel;
    @Value("${lianxin.data-dir}")
    Path dataDir;

    long casesOf(String phone) {
        return db.queryForObject("select count(distinct case_no) from case_intake where citizen_phone = ?", Long.class,
                phone);
    }

    @Test
    void theSameCallerRephrasingTheSameStreetlightJoinsTheOpenCase() {
        String phone = phone();
        String place = building();
        JsonNode first = call(hub(), phone, place, STREETLIGHT.formatted(place));
        JsonNode again = call(hub(), phone, place, STREETLIGHT_AGAIN.formatted("3号楼"));

        assertThat(first.get("status").asText()).isEqualTo("created");
        assertThat(again.get("status").asText()).isEqualTo("repeat");
        String caseNo = first.get("caseNo").asText();
        assertThat(again.get("caseNo").asText()).isEqualTo(caseNo);
        assertThat(db.queryForObject("select repeat_count from citizen_case where case_no = ?", Integer.class, caseNo))
                .isEqualTo(1);
        List<Map<String, Object>> intakes = db.queryForList(
                "select id, external_id, content from case_intake where case_no = ? order by id", caseNo);
        assertThat(intakes).hasSize(2);
        assertThat(intakes.get(0).get("content")).as("the case's own text is the case's").isNull();
        assertThat(intakes.get(1).get("content")).isEqualTo(STREETLIGHT_AGAIN.formatted("3号楼"));
        Map<String, Object> event = db.queryForMap(
                "select actor, channel, note from case_event where case_no = ? and action = 'repeat-joined'", caseNo);
        assertThat(event.get("channel")).isEqualTo("hotline");
        assertThat((String) event.get("note")).contains("同一来电人", "#" + intakes.get(1).get("id"),
                again.get("recordId").asText(), "累计重复 1 次");

        // The same record sent again is a duplicate of the repeat: nothing more is stored.
        JsonNode resent = RepeatFixtures.post(hub(), Map.of("recordId", again.get("recordId").asText(),
                "callerNumber", phone, "location", place, "content", STREETLIGHT_AGAIN.formatted("3号楼")));
        assertThat(resent.get("status").asText()).isEqualTo("duplicate");
        assertThat(resent.get("caseNo").asText()).isEqualTo(caseNo);
        assertThat(db.queryForObject("select repeat_count from citizen_case where case_no = ?", Integer.class, caseNo))
                .isEqualTo(1);
        // Only the first one went to triage.
        queue.awaitRelayed(caseNo);
        assertThat(queue.browse(caseNo)).hasSize(1);
    }

    @Test
    void anotherMatterFromTheSameCallerOrAtTheSamePlaceIsANewCase() {
        String phone = phone();
        String place = building();
        String streetlight = call(hub(), phone, place, STREETLIGHT.formatted(place)).get("caseNo").asText();

        JsonNode fumesSameCaller = call(hub(), phone, place, FUMES.formatted(place));
        JsonNode fumesNeighbour = call(hub(), phone(), place, FUMES.formatted(place) + "晚上十点还在炒菜。");
        assertThat(fumesSameCaller.get("status").asText()).isEqualTo("created");
        assertThat(fumesSameCaller.get("caseNo").asText()).isNotEqualTo(streetlight);
        // The neighbour's is about the fumes, the same matter as the caller's second: joined to that one.
        assertThat(fumesNeighbour.get("caseNo").asText()).isIn(fumesSameCaller.get("caseNo").asText())
                .isNotEqualTo(streetlight);

        // The same kind of problem somewhere else, from the same caller: a different place, a different case.
        String elsewhere = building();
        JsonNode otherLight = call(hub(), phone, elsewhere, STREETLIGHT.formatted(elsewhere));
        assertThat(otherLight.get("status").asText()).isEqualTo("created");
        assertThat(casesOf(phone)).isEqualTo(3);
    }

    @Test
    void aReportOutsideTheWindowIsANewCase() {
        String phone = phone();
        String place = building();
        String longAgo = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(31).withNano(0).toString();
        JsonNode first = call(hub(), phone, place, STREETLIGHT.formatted(place), "callTime", longAgo);
        JsonNode now = call(hub(), phone, place, STREETLIGHT_AGAIN.formatted(place));
        assertThat(first.get("status").asText()).isEqualTo("created");
        assertThat(now.get("status").asText()).isEqualTo("created");
        assertThat(now.get("caseNo").asText()).isNotEqualTo(first.get("caseNo").asText());
    }

    @Test
    void aClosedOrAnsweredCaseIsNotJoined() {
        // an answered case's answer has gone to its channels: a new report after it would never get it
        for (String status : List.of("CLOSED", "REPLIED", "EXPLAINED")) {
            String phone = phone();
            String place = building();
            String caseNo = call(hub(), phone, place, STREETLIGHT.formatted(place)).get("caseNo").asText();
            db.update("update citizen_case set status = ? where case_no = ?", status, caseNo);
            JsonNode again = call(hub(), phone, place, STREETLIGHT_AGAIN.formatted(place));
            assertThat(again.get("status").asText()).as(status).isEqualTo("created");
            assertThat(again.get("caseNo").asText()).isNotEqualTo(caseNo);
        }
    }

    @Test
    void aNeighbourOnThePortalGetsTheOpenCaseNumberAndASayingNotice() {
        String place = building();
        String caseNo = call(hub(), phone(), "城关镇" + place,
                place + "门口的路灯坏了，晚上一片漆黑，走路很危险。").get("caseNo").asText();

        HttpAnswer answer = open311(hub(), phone(), " 城关镇" + place + "。", place + "门口路灯坏了好几天，晚上一片漆黑，走路危险。");

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        JsonNode receipt = answer.json().get(0);
        assertThat(receipt.get("service_request_id").asText()).isEqualTo(caseNo);
        assertThat(receipt.get("service_notice").asText()).contains("已在办理中", caseNo);
        assertThat(db.queryForObject("select note from case_event where case_no = ? and action = 'repeat-joined'",
                String.class, caseNo)).contains("同一地点", "open311");
    }

    @Test
    void aRepeatAtTheDeskPrintsTheOpenCaseNumberWithThePetitionersOwnDetails() {
        String phone = phone();
        String place = building();
        String caseNo = call(hub(), phone, place, STREETLIGHT.formatted(place), "callerName", "张建国")
                .get("caseNo").asText();

        PageSession desk = PageSession.loggedIn(port, "admin", TestEnvironment.ADMIN_PASSWORD);
        HttpAnswer form = desk.get("/desk");
        Map<String, String> fields = new HashMap<>();
        fields.put(PageSession.CSRF, PageSession.hidden(form, PageSession.CSRF));
        fields.put("submissionId", PageSession.hidden(form, "submissionId"));
        fields.put("name", "张建国");
        fields.put("phone", phone);
        fields.put("location", place);
        fields.put("content", STREETLIGHT_AGAIN.formatted(place));
        HttpAnswer redirect = desk.postForm("/desk", fields);
        assertThat(redirect.status()).isEqualTo(302);
        String location = redirect.header("Location");
        assertThat(location).contains("/desk/receipt/" + caseNo, "repeat=true");

        String receipt = desk.get(location.replaceFirst("^https?://[^/]+", "")).text();
        assertThat(receipt).contains(caseNo, "已作为重复件并入", "本次来访已并入该案件", STREETLIGHT_AGAIN.formatted(place));
        assertThat(receipt).doesNotContain(STREETLIGHT.formatted(place));
    }

    @Test
    void theLeadDepartmentIsToldOfARepeatOnceByEachChannelItsSlipReached() throws Exception {
        TestDepartments.ensure(db);
        String phone = phone();
        String place = building();
        String caseNo = call(hub(), phone, place, STREETLIGHT.formatted(place)).get("caseNo").asText();
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.COMPLAINT, "urban", "t-water",
                List.of("t-town"), "rule:test"));
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryForObject("select count(*) from slip_delivery "
                + "where slip_no like ? and status = 'ACCEPTED'", Long.class, caseNo + "-%") == 4);

        JsonNode again = call(hub(), phone, place, STREETLIGHT_AGAIN.formatted(place));
        assertThat(again.get("caseNo").asText()).isEqualTo(caseNo);
        long intakeId = db.queryForObject("select max(id) from case_intake where case_no = ?", Long.class, caseNo);

        // The lead's two mailboxes and its mobile, each once; never the co-handler (t-town, 13900009002).
        Path sms = dataDir.resolve("outbox/sms");
        Path mail = dataDir.resolve("outbox/mail");
        String key = "repeat-notice-intake-" + intakeId;
        await().atMost(Duration.ofSeconds(20)).until(() -> files(sms, "." + key + ".txt") == 1
                && files(mail, "-" + key + ".eml") == 2);
        String text = Files.readString(onlyFile(sms, "." + key + ".txt"));
        assertThat(text).contains("新的动向 " + caseNo + "-1 主办", "累计1次", "/reply/");
        String email = Files.readString(onlyFile(mail, "-" + key + ".eml"));
        assertThat(email).contains("Subject: =?UTF-8?");
        assertThat(db.queryForObject("select note from case_event where case_no = ? and action = 'repeat-joined'",
                String.class, caseNo)).contains("已告知主办 " + caseNo + "-1", "sms:13900009001",
                        "email:water@t.example.cn", "email:water2@t.example.cn").doesNotContain("13900009002");
        // Once: its outbox rows relayed, nothing else comes for this repeat.
        queue.awaitRelayed(caseNo);
        assertThat(files(sms, "." + key + ".txt")).isEqualTo(1);
        assertThat(files(mail, "-" + key + ".eml")).isEqualTo(2);
    }
}
