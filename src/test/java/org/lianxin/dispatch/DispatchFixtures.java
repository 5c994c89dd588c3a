package org.lianxin.dispatch;

import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.camel.ProducerTemplate;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.support.HubClient;
import org.lianxin.support.TestDepartments;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Departments of a test's own and cases dispatched to them by hand, on the hub under test. Tests that dispatch
 * cases whose text the rules would route themselves hold triage with {@code @WithoutTriage}.
 */
final class DispatchFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate db;
    private final HubClient hub;
    private final ProducerTemplate camel;

    DispatchFixtures(JdbcTemplate db, HubClient hub, ProducerTemplate camel) {
        this.db = db;
        this.hub = hub;
        this.camel = camel;
    }

    static void department(JdbcTemplate db, String id, String name, boolean email, boolean sms, boolean maySeePhone,
            List<String> emails, List<String> mobiles) {
        TestDepartments.department(db, id, name, email, sms, maySeePhone, emails, mobiles);
    }

    /** A hotline call with these fields (recordId added, unique) registered as a case; its case number. */
    static String registerCase(HubClient hub, Map<String, String> fields) {
        Map<String, String> call = new java.util.LinkedHashMap<>(fields);
        call.put("recordId", "DC-" + UUID.randomUUID());
        try {
            return hub.postJson("/api/hotline/calls", JSON.writeValueAsString(call), "X-Api-Key", HOTLINE_KEY)
                    .json().get("results").get(0).get("caseNo").asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mobile number no other test uses, so that a gateway's requests can be told apart by it. */
    static String uniqueMobile() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    void department(String id, String name, boolean email, boolean sms, List<String> emails, List<String> mobiles) {
        department(db, id, name, email, sms, false, emails, mobiles);
    }

    /** A department that takes slips by SMS only, at one new mobile number; answers the number. */
    String smsDepartment() {
        String mobile = uniqueMobile();
        department("t-sms-" + mobile, "测试短信单位" + mobile, false, true, List.of(), List.of(mobile));
        return mobile;
    }

    String registerCase(String content) {
        return registerCase(hub, Map.of("content", content));
    }

    /** A new case with that content, dispatched to the SMS department of that mobile; answers its slip number. */
    String dispatchToMobile(String content, String mobile) {
        String caseNo = registerCase(content);
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.COMPLAINT, "utilities",
                "t-sms-" + mobile, List.of(), "rule:test"));
        return caseNo + "-1";
    }

    SlipDelivery delivery(String slipNo, String channel, String address) {
        return camel.requestBodyAndHeaders("direct:slip-delivery-context", null,
                Map.of("slipNo", slipNo, "channel", channel, "address", address), SlipDelivery.class);
    }

    Map<String, Object> deliveryRow(String slipNo, String channel, String address) {
        return db.queryForMap("select status, attempts, provider_ref, last_error from slip_delivery "
                + "where slip_no = ? and channel = ? and address = ?", slipNo, channel, address);
    }

    String deliveryStatus(String slipNo, String channel, String address) {
        return (String) deliveryRow(slipNo, channel, address).get("status");
    }
}
