package org.lianxin.cases;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The outbox rows that ask the email or SMS delivery route (routes/dispatch/deliver-email.yaml, deliver-sms.yaml) to send
 * one message to one of a slip's addresses: {"slipNo","channel","address","round"}, plus for a message about the
 * slip rather than the slip itself its purpose (sign-reminder, repeat-notice) and, for a notice, its id and text.
 * The row's dedup_id (the broker's duplicate-detection id) names exactly one message, so no message goes twice.
 */
@Component("slipMessages")
public class SlipMessages {

    private final ObjectMapper json;
    private final Map<String, String> queues;

    public SlipMessages(ObjectMapper json, @Value("${lianxin.queues.slips-email}") String emailQueue,
            @Value("${lianxin.queues.slips-sms}") String smsQueue) {
        this.json = json;
        this.queues = Map.of("email", emailQueue, "sms", smsQueue);
    }

    /** The slip itself; the round makes a replay a new message. */
    public OutboxMessage slip(String caseNo, String slipNo, String channel, String address, int round,
            OffsetDateTime now) {
        return row(caseNo, slipNo, channel, address, round, null, null, null, now);
    }

    /** A message about the slip (purpose sign-reminder): sent once to where the slip went. */
    public OutboxMessage about(String caseNo, String slipNo, String channel, String address, int round,
            String purpose, OffsetDateTime now) {
        return row(caseNo, slipNo, channel, address, round, purpose, null, null, now);
    }

    /** A notice about the slip's case (purpose repeat-notice), one per noticeId and address, with its text. */
    public OutboxMessage notice(String caseNo, String slipNo, String channel, String address, int round,
            String purpose, String noticeId, String notice, OffsetDateTime now) {
        return row(caseNo, slipNo, channel, address, round, purpose, noticeId, notice, now);
    }

    private OutboxMessage row(String caseNo, String slipNo, String channel, String address, int round,
            String purpose, String noticeId, String notice, OffsetDateTime now) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("slipNo", slipNo);
        message.put("channel", channel);
        message.put("address", address);
        message.put("round", round);
        if (purpose != null) {
            message.put("purpose", purpose);
        }
        if (noticeId != null) {
            message.put("noticeId", noticeId);
            message.put("notice", notice);
        }
        String payload;
        try {
            payload = json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new OutboxMessage(caseNo, queues.get(channel), payload, (purpose == null ? "slip:" : purpose + ":")
                + slipNo + ":" + channel + ":" + address + ":" + (noticeId == null ? String.valueOf(round) : noticeId),
                now);
    }
}
