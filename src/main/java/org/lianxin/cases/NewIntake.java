package org.lianxin.cases;

import java.time.OffsetDateTime;

/**
 * One way a request reached a case. The intake that made a case leaves title, content and location to the case;
 * an intake that joined one (a repeat) keeps its own, so it can be split off again.
 */
public record NewIntake(String caseNo, String channel, String externalId, String citizenName, String citizenPhone,
        String idNumber, String address, Integer visitors, String operatorId, OffsetDateTime receivedAt, String title,
        String content, String location, String placeKey, OffsetDateTime at) {
}
