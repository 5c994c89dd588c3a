package org.lianxin.web;

import java.time.ZonedDateTime;
import java.util.Map;

import org.lianxin.cases.CountyTime;
import org.lianxin.cases.PhoneNumbers;

/** What the walk-in receipt shows of a case: its numbers, when it was received (county time) and whose it is. */
public record Receipt(String caseNo, String queryCode, ZonedDateTime receivedAt, String citizenName,
        String maskedPhone, String content) {

    /** From the row the case-receipt route answers. */
    public static Receipt of(Map<String, Object> row) {
        return new Receipt((String) row.get("case_no"), (String) row.get("query_code"),
                CountyTime.of(row.get("received_at")), (String) row.get("citizen_name"),
                PhoneNumbers.mask((String) row.get("citizen_phone")), (String) row.get("content"));
    }
}
