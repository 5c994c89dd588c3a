package org.lianxin.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;

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
class CaseApiTest extends HubTestSupport {

    @Autowired
    StaffUsers users;

    String registerCall(String recordId) {
        String body = "{\"recordId\":\"" + recordId + "\",\"callerNumber\":\"13912345678\",\"callerName\":\"赵先生\","
                + "\"category\":\"environment\",\"content\":\"夜间施工噪音扰民\",\"location\":\"河西街道\"}";
        return hub().postJson("/api/hotline/calls", body, "X-Api-Key", HOTLINE_KEY)
                .json().get("results").get(0).get("caseNo").asText();
    }

    @Test
    void staffReadTheCaseWithItsIntakesAndEventsFromTheFirstOn() {
        String recordId = "CA-" + UUID.randomUUID();
        String caseNo = registerCall(recordId);
        String user = "dispatcher-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(user, "dispatch-pass", "调度员", List.of("DISPATCHER"));

        HttpAnswer answer = hub().get("/api/cases/" + caseNo, HubClient.basic(user, "dispatch-pass"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode c = answer.json();
        assertThat(c.get("caseNo").asText()).isEqualTo(caseNo);
        // Triage may already have moved it on; the first event is where it started.
        assertThat(c.get("status").asText()).isNotBlank();
        assertThat(c.get("queryCode").asText()).hasSize(8);
        assertThat(c.get("categoryName").asText()).isEqualTo("环境保护");
        assertThat(c.get("citizen").get("phone").asText()).isEqualTo("139****5678");
        assertThat(c.get("intakes")).hasSize(1);
        assertThat(c.get("intakes").get(0).get("externalId").asText()).isEqualTo(recordId);
        JsonNode first = c.get("events").get(0);
        assertThat(first.get("action").asText()).isEqualTo("registered");
        assertThat(first.get("to").asText()).isEqualTo("REGISTERED");
        assertThat(first.get("actor").asText()).isEqualTo("channel:hotline");
        assertThat(first.get("at").asText()).endsWith("+08:00");
        assertThat(answer.text()).doesNotContain("13912345678");
    }

    @Test
    void anUnknownCaseIsA404AndNoLoginIsA401() {
        HttpAnswer missing = hub().get("/api/cases/1999000001", HubClient.admin());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).contains("1999000001");

        HttpAnswer anonymous = hub().get("/api/cases/" + registerCall("CA-" + UUID.randomUUID()));
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.text()).doesNotContain("夜间施工");
    }
}
