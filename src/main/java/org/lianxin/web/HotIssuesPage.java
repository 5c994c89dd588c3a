package org.lianxin.web;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.lianxin.cases.RequestRefused;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * /hot (SUPERVISOR): the hot issues of the window (routes/repeats/hot-clusters.yaml), each with its cases, and the leader's
 * instruction (批示) on a cluster or on one case (routes/supervision/instructions.yaml). A refused instruction shows the page
 * again with the reason and the text as written.
 */
@Controller
public class HotIssuesPage {

    private final ProducerTemplate camel;
    private final int windowDays;
    private final int minCitizens;

    public HotIssuesPage(ProducerTemplate camel, @Value("${lianxin.hot.window-days}") int windowDays,
            @Value("${lianxin.hot.min-citizens}") int minCitizens) {
        this.camel = camel;
        this.windowDays = windowDays;
        this.minCitizens = minCitizens;
    }

    @GetMapping("/hot")
    public String list(Model model) {
        model.addAttribute("clusters",
                camel.requestBodyAndHeader("direct:hot-clusters", null, "hotLatest", true, List.class));
        model.addAttribute("windowDays", windowDays);
        model.addAttribute("minCitizens", minCitizens);
        return "hot";
    }

    /** caseNos: the cluster's cases as the page showed them (clusterId and label set), or caseNo: one case. */
    @PostMapping("/hot/instructions")
    public String instruct(@RequestParam(required = false) List<String> caseNos,
            @RequestParam(required = false) String caseNo, @RequestParam(required = false) String clusterId,
            @RequestParam(required = false) String label, @RequestParam(required = false) String text,
            Principal leader, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Map<String, Object> instruction = new HashMap<>();
        instruction.put("caseNos", caseNo != null && !caseNo.isBlank() ? List.of(caseNo) : caseNos);
        instruction.put("clusterId", clusterId);
        instruction.put("label", label);
        instruction.put("text", text);
        instruction.put("author", "user:" + leader.getName());
        try {
            Map<?, ?> sent = camel.requestBody("direct:instruction", instruction, Map.class);
            redirect.addFlashAttribute("sent", sent);
            return "redirect:/hot";
        } catch (CamelExecutionException e) {
            RequestRefused refused = refusal(e);
            if (refused == null) {
                throw e;
            }
            response.setStatus(refused.status());
            model.addAttribute("failure", refused);
            model.addAttribute("failedCluster", clusterId);
            model.addAttribute("failedCase", caseNo);
            model.addAttribute("failedText", text);
            return list(model);
        }
    }

    /** The refusal behind a route's failure (the transaction's error handler may wrap it), or null. */
    private static RequestRefused refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RequestRefused refused) {
                return refused;
            }
        }
        return null;
    }
}
