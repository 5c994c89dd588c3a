package org.lianxin.cases;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * Helpers of routes/cases/public-view.yaml. Only the events citizens should see make the public timeline:
 * classification, returns between departments and staff notes stay inside.
 */
@Component("publicCases")
public class PublicCases {

    static final Set<String> PUBLIC_ACTIONS = Set.of("registered", "dispatched", "signed");

    private final CategoryCatalog categories;

    public PublicCases(CategoryCatalog categories) {
        this.categories = categories;
    }

    /** Citizens type codes in any case and with stray spaces. */
    public String normaliseCode(@Header("queryCode") String code) {
        return code == null ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    public PublicCase view(@Header("caseRow") Map<String, Object> row, @Header("eventRows") List<Map<String, Object>> events,
            @Header("leadRows") List<Map<String, Object>> leads,
            @Header("answerRows") List<Map<String, Object>> answers) {
        Iterator<Map<String, Object>> lead = leads.iterator();
        List<PublicCase.Step> timeline = new ArrayList<>();
        for (Map<String, Object> e : events) {
            String action = (String) e.get("action");
            if (!PUBLIC_ACTIONS.contains(action)) {
                continue;
            }
            // Each dispatch names the lead department of that round.
            String unit = "dispatched".equals(action) && lead.hasNext() ? (String) lead.next().get("name") : null;
            timeline.add(new PublicCase.Step("query.step." + action,
                    CountyTime.of(e.get("occurred_at")).toOffsetDateTime(), unit, null));
        }
        // The lead's public answers (progress, final answer, explanation), with what the department wrote.
        for (Map<String, Object> a : answers) {
            timeline.add(new PublicCase.Step("query.step.answer." + a.get("kind"),
                    CountyTime.of(a.get("created_at")).toOffsetDateTime(), (String) a.get("name"),
                    (String) a.get("body")));
        }
        timeline.sort(java.util.Comparator.comparing(PublicCase.Step::at));
        String category = (String) row.get("category");
        return new PublicCase((String) row.get("case_no"), (String) row.get("title"), (String) row.get("content"),
                category == null ? null : categories.find(category).map(Category::name).orElse(null),
                (String) row.get("status"), CountyTime.of(row.get("received_at")).toOffsetDateTime(), timeline);
    }
}
