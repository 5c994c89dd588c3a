package org.lianxin.dispatch;

import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianxin.support.HubClient;
import org.lianxin.support.TestDepartments;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Departments of a test's own (so the sample directory does not matter) and cases registered over the hotline API. */
final class DispatchFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DispatchFixtures() {
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
}
