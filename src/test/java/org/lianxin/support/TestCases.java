package org.lianxin.support;

import static org.awaitility.Awaitility.await;
import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Cases in a known state, for tests that start further down the case's life. */
public final class TestCases {

    /** Text the triage rules cannot place: no category, no township, nothing hot. */
    public static final String UNPLACEABLE = "我有个情况想反映一下，麻烦有关部门联系我。";

    private TestCases() {
    }

    /**
     * A case dispatched by hand (request type HELP, no category) to the test departments: lead and co-handlers
     * (ids of {@link TestDepartments}); its case number. Its slips are numbered in that order: caseNo-1 the lead's.
     */
    public static String dispatched(HubClient hub, JdbcTemplate db, ProducerTemplate camel, String lead,
            String... coHandlers) {
        TestDepartments.ensure(db);
        String caseNo = awaitingDispatcher(hub, db, "");
        camel.sendBody("direct:dispatch-case", new DispatchOrder(caseNo, RequestType.HELP, null, lead,
                List.of(coHandlers), "rule:test"));
        return caseNo;
    }

    /**
     * A hotline case the rules could not route, waiting for a dispatcher (status TRIAGE): the state from which
     * tests dispatch by hand, as a dispatcher would at /triage.
     */
    public static String awaitingDispatcher(HubClient hub, JdbcTemplate db, String extraText) {
        try {
            String body = new ObjectMapper().writeValueAsString(java.util.Map.of(
                    "recordId", "TC-" + UUID.randomUUID(), "callerNumber", "13812345678",
                    "content", extraText + UNPLACEABLE));
            return awaitDispatcher(db, hub.postJson("/api/hotline/calls", body, "X-Api-Key", HOTLINE_KEY)
                    .json().get("results").get(0).get("caseNo").asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until triage has left the case (registered with {@link #UNPLACEABLE} text) to a dispatcher. */
    public static String awaitDispatcher(JdbcTemplate db, String caseNo) {
        await().atMost(Duration.ofSeconds(20)).until(() -> "TRIAGE".equals(db.queryForObject(
                "select status from citizen_case where case_no = ?", String.class, caseNo)));
        return caseNo;
    }
}
