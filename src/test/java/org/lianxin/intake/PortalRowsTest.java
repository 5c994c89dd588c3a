package org.lianxin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Map;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.Channel;
import org.lianxin.cases.IntakeResult;
import org.lianxin.cases.IntakeSubmission;
import org.lianxin.cases.InvalidIntakeException;
import org.springframework.util.LinkedCaseInsensitiveMap;

class PortalRowsTest {

    final PortalRows rows = new PortalRows();

    @Test
    void aRowBecomesAPortalSubmissionUnderItsColumnNamesWhateverTheirCase() {
        Map<String, Object> row = new LinkedCaseInsensitiveMap<>();
        row.put("ID", 42L);
        row.put("CREATED_AT", Timestamp.valueOf(LocalDateTime.of(2026, 11, 28, 9, 15, 30)));
        row.put("CONTENT", "路灯坏了");
        row.put("PHONE", null);
        row.put("LIANXIN_STATUS", null);
        row.put("ADMIN_NOTE", "not for the hub");

        IntakeSubmission submission = rows.submission(row);

        assertThat(submission.channel()).isEqualTo(Channel.PORTAL);
        assertThat(submission.externalId()).isEqualTo("42");
        assertThat(submission.fields()).containsOnlyKeys("id", "created_at", "content");
        // No zone on the column: the county's local time, as the validator reads a time without an offset.
        assertThat(submission.fields().get("created_at")).isEqualTo("2026-11-28T09:15:30");
    }

    @Test
    void theResultBecomesTheMarker() {
        Message registered = new DefaultMessage(new DefaultCamelContext());
        rows.mark(IntakeResult.duplicate("42", "2026000123", "ABCDEFGH"), registered);
        assertThat(registered.getHeaders()).containsEntry(PortalRows.STATUS, "registered")
                .containsEntry(PortalRows.CASE_NO, "2026000123").containsEntry(PortalRows.ERROR, null);

        Message rejected = new DefaultMessage(new DefaultCamelContext());
        rows.mark(IntakeResult.rejected("43", new InvalidIntakeException("content", "长".repeat(600))), rejected);
        assertThat(rejected.getHeaders()).containsEntry(PortalRows.STATUS, "rejected")
                .containsEntry(PortalRows.CASE_NO, null);
        String error = rejected.getHeader(PortalRows.ERROR, String.class);
        assertThat(error).startsWith("content: ");
        assertThat(error.codePointCount(0, error.length())).isEqualTo(PortalRows.MAX_ERROR);
    }
}
