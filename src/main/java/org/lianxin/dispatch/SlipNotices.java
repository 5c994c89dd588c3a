package org.lianxin.dispatch;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The decisions of routes/slip-notices.yaml: a notice to a slip's department about its slip (an extension approved
 * or refused, an answer sent back by review) goes, like a sign-for reminder, by each channel and address the slip
 * itself reached, as the slip's message with the notice's text first.
 */
@Component("slipNotices")
public class SlipNotices {

    private final DispatchPlanner planner;

    public SlipNotices(DispatchPlanner planner) {
        this.planner = planner;
    }

    /**
     * The outbox rows of one notice (header noticeParams: purpose, notice, noticeRef, now), from the slip's reached
     * deliveries (case_no, slip_no, channel, address, send_round).
     */
    public List<Map<String, Object>> outbox(List<Map<String, Object>> deliveries,
            @Header("noticeParams") Map<String, Object> params) {
        SlipNotice notice = new SlipNotice((String) params.get("notice"), (String) params.get("noticeRef"));
        String purpose = (String) params.get("purpose");
        OffsetDateTime now = (OffsetDateTime) params.get("now");
        return deliveries.stream().map(d -> planner.outboxRow((String) d.get("case_no"), (String) d.get("slip_no"),
                (String) d.get("channel"), (String) d.get("address"), ((Number) d.get("send_round")).intValue(),
                purpose, notice, now)).toList();
    }

    /** How a message about the slip is named in files (smsPurpose) and ids: see {@link #purposeKey}. */
    public String key(@Header("purpose") String purpose, @Header("noticeRef") String noticeRef) {
        return purposeKey(purpose, noticeRef);
    }

    /** A message's purpose, and its notice's reference if any (null for the slip itself). */
    static String purposeKey(String purpose, String noticeRef) {
        return purpose == null || noticeRef == null ? purpose : purpose + "-" + noticeRef;
    }
}
