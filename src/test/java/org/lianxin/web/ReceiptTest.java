package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.lianxin.cases.CountyTime;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReceiptTest {

    private static Map<String, Object> row(Object receivedAt) {
        Map<String, Object> row = new HashMap<>();
        row.put("case_no", "2026000042");
        row.put("query_code", "ABCD2345");
        row.put("received_at", receivedAt);
        row.put("citizen_name", "王女士");
        row.put("citizen_phone", "13800138000");
        row.put("content", "第一行\n<b>第二行</b>");
        return row;
    }

    @Test
    void receivedTimeIsCountyTimeWhicheverTypeTheDatabaseAnswers() {
        OffsetDateTime utc = OffsetDateTime.parse("2026-11-28T23:30:00Z");
        ZonedDateTime expected = ZonedDateTime.of(2026, 11, 29, 7, 30, 0, 0, CountyTime.ZONE);

        assertThat(Receipt.of(row(Timestamp.from(utc.toInstant()))).receivedAt()).isEqualTo(expected);
        assertThat(Receipt.of(row(utc)).receivedAt()).isEqualTo(expected);
    }

    @Test
    void thePhoneIsMaskedAndTheTextKeptAsGiven() {
        Receipt receipt = Receipt.of(row(OffsetDateTime.now()));
        assertThat(receipt.maskedPhone()).isEqualTo("138****8000");
        assertThat(receipt.content()).isEqualTo("第一行\n<b>第二行</b>");
        assertThat(receipt.caseNo()).isEqualTo("2026000042");
        assertThat(receipt.queryCode()).isEqualTo("ABCD2345");
    }
}
