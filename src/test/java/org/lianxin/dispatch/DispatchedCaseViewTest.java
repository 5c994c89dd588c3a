package org.lianxin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.support.HubClient;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.TestCases;
import org.lianxin.support.TestDepartments;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/** Staff see a dispatched case's slips and each delivery's status on GET /api/cases/{caseNo}. */
@LianxinTest
class DispatchedCaseViewTest extends HubTestSupport {

    @Autowired
    ProducerTemplate camel;

    @Test
    void theCaseShowsDispatchedWithItsSlipsAndDeliveries() {
        TestDepartments.ensure(db);
        String caseNo = TestCases.awaitingDispatcher(hub(), db, "");
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.REPORT, "transport", "t-town",
                List.of("t-water"), "user:dispatcher1"));

        JsonNode c = hub().get("/api/cases/" + caseNo, HubClient.admin()).json();

        assertThat(c.get("status").asText()).isEqualTo("DISPATCHED");
        JsonNode slips = c.get("slips");
        assertThat(slips).hasSize(2);
        assertThat(slips.get(0).get("slipNo").asText()).isEqualTo(caseNo + "-1");
        assertThat(slips.get(0).get("role").asText()).isEqualTo("LEAD");
        assertThat(slips.get(0).get("departmentName").asText()).isEqualTo("测试镇人民政府");
        assertThat(slips.get(0).get("deliveries")).hasSize(1);
        assertThat(slips.get(0).get("deliveries").get(0).get("channel").asText()).isEqualTo("sms");
        assertThat(slips.get(1).get("role").asText()).isEqualTo("CO");
        assertThat(slips.get(1).get("deliveries")).hasSize(3);
        assertThat(slips.get(1).get("deadline").asText()).endsWith("+08:00");
        JsonNode last = c.get("events").get(c.get("events").size() - 1);
        assertThat(last.get("action").asText()).isEqualTo("dispatched");
        assertThat(last.get("actor").asText()).isEqualTo("user:dispatcher1");
    }
}
