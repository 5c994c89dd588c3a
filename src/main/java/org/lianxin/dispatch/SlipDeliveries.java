package org.lianxin.dispatch;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.lianxin.cases.CaseView;
import org.lianxin.cases.Category;
import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.PhoneNumbers;
import org.lianxin.cases.RequestType;
import org.lianxin.cases.SlipLinks;
import org.springframework.stereotype.Component;

/** Helpers of routes/slip-delivery.yaml: a delivery's row as a {@link SlipDelivery}, and the time of an update. */
@Component("slipDeliveries")
public class SlipDeliveries {

    private final CategoryCatalog categories;
    private final SlipLinks links;
    private final Clock clock;

    public SlipDeliveries(CategoryCatalog categories, SlipLinks links, Clock clock) {
        this.categories = categories;
        this.links = links;
        this.clock = clock;
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
                countyTime(row.get("received_at")), Boolean.TRUE.equals(row.get("hot")));
    }

    public OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime countyTime(Object value) {
        return value == null ? null : CaseView.countyTime(value).toOffsetDateTime();
    }
}
