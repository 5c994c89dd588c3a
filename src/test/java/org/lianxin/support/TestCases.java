package org.lianxin.support;

import static org.awaitility.Awaitility.await;
import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;

import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Cases in a known state, for tests that start further down the case's life. */
public final class TestCases {

    /** Text the triage rules cannot place: no category, no township, nothing hot. */
    public static final String UNPLACEABLE = "我有个情况想反映一下，麻烦有关部门联系我。";

    private TestCases() {
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
            String caseNo = hub.postJson("/api/hotline/calls", body, "X-Api-Key", HOTLINE_KEY)
                    .json().get("results").get(0).get("caseNo").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> "TRIAGE".equals(db.queryForObject(
                    "select status from citizen_case where case_no = ?", String.class, caseNo)));
            return caseNo;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
