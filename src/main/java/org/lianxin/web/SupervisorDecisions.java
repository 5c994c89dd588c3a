package org.lianxin.web;

import java.security.Principal;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the supervisors' decision pages share: a decision sent to its route with the answer's reference and who
 * decides, and its outcome flashed to the list the page shows again — decided, decided before (a second click or
 * another supervisor), or refused with the route's reason.
 */
final class SupervisorDecisions {

    private SupervisorDecisions() {
    }

    static void decide(ProducerTemplate camel, String route, String ref, Map<String, Object> fields,
            Principal supervisor, RedirectAttributes redirect, String doneKey) {
        Map<String, Object> headers = new java.util.HashMap<>(fields);
        headers.put("answerRef", ref);
        headers.put("actor", "user:" + supervisor.getName());
        try {
            Boolean decided = camel.requestBodyAndHeaders(route, null, headers, Boolean.class);
            redirect.addFlashAttribute(Boolean.TRUE.equals(decided) ? "done" : "decidedBefore",
                    Boolean.TRUE.equals(decided) ? doneKey : "supervision.decided-before");
        } catch (CamelExecutionException refused) {
            redirect.addFlashAttribute("failedRef", ref);
            redirect.addFlashAttribute("failure", RouteFailures.rootMessage(refused));
        }
    }
}
