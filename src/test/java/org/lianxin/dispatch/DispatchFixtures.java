package org.lianxin.dispatch;

import static org.lianxin.support.TestEnvironment.HOTLINE_KEY;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lianxin.support.HubClient;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Departments of a test's own (so the sample directory does not matter) and cases registered over the hotline API. */
final class DispatchFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DispatchFixtures() {
    }

    /** Once per schema: the test contexts share it among test classes. */
    static void department(JdbcTemplate db, String id, String name, boolean email, boolean sms, boolean maySeePhone,
            List<String> emails, List<String> mobiles) {
        if (db.queryForObject("select count(*) from department where id = ?", Long.class, id) > 0) {
            return;
        }
        db.update("insert into department (id, name, kind, prefers_email, prefers_sms, may_see_phone, active, "
                + "updated_at) values (?, ?, 'department', ?, ?, ?, true, now())", id, name, email, sms, maySeePhone);
        emails.forEach(a -> db.update("insert into department_address values (?, 'email', ?)", id, a));
        mobiles.forEach(a -> db.update("insert into department_address values (?, 'mobile', ?)", id, a));
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
