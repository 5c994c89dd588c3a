package org.lianxin.cases;

import java.time.OffsetDateTime;

/** A case as it is registered (status REGISTERED): the text, place and citizen of the intake that made it. */
public record NewCase(String caseNo, String queryCode, String title, String content, String category,
        String location, String citizenName, String citizenPhone, OffsetDateTime receivedAt, OffsetDateTime at) {
}
