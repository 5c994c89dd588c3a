package org.lianxin.dispatch;

import java.time.OffsetDateTime;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.lianxin.cases.Category;
import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.PhoneNumbers;
import org.lianxin.cases.RequestType;
import org.lianxin.cases.SlipLinks;
import org.springframework.stereotype.Component;

/**
 * Helpers of routes/dispatch/slip-delivery.yaml and the delivery routes: a delivery's row as a {@link SlipDelivery}, whether
 * a message is due, and the tries of an update.
 */
@Component("slipDeliveries")
public class SlipDeliveries {

    private static final int REASON_MAX = 1000;

    private final CategoryCatalog categories;
    private final SlipLinks links;

    public SlipDeliveries(CategoryCatalog categories, SlipLinks links) {
        this.categories = categories;
        this.links = links;
    }

    public SlipDelivery fromRow(Map<String, Object> row) {
        if (row == null) {
            return null;
        }
        String category = (String) row.get("category");
        String phone = (String) row.get("citizen_phone");
        boolean maySeePhone = Boolean.TRUE.equals(row.get("may_see_phone"));
        OffsetDateTime linkExpiry = countyTime(row.get("link_expires_at"));
        String slipNo = (String) row.get("slip_no");
        String departmentId = (String) row.get("department_id");
        return new SlipDelivery(slipNo, (String) row.get("channel"), (String) row.get("address"),
                (String) row.get("delivery_status"), ((Number) row.get("attempts")).intValue(),
                ((Number) row.get("send_round")).intValue(), (String) row.get("role"),
                RequestType.valueOf((String) row.get("request_type")).label(),
                category == null ? null : categories.find(category).map(Category::name).orElse(category),
                countyTime(row.get("deadline")), links.url(slipNo, departmentId, linkExpiry.toInstant()),
                departmentId, (String) row.get("department_name"), (String) row.get("case_no"),
                (String) row.get("title"), (String) row.get("content"), (String) row.get("location"),
                (String) row.get("citizen_name"), maySeePhone ? phone : PhoneNumbers.mask(phone),
                countyTime(row.get("received_at")), Boolean.TRUE.equals(row.get("hot")),
                (String) row.get("reopen_note"));
    }

    /**
     * Whether a message of the given round should be sent: not when the delivery is unknown or already accepted (a
     * replay or a redelivered message never sends twice), nor when a replay has since started a later round.
     */
    public boolean due(SlipDelivery delivery, @Header("round") Integer round, @Header("purpose") String purpose) {
        if (purpose != null) {
            // A message about the slip (a reminder) goes only where the slip itself already went.
            return delivery != null && delivery.alreadySent();
        }
        return delivery != null && !delivery.alreadySent() && (round == null || round >= delivery.round());
    }

    /**
     * The sends this round took: the first one and Camel's redeliveries after it, or as many as the error handling
     * says it made (header deliveryTries) when it gave up: Camel clears its counter before handling the failure.
     */
    public int tries(@Header(Exchange.REDELIVERY_COUNTER) Integer redeliveries, @Header("deliveryTries") Integer tries) {
        if (tries != null) {
            return Math.max(1, tries);
        }
        return 1 + (redeliveries == null ? 0 : redeliveries);
    }

    /**
     * What names a message about the slip in file names and Message-IDs: its purpose (sign-reminder), with the
     * notice's id for a notice (repeat-notice-intake-42), of which a slip may get several; null for the slip itself.
     */
    public static String purposeKey(@Header("purpose") String purpose, @Header("noticeId") String noticeId) {
        if (purpose == null) {
            return null;
        }
        return noticeId == null ? purpose : purpose + "-" + noticeId;
    }

    /** Why a delivery was parked, short enough for slip_delivery.last_error. */
    public String reason(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable failure) {
        if (failure == null) {
            return "unknown";
        }
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return reason.length() > REASON_MAX ? reason.substring(0, REASON_MAX) + "…" : reason;
    }


    private static OffsetDateTime countyTime(Object value) {
        return value == null ? null : CountyTime.of(value).toOffsetDateTime();
    }
}
