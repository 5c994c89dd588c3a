package org.lianxin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianxin.security.StaffUsers;
import org.lianxin.support.HttpAnswer;
import org.lianxin.support.HubClient;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

@LianxinTest
class PetitionsApiTest extends HubTestSupport {

    @Autowired
    StaffUsers users;

    HttpAnswer submit(String json, String... auth) {
        return hub().postJson("/api/petitions", json, auth);
    }

    static String petition(String submissionId, String content) {
        return """
                {"submissionId":"%s","name":"李大爷","phone":"0571-8888 1234","idNumber":"11010519491231002X",
                 "address":"城关镇东街12号","content":"%s","category":"labour","visitors":6}
                """.formatted(submissionId, content);
    }

    @Test
    void aGroupPetitionGets201WithCaseNumberAndQueryCodeAndLandsOnTheQueueOnce() {
        HttpAnswer answer = submit(petition(UUID.randomUUID().toString(), "六名工人反映工地拖欠工资三个月"),
                HubClient.admin());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        String caseNo = answer.json().get("caseNo").asText();
        assertThat(answer.json().get("queryCode").asText()).matches("[2-9A-Z]{8}");
        assertThat(queue.messagesFor(caseNo)).hasSize(1);

        JsonNode view = hub().get("/api/cases/" + caseNo, HubClient.admin()).json();
        JsonNode intake = view.get("intakes").get(0);
        assertThat(intake.get("channel").asText()).isEqualTo("desk");
        assertThat(intake.get("kind").asText()).isEqualTo("walk-in");
        assertThat(intake.get("visitors").asInt()).isEqualTo(6);
        assertThat(intake.get("operatorId").asText()).isEqualTo("admin");
        assertThat(intake.get("idNumber").asText()).isEqualTo("110105********002X");
        assertThat(intake.get("citizenPhone").asText()).isEqualTo("057****1234");
        assertThat(db.queryForObject("select citizen_phone from case_intake where case_no = ?", String.class, caseNo))
                .isEqualTo("057188881234");
    }

    @Test
    void theSameSubmissionAgainReturnsTheSameCase() {
        String id = UUID.randomUUID().toString();
        String first = submit(petition(id, "重复提交"), HubClient.admin()).json().get("caseNo").asText();
        HttpAnswer again = submit(petition(id, "重复提交"), HubClient.admin());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("caseNo").asText()).isEqualTo(first);
        assertThat(db.queryForObject("select count(*) from case_intake where external_id = ?", Long.class, id))
                .isEqualTo(1);
    }

    @Test
    void withoutASubmissionIdEveryPetitionIsANewCase() {
        String body = "{\"name\":\"周女士\",\"phone\":\"13700001111\",\"content\":\"小区电梯经常故障\"}";
        HttpAnswer first = submit(body, HubClient.admin());
        HttpAnswer second = submit(body, HubClient.admin());

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("caseNo").asText()).isNotEqualTo(first.json().get("caseNo").asText());
    }

    @Test
    void badInputIsA400NamingTheField() {
        String id = UUID.randomUUID().toString();
        assertField(submit("{\"name\":\"张三\",\"content\":\"没有电话\"}", HubClient.admin()), "phone");
        assertField(submit(petition(id, "身份证错误").replace("11010519491231002X", "110105194912310021"),
                HubClient.admin()), "idNumber");
        assertField(submit(petition(id, "人数错误").replace("\"visitors\":6", "\"visitors\":\"many\""),
                HubClient.admin()), "visitors");
        assertField(submit("[1,2]", HubClient.admin()), "body");
        assertThat(db.queryForObject("select count(*) from case_intake where external_id = ?", Long.class, id))
                .isZero();
    }

    @Test
    void onlyDeskStaffMaySubmit() {
        String dispatcher = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(dispatcher, "secret-pass-1", "调度员", List.of("DISPATCHER"));

        assertThat(submit(petition(UUID.randomUUID().toString(), "x")).status()).isEqualTo(401);
        assertThat(submit(petition(UUID.randomUUID().toString(), "x"), HubClient.basic("admin", "wrong")).status())
                .isEqualTo(401);
        assertThat(submit(petition(UUID.randomUUID().toString(), "x"), HubClient.basic(dispatcher, "secret-pass-1"))
                .status()).isEqualTo(403);
    }

    private static void assertField(HttpAnswer answer, String field) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.json().get("field").asText()).as(answer.toString()).isEqualTo(field);
    }
}
