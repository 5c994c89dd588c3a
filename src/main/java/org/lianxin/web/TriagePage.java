package org.lianxin.web;

import java.security.Principal;
import java.util.List;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.DispatchOrder;
import org.lianxin.cases.RequestType;
import org.lianxin.directory.DepartmentDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /triage: the dispatchers' queue. Each waiting case shows why it waits; the dispatcher corrects its type and
 * category, picks the lead and co-handling departments, and dispatches it in one action through the same
 * dispatch route the rules use.
 */
@Controller
public class TriagePage {

    private final ProducerTemplate camel;
    private final CategoryCatalog categories;
    private final DepartmentDirectory directory;

    public TriagePage(ProducerTemplate camel, CategoryCatalog categories, DepartmentDirectory directory) {
        this.camel = camel;
        this.categories = categories;
        this.directory = directory;
    }

    @GetMapping("/triage")
    public String queue(Model model) {
        model.addAttribute("cases", camel.requestBody("direct:triage-queue", null, List.class));
        model.addAttribute("categories", categories.categories());
        model.addAttribute("types", RequestType.values());
        model.addAttribute("departments", directory.list().stream().filter(d -> d.active()).toList());
        return "triage";
    }

    @PostMapping("/triage/{caseNo}")
    public String dispatch(@PathVariable String caseNo, @RequestParam RequestType requestType,
            @RequestParam(required = false) String category, @RequestParam(required = false) String lead,
            @RequestParam(required = false) List<String> coHandlers, Principal dispatcher,
            RedirectAttributes redirect) {
        List<String> co = coHandlers == null ? List.of()
                : coHandlers.stream().filter(id -> !id.isBlank() && !id.equals(lead)).distinct().toList();
        String chosenCategory = category == null || category.isBlank() ? null : category;
        try {
            if (lead == null || lead.isBlank()) {
                throw new IllegalArgumentException("lead");
            }
            camel.requestBody("direct:dispatch-case", new DispatchOrder(caseNo, requestType, chosenCategory, lead,
                    co, "user:" + dispatcher.getName()));
            redirect.addFlashAttribute("dispatched", caseNo);
        } catch (IllegalArgumentException noLead) {
            redirect.addFlashAttribute("failedCase", caseNo);
            redirect.addFlashAttribute("failure", "triage.error.no-lead");
        } catch (CamelExecutionException refused) {
            redirect.addFlashAttribute("failedCase", caseNo);
            redirect.addFlashAttribute("failure", "triage.error.refused");
            redirect.addFlashAttribute("failureDetail", RouteFailures.rootMessage(refused));
        }
        return "redirect:/triage";
    }
}
