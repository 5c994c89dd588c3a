package org.lianxin.dispatch;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.apache.camel.Header;
import org.lianxin.cases.OutboxMessage;
import org.lianxin.cases.SlipMessages;
import org.springframework.stereotype.Component;

/**
 * The decisions of routes/dispatch/slip-notices.yaml: a notice to a slip's department about its slip (an extension approved
 * or refused, an answer sent back by review) goes, like a sign-for reminder, by each channel and address the slip
 * itself reached, as the slip's message with the notice's text first.
 */
@Component("slipNotices")
public class SlipNotices {

    private final SlipMessages messages;

    public SlipNotices(SlipMessages messages) {
        this.messages = messages;
    }

    /**
     * The outbox rows of one notice (header noticeParams: purpose, notice, noticeId, now), from the slip's reached
     * deliveries (case_no, slip_no, channel, address, send_round).
     */
    public List<OutboxMessage> outbox(List<Map<String, Object>> deliveries,
            @Header("noticeParams") Map<String, Object> params) {
        String purpose = (String) params.get("purpose");
        String noticeId = (String) params.get("noticeId");
        String notice = (String) params.get("notice");
        OffsetDateTime now = (OffsetDateTime) params.get("now");
        return deliveries.stream().map(d -> messages.notice((String) d.get("case_no"), (String) d.get("slip_no"),
                (String) d.get("channel"), (String) d.get("address"), ((Number) d.get("send_round")).intValue(),
                purpose, noticeId, notice, now)).toList();
    }
}
