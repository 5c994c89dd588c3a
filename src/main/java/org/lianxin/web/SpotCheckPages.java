package org.lianxin.web;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.lianxin.cases.RequestRefused;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 回头看 / 抽查 (routes/reports/spot-checks.yaml): /reports/spot-checks lists the checks and draws a new random sample of
 * the cases closed in a period; /reports/spot-checks/{id} works through one sample, case by case — passed, or
 * failed with a note, which reopens the case (重办).
 */
@Controller
public class SpotCheckPages {

    private final ProducerTemplate camel;

    public SpotCheckPages(ProducerTemplate camel) {
        this.camel = camel;
    }

    @GetMapping("/reports/spot-checks")
    public String list(Model model) {
        model.addAttribute("checks", camel.requestBody("direct:spot-checks", null, List.class));
        return "reports/spot-checks";
    }

    @PostMapping("/reports/spot-checks")
    public String draw(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String size, Principal supervisor, Model model) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("from", from);
        headers.put("to", to);
        headers.put("size", size);
        headers.put("staffUser", supervisor.getName());
        try {
            Object id = camel.requestBodyAndHeaders("direct:spot-check-draw", null, headers);
            return "redirect:/reports/spot-checks/" + id;
        } catch (CamelExecutionException e) {
            RequestRefused refused = Refusals.of(e).orElseThrow(() -> e);
            model.addAttribute("error", Refusals.describe(refused));
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("size", size);
            return list(model);
        }
    }

    @GetMapping("/reports/spot-checks/{id}")
    public String show(@PathVariable String id, Model model) {
        if (!id.matches("\\d{1,18}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no spot check " + id);
        }
        Map<?, ?> view = camel.requestBodyAndHeader("direct:spot-check", null, "checkId", Long.parseLong(id),
                Map.class);
        if (view.get("check") == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no spot check " + id);
        }
        model.addAttribute("view", view);
        return "reports/spot-check";
    }

    @PostMapping("/reports/spot-checks/{id}/cases/{caseNo}")
    public String result(@PathVariable String id, @PathVariable String caseNo, @RequestParam(required = false)
            String result, @RequestParam(required = false) String note, Principal supervisor,
            RedirectAttributes redirect) {
        Map<String, Object> headers = new HashMap<>();
        headers.put("checkId", id);
        headers.put("caseNo", caseNo);
        headers.put("result", result);
        headers.put("note", note);
        headers.put("staffUser", supervisor.getName());
        try {
            camel.requestBodyAndHeaders("direct:spot-check-result", null, headers);
            redirect.addFlashAttribute("recorded", caseNo);
        } catch (CamelExecutionException e) {
            RequestRefused refused = Refusals.of(e).orElseThrow(() -> e);
            if (refused.status() == 404) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, refused.getMessage());
            }
            redirect.addFlashAttribute("error", Refusals.describe(refused));
            redirect.addFlashAttribute("errorCase", caseNo);
        }
        return "redirect:/reports/spot-checks/" + id + "#case-" + caseNo;
    }
}
