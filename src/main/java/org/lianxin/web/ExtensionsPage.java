package org.lianxin.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /supervision/extensions: departments' extension requests (延期) waiting for a supervisor, each with its case,
 * department, slip deadline and text; the supervisor approves it with a new deadline (suggested from the request)
 * or refuses it with a reason (routes/supervision/extension-decisions.yaml).
 */
@Controller
public class ExtensionsPage {

    private final ProducerTemplate camel;

    public ExtensionsPage(ProducerTemplate camel) {
        this.camel = camel;
    }

    @GetMapping("/supervision/extensions")
    public String list(Model model) {
        model.addAttribute("requests", camel.requestBody("direct:extension-requests", null, List.class));
        return "supervision/extensions";
    }

    @PostMapping("/supervision/extensions/{ref}/approve")
    public String approve(@PathVariable String ref, @RequestParam(defaultValue = "") String newDeadline,
            Principal supervisor, RedirectAttributes redirect) {
        SupervisorDecisions.decide(camel, "direct:extension-approve", ref, Map.of("newDeadline", newDeadline),
                supervisor, redirect, "extensions.approved");
        return "redirect:/supervision/extensions";
    }

    @PostMapping("/supervision/extensions/{ref}/refuse")
    public String refuse(@PathVariable String ref, @RequestParam(defaultValue = "") String reason,
            Principal supervisor, RedirectAttributes redirect) {
        SupervisorDecisions.decide(camel, "direct:extension-refuse", ref, Map.of("reason", reason), supervisor,
                redirect, "extensions.refused");
        return "redirect:/supervision/extensions";
    }
}
