package org.lianxin.triage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.lianxin.cases.Category;
import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.RequestType;
import org.springframework.stereotype.Component;

/**
 * Decides what a case is: request type, category, township, hot. The category: rules first, the model second,
 * people last —
 * <ol>
 * <li>the category the channel supplied (rule channel), then a certain rule of the rules file;</li>
 * <li>with a current model: the model's category when its probability is at least
 * lianxin.triage.model.min-confidence, else none, and the case waits for a dispatcher with the model's
 * suggestions;</li>
 * <li>without a model: the categories' keywords, only when one category has strictly more distinct keywords in
 * the text than any other (a tie or no keyword leaves the category open: the case waits rather than is guessed).</li>
 * </ol>
 */
@Component
public class Classifier {

    private final TriageRules rules;
    private final CategoryCatalog catalog;
    private final TriageSettings settings;
    private final ModelSource model;
    /** Per category code: the keywords of lianxin.categories, then the rules file's, without repeats. */
    private final Map<String, List<String>> categoryKeywords = new LinkedHashMap<>();

    /** Where the classifier finds the current model (none: the categories' keywords decide). */
    @FunctionalInterface
    public interface ModelSource {
        Optional<CurrentModel.Loaded> get();
    }

    public Classifier(TriageRules rules, CategoryCatalog catalog, TriageSettings settings, ModelSource model) {
        this.rules = rules;
        this.catalog = catalog;
        this.settings = settings;
        this.model = model;
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
                category.doubt(), category.opinion());
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

    private record CategoryChoice(Decision<String> decision, String doubt, Classification.ModelOpinion opinion) {
        CategoryChoice(Decision<String> decision, String doubt) {
            this(decision, doubt, null);
        }
    }

    private CategoryChoice category(CaseFacts facts, String text) {
        if (facts.category() != null && catalog.contains(facts.category())) {
            return new CategoryChoice(new Decision<>(facts.category(), TriageRules.CHANNEL, null), null);
        }
        for (TriageRules.CertainRule rule : rules.certain()) {
            String keyword = Keywords.firstIn(text, rule.keywords());
            if (keyword != null) {
                return new CategoryChoice(new Decision<>(rule.category(), rule.id(), Keywords.quoted(List.of(keyword))),
                        null);
            }
        }
        Optional<CurrentModel.Loaded> current = model.get();
        return current.isPresent() ? byModel(facts, current.get()) : byKeywords(text);
    }

    /** The model's category when it is sure enough; otherwise none, with its three best guesses for people. */
    private CategoryChoice byModel(CaseFacts facts, CurrentModel.Loaded current) {
        List<Suggestion> suggestions = current.predict(facts.title(), facts.content()).stream()
                .filter(s -> catalog.contains(s.category())).toList();
        Classification.ModelOpinion opinion = new Classification.ModelOpinion(current.version(), suggestions);
        if (suggestions.isEmpty()) {
            return new CategoryChoice(null, "未能确定类别（模型没有本系统的类别）", opinion);
        }
        Suggestion best = suggestions.get(0);
        if (best.confidence() >= settings.model().minConfidence()) {
            return new CategoryChoice(new Decision<>(best.category(), TriageRules.MODEL_PREFIX + current.version(),
                    "置信度 " + percent(best.confidence())), null, opinion);
        }
        String top = opinion.top(3).stream().map(s -> name(s.category()) + " " + percent(s.confidence()))
                .collect(Collectors.joining("、"));
        return new CategoryChoice(null, "未能确定类别（模型 v" + current.version() + " 把握不足：" + top + "）", opinion);
    }

    static String percent(double confidence) {
        return Math.round(confidence * 100) + "%";
    }

    private CategoryChoice byKeywords(String text) {
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
