package org.lianxin.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lianxin.directory.Department;
import org.lianxin.directory.DepartmentDirectory;
import org.lianxin.support.HubClient;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.mail.internet.MimeMessage;

/**
 * The whole way, as the county runs it: a categorised hotline call is classified and routed by the sample rules,
 * and its slip reaches a real SMTP server (GreenMail) and a real SMS gateway (Kannel, with its delivery report
 * coming back), with every delivery's status on the case.
 */
class DispatchEndToEndTest extends RealKannelSupport {

    @Autowired
    DepartmentDirectory directory;

    @Test
    void aCategorisedCallIsRoutedAndItsSlipReachesTheMailServerAndThePhoneWithinSeconds() throws Exception {
        // The rules dispatch this one: the test context holds triage for the others' hand-made dispatches.
        camelContext.getRouteController().startRoute("triage");
        for (Department d : directory.list()) {
            d.mobiles().forEach(m -> GATEWAY.relayTo(m, kannel.sendsmsUrl()));
        }
        String body = "{\"recordId\":\"E2E-" + UUID.randomUUID() + "\",\"category\":\"labour\",\"callerNumber\":"
                + "\"13812341234\",\"title\":\"工地欠薪\",\"content\":\"某建筑工地拖欠我们工资三个月了，老板一直推脱。\"}";
        String caseNo = hub().postJson("/api/hotline/calls", body, "X-Api-Key", HOTLINE_KEY)
                .json().get("results").get(0).get("caseNo").asText();

        await("the slips accepted by the mail server and delivered to the phone").atMost(Duration.ofSeconds(30))
                .until(() -> db.queryForList("select status from slip_delivery where slip_no like ?", String.class,
                        caseNo + "-%"), s -> !s.isEmpty() && s.stream().allMatch(x -> x.equals("ACCEPTED")
                        || x.equals("DELIVERED")) && s.contains("DELIVERED"));

        JsonNode c = hub().get("/api/cases/" + caseNo, HubClient.admin()).json();
        assertThat(c.get("status").asText()).isEqualTo("DISPATCHED");
        JsonNode lead = c.get("slips").get(0);
        assertThat(lead.get("role").asText()).isEqualTo("LEAD");
        Department department = directory.find(lead.get("department").asText()).orElseThrow();
        List<String> channels = new java.util.ArrayList<>();
        lead.get("deliveries").forEach(d -> channels.add(d.get("channel").asText() + ":" + d.get("status").asText()));
        assertThat(channels).contains("email:ACCEPTED", "sms:DELIVERED");

        String slipNo = lead.get("slipNo").asText();
        List<MimeMessage> mails = Arrays.stream(SMTP.getReceivedMessages())
                .filter(m -> SlipEmailTest.subject(m).contains(slipNo + " ")).toList();
        assertThat(mails).hasSize(department.emails().size());
        assertThat(mails.get(0).getSubject()).isEqualTo("【交办单】" + slipNo + " 工地欠薪 (主办)");
        String mobile = department.mobiles().get(0);
        assertThat(kannel.received(mobile)).as(kannel.logs()).hasSize(1).first().asString().contains(slipNo, "主办");
    }
}
