package org.lianxin.triage;

import org.lianxin.cases.YamlFiles;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.RequestType;
import org.lianxin.directory.Department;
import org.springframework.core.io.Resource;

/**
 * The county's triage rules (lianxin.triage.rules, a YAML file beside the directory seed): request types by
 * keyword, extra keywords per category, townships by their names and places, and routing rules. Rules of each
 * list are tried in file order and the first that matches decides. Checked at start-up against the categories
 * and the directory, so that a rule naming an unknown department or category fails start-up, naming the rule.
 */
public record TriageRules(List<TypeRule> types, List<CertainRule> certain, Map<String, List<String>> categories,
        List<TownshipRule> townships, List<RoutingRule> routing) {

    /** The rule ids the classifier uses itself, for decisions no rule of the file makes. */
    public static final String CHANNEL = "channel";
    public static final String DEFAULT_TYPE = "type-default";
    public static final String HOT_KEYWORDS = "hot-keywords";
    public static final String HOT_VISITORS = "hot-visitors";
    public static final String CATEGORY_PREFIX = "category-";
    /** The rule id of a category the learned model decided: model-v3. */
    public static final String MODEL_PREFIX = "model-v";
    /** A routing rule's lead that means "the township the case happens in". */
    public static final String TOWNSHIP_LEAD = "township";
    /** A routing rule's townships entry that means "any township". */
    public static final String ANY_TOWNSHIP = "any";

    /** Request type {@code type} when the text contains one of the keywords. */
    public record TypeRule(String id, RequestType type, List<String> keywords) {
        public TypeRule {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    /**
     * Category {@code category} for sure when the text contains one of the keywords: decides before the learned
     * model (a named department or a term that means one thing), where the categories' keyword lists only decide
     * while there is no model.
     */
    public record CertainRule(String id, String category, List<String> keywords) {
        public CertainRule {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
        }
    }

    /** The township (its department) a case is in when its location or text names it or one of its places. */
    public record TownshipRule(String id, String department, List<String> names, List<String> places) {
        public TownshipRule {
            names = names == null ? List.of() : List.copyOf(names);
            places = places == null ? List.of() : List.copyOf(places);
        }

        List<String> keywords() {
            return java.util.stream.Stream.concat(names.stream(), places.stream()).toList();
        }
    }

    /**
     * Lead and co-handlers for a case of {@code category} whose text contains one of {@code keywords} (when given)
     * and one of {@code also} (when given), in one of {@code townships} (when given; "any" for any township).
     */
    public record RoutingRule(String id, String category, List<String> keywords, List<String> also,
            List<String> townships, String lead, List<String> coHandlers) {
        public RoutingRule {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            also = also == null ? List.of() : List.copyOf(also);
            townships = townships == null ? List.of() : List.copyOf(townships);
            coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
        }

        /** No keyword and no township condition: the category's catch-all. */
        boolean catchAll() {
            return keywords.isEmpty() && also.isEmpty() && townships.isEmpty();
        }
    }

    public TriageRules {
        types = types == null ? List.of() : List.copyOf(types);
        certain = certain == null ? List.of() : List.copyOf(certain);
        categories = categories == null ? Map.of() : new LinkedHashMap<>(categories);
        townships = townships == null ? List.of() : List.copyOf(townships);
        routing = routing == null ? List.of() : List.copyOf(routing);
    }

    public static TriageRules read(Resource resource) {
        TriageRules rules = YamlFiles.read(resource, TriageRules.class);
        return rules == null ? new TriageRules(null, null, null, null, null) : rules;
    }

    /**
     * Every rule is well formed and names only known categories and departments; the categories with no
     * catch-all routing rule (whose cases may wait for a dispatcher) are returned, for a warning.
     */
    public List<String> check(CategoryCatalog catalog, Function<String, Optional<Department>> departments) {
        Set<String> ids = new HashSet<>(Set.of(CHANNEL, DEFAULT_TYPE, HOT_KEYWORDS, HOT_VISITORS));
        for (TypeRule r : types) {
            requireId(ids, r.id());
            require(r.type() != null, r.id(), "type", "one of " + List.of(RequestType.values()));
            require(!r.keywords().isEmpty(), r.id(), "keywords", "at least one");
        }
        for (CertainRule r : certain) {
            requireId(ids, r.id());
            require(catalog.contains(r.category()), r.id(), "category",
                    "'" + r.category() + "' is not a category of lianxin.categories");
            require(!r.keywords().isEmpty(), r.id(), "keywords", "at least one");
        }
        categories.forEach((code, keywords) -> require(catalog.contains(code), "categories", code,
                "not a category of lianxin.categories"));
        Set<String> townshipIds = new HashSet<>();
        for (TownshipRule r : townships) {
            requireId(ids, r.id());
            Optional<Department> d = departments.apply(r.department());
            require(d.isPresent() && d.get().kind() == Department.Kind.township, r.id(), "department",
                    "'" + r.department() + "' is not a township in the directory");
            require(!r.names().isEmpty(), r.id(), "names", "at least one");
            townshipIds.add(r.department());
        }
        Set<String> covered = new HashSet<>();
        for (RoutingRule r : routing) {
            requireId(ids, r.id());
            require(catalog.contains(r.category()), r.id(), "category",
                    "'" + r.category() + "' is not a category of lianxin.categories");
            for (String t : r.townships()) {
                require(ANY_TOWNSHIP.equals(t) || townshipIds.contains(t), r.id(), "townships",
                        "'" + t + "' is neither 'any' nor the department of a township rule");
            }
            if (TOWNSHIP_LEAD.equals(r.lead())) {
                require(!r.townships().isEmpty(), r.id(), "lead", "'township' needs a townships condition");
            } else {
                require(departments.apply(r.lead()).isPresent(), r.id(), "lead",
                        "no department '" + r.lead() + "' in the directory");
            }
            for (String co : r.coHandlers()) {
                require(departments.apply(co).isPresent(), r.id(), "co-handlers",
                        "no department '" + co + "' in the directory");
            }
            if (r.catchAll()) {
                covered.add(r.category());
            }
        }
        return catalog.categories().stream().map(c -> c.code()).filter(code -> !covered.contains(code)).toList();
    }

    private static void requireId(Set<String> ids, String id) {
        require(id != null && !id.isBlank() && !id.startsWith(CATEGORY_PREFIX) && !id.startsWith(MODEL_PREFIX),
                String.valueOf(id), "id", "required, and not starting with '" + CATEGORY_PREFIX
                        + "' (the ids of category keywords) or '" + MODEL_PREFIX + "' (the learned model's)");
        require(ids.add(id), id, "id", "used by another rule (or reserved)");
    }

    private static void require(boolean ok, String rule, String field, String problem) {
        if (!ok) {
            throw new IllegalStateException("triage rule " + rule + ": " + field + ": " + problem);
        }
    }
}
