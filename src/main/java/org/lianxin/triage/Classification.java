package org.lianxin.triage;

import java.util.List;

import org.lianxin.cases.RequestType;

/**
 * What a case is, as the rules decided, each part with its rule.
 *
 * @param type          always decided (by default 求助 HELP, rule type-default)
 * @param category      null when no category could be decided; then {@code categoryDoubt} says why
 * @param township      the township (its department id) the case happens in, or null
 * @param hot           null unless the case is hot
 * @param model         the model's version and suggestions when it was asked (no channel or certain rule decided),
 *                      else null
 */
public record Classification(CaseFacts facts, Decision<RequestType> type, Decision<String> category,
        Decision<String> township, Decision<Boolean> hot, String categoryDoubt, ModelOpinion model) {

    /** What the current model said of the case: its version and every category with its probability. */
    public record ModelOpinion(int version, List<Suggestion> suggestions) {
        public List<Suggestion> top(int n) {
            return suggestions.subList(0, Math.min(n, suggestions.size()));
        }
    }

    public boolean isHot() {
        return hot != null;
    }

    public String categoryCode() {
        return category == null ? null : category.value();
    }

    public String townshipId() {
        return township == null ? null : township.value();
    }
}
