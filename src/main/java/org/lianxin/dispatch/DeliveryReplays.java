package org.lianxin.dispatch;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.apache.camel.Header;
import org.lianxin.cases.OutboxMessage;
import org.lianxin.cases.SlipMessages;
import org.springframework.stereotype.Component;

/**
 * Replaying a parked (DEAD) delivery from routes/dispatch/delivery-replay.yaml: the outbox message of its new round, with a
 * duplicate-detection id of its own, so the broker takes it although the first round's message went through.
 */
@Component("deliveryReplays")
public class DeliveryReplays {

    private final SlipMessages messages;

    public DeliveryReplays(SlipMessages messages) {
        this.messages = messages;
    }

    /** From the delivery's row (case_no, send_round) after the round was raised. */
    public List<OutboxMessage> outbox(Map<String, Object> row, @Header("slipNo") String slipNo,
            @Header("channel") String channel, @Header("address") String address, @Header("now") OffsetDateTime now) {
        return List.of(messages.slip((String) row.get("case_no"), slipNo, channel, address,
                ((Number) row.get("send_round")).intValue(), now));
    }
}
