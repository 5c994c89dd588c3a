package org.lianxin.cases;

import java.time.OffsetDateTime;

/**
 * One validated request as it reached us through one channel: what the register-case route stores. Text fields
 * are exactly as given; the phone is already normalised (see {@link PhoneNumbers}).
 */
public record IntakeRecord(
        Channel channel,
        String externalId,
        OffsetDateTime receivedAt,
        String citizenName,
        String citizenPhone,
        String idNumber,
        String address,
        Integer visitors,
        String operatorId,
        String category,
        String title,
        String content,
        String location) {
}
