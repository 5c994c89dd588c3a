package org.lianxin.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lianxin.cases.Category;
import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.RequestType;
import org.springframework.stereotype.Component;

/**
 * Decides what a case is: request type, category, township, hot. Precision over recall: a category is decided
 * by keywords only when one category has strictly more distinct keywords in the text than any other; a tie or
 * no keyword leaves the category open, and the case then waits for a dispatcher instead of being guessed.
 */
@Component
public class Classifier {

    private final TriageRules rules;
    private final CategoryCatalog catalog;
    private final TriageSettings settings;
    /** Per category code: the keywords of lianxin.categories, then the rules file's, without repeats. */
    private final Map<String, List<String>> categoryKeywords = new LinkedHashMap<>();

    public Classifier(TriageRules rules, CategoryCatalog catalog, TriageSettings settings) {
        this.rules = rules;
        this.catalog = catalog;
        this.settings = settings;
        for (Category c : catalog.categories()) {
            Set<String> keywords = new LinkedHashSet<>();
            if (c.keywords() != null) {
                for (String k : c.keywords().split("[,，]")) {
                    if (!k.isBlank()) {
                        keywords.add(k.strip());
                    }
                }
            }
            keywords.addAll(rules.categories().getOrDefault(c.code(), List.of()));
            if (!keywords.isEmpty()) {
                categoryKeywords.put(c.code(), List.copyOf(keywords));
            }
        }
    }

    public Classification classify(CaseFacts facts) {
        String text = facts.text();
        CategoryChoice category = category(facts, text);
        return new Classification(facts, type(text), category.decision(), township(facts, text), hot(facts, text),
                category.doubt());
    }

    private Decision<RequestType> type(String text) {
        for (TriageRules.TypeRule rule : rules.types()) {
            String keyword = Keywords.firstIn(text, rule.keywords());
            if (keyword != null) {
                return new Decision<>(rule.type(), rule.id(), Keywords.quoted(List.of(keyword)));
            }
        }
        return new Decision<>(RequestType.HELP, TriageRules.DEFAULT_TYPE, null);
    }

    private record CategoryChoice(Decision<String> decision, String doubt) {
    }

    private CategoryChoice category(CaseFacts facts, String text) {
        if (facts.category() != null && catalog.contains(facts.category())) {
            return new CategoryChoice(new Decision<>(facts.category(), TriageRules.CHANNEL, null), null);
        }
        int best = 0;
        List<String> leaders = new ArrayList<>();
        Map<String, List<String>> found = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : categoryKeywords.entrySet()) {
            List<String> hits = Keywords.allIn(text, e.getValue());
            if (hits.isEmpty()) {
                continue;
            }
            found.put(e.getKey(), hits);
            if (hits.size() > best) {
                best = hits.size();
                leaders.clear();
            }
            if (hits.size() == best) {
                leaders.add(e.getKey());
            }
        }
        if (leaders.isEmpty()) {
            return new CategoryChoice(null, "未能确定类别（没有与任何类别相符的关键词）");
        }
        if (leaders.size() > 1) {
            String tied = leaders.stream()
                    .map(code -> name(code) + Keywords.quoted(found.get(code)))
                    .collect(Collectors.joining("、"));
            return new CategoryChoice(null, "未能确定类别（关键词同样多地指向 " + tied + "）");
        }
        String code = leaders.get(0);
        return new CategoryChoice(new Decision<>(code, TriageRules.CATEGORY_PREFIX + code,
                Keywords.quoted(found.get(code))), null);
    }

    /**
     * The location field first (it is where the citizen says it happens), then the text. A field naming two
     * townships decides nothing: the case is in neither for sure.
     */
    private Decision<String> township(CaseFacts facts, String text) {
        List<Decision<String>> inLocation = facts.location() == null ? List.of() : townshipsIn(facts.location());
        List<Decision<String>> found = inLocation.isEmpty() ? townshipsIn(text) : inLocation;
        return found.size() == 1 ? found.get(0) : null;
    }

    /** The townships the text names, one decision per township. */
    private List<Decision<String>> townshipsIn(String text) {
        Map<String, Decision<String>> found = new LinkedHashMap<>();
        for (TriageRules.TownshipRule rule : rules.townships()) {
            String keyword = Keywords.firstIn(text, rule.keywords());
            if (keyword != null) {
                found.putIfAbsent(rule.department(),
                        new Decision<>(rule.department(), rule.id(), Keywords.quoted(List.of(keyword))));
            }
        }
        return List.copyOf(found.values());
    }

    private Decision<Boolean> hot(CaseFacts facts, String text) {
        String keyword = Keywords.firstIn(text, settings.hotKeywords());
        if (keyword != null) {
            return new Decision<>(true, TriageRules.HOT_KEYWORDS, Keywords.quoted(List.of(keyword)));
        }
        if (facts.visitors() != null && facts.visitors() >= settings.hotVisitors()) {
            return new Decision<>(true, TriageRules.HOT_VISITORS, "来访 " + facts.visitors() + " 人");
        }
        return null;
    }

    private String name(String code) {
        return catalog.find(code).map(Category::name).orElse(code);
    }
}
