package org.lianxin.triage;

import java.util.List;

/**
 * Who handles a case: the lead department (主办) and co-handlers (协办), decided by rule {@code rule}. Not
 * confident: the case goes to the dispatchers, and {@code reason} says why.
 */
public record Routing(String lead, List<String> coHandlers, boolean confident, String rule, String reason) {

    public Routing {
        coHandlers = coHandlers == null ? List.of() : List.copyOf(coHandlers);
    }

    static Routing confident(String lead, List<String> coHandlers, String rule) {
        return new Routing(lead, coHandlers, true, rule, null);
    }

    static Routing unsure(String rule, String reason) {
        return new Routing(null, List.of(), false, rule, reason);
    }
}
