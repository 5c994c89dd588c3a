package org.lianxin.triage;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.Category;
import org.lianxin.directory.Department;
import org.lianxin.directory.DepartmentDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Decides who handles a classified case: the first routing rule (in file order) for its category whose keyword,
 * also-keyword and township conditions hold. Confident only then, and only when every department the rule names
 * is in the directory and active; otherwise the case waits for a dispatcher, with the reason.
 */
@Component
public class Router {

    private final TriageRules rules;
    private final Function<String, Optional<Department>> departments;
    private final CategoryCatalog catalog;

    @Autowired
    public Router(TriageRules rules, DepartmentDirectory directory, CategoryCatalog catalog) {
        this(rules, directory::find, catalog);
    }

    Router(TriageRules rules, Function<String, Optional<Department>> departments, CategoryCatalog catalog) {
        this.rules = rules;
        this.departments = departments;
        this.catalog = catalog;
    }

    public Routing route(Classification c) {
        if (c.category() == null) {
            return Routing.unsure(null, c.categoryDoubt());
        }
        String text = c.facts().text();
        for (TriageRules.RoutingRule rule : rules.routing()) {
            if (rule.category().equals(c.categoryCode()) && matches(rule, text, c.townshipId())) {
                String lead = TriageRules.TOWNSHIP_LEAD.equals(rule.lead()) ? c.townshipId() : rule.lead();
                List<String> coHandlers = rule.coHandlers().stream().filter(co -> !co.equals(lead)).toList();
                for (String id : concat(lead, coHandlers)) {
                    if (departments.apply(id).filter(Department::active).isEmpty()) {
                        return Routing.unsure(rule.id(), "规则 " + rule.id() + " 指定的单位 " + id + " 不在单位名录中或已停用");
                    }
                }
                return Routing.confident(lead, coHandlers, rule.id());
            }
        }
        return Routing.unsure(null, "类别 " + catalog.find(c.categoryCode()).map(Category::name)
                .orElse(c.categoryCode()) + " 没有相符的派单规则");
    }

    private static boolean matches(TriageRules.RoutingRule rule, String text, String township) {
        if (!rule.keywords().isEmpty() && Keywords.firstIn(text, rule.keywords()) == null) {
            return false;
        }
        if (!rule.also().isEmpty() && Keywords.firstIn(text, rule.also()) == null) {
            return false;
        }
        if (!rule.townships().isEmpty()) {
            return township != null && (rule.townships().contains(TriageRules.ANY_TOWNSHIP)
                    || rule.townships().contains(township));
        }
        return true;
    }

    private static List<String> concat(String lead, List<String> coHandlers) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(lead), coHandlers.stream()).toList();
    }
}
