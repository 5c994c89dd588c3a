package org.lianxin.web;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.lianxin.cases.CaseNotFoundException;
import org.lianxin.cases.RequestRefused;
import org.lianxin.directory.DepartmentDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * /cases: staff search cases (by number, phone, words, department, status, dates); /cases/{caseNo}: one case with
 * everything that happened to it — intakes, slips and their deliveries, answers, and the whole event log — where
 * dispatchers and supervisors merge it into another case or split an intake off it (routes/repeats/merges.yaml).
 */
@Controller
public class CasePages {

    private final ProducerTemplate camel;
    private final DepartmentDirectory directory;
    private final ObjectMapper json;

    public CasePages(ProducerTemplate camel, DepartmentDirectory directory, ObjectMapper json) {
        this.camel = camel;
        this.directory = directory;
        this.json = json;
    }

    @GetMapping("/cases")
    public String search(@ModelAttribute("search") CaseSearch search, Model model) {
        model.addAttribute("statuses", CaseSearch.STATUSES.stream().sorted().toList());
        model.addAttribute("departments", directory.list());
        if (search.isEmpty()) {
            return "cases/search";
        }
        try {
            model.addAttribute("found", camel.requestBody("direct:case-search", search.parameters(), List.class));
            model.addAttribute("limit", CaseSearch.LIMIT);
        } catch (CaseSearch.InvalidSearchException e) {
            model.addAttribute("error", e);
        }
        return "cases/search";
    }

    /** Merges this case into another (a repeat found by hand): dispatchers and supervisors. */
    @PostMapping("/cases/{caseNo}/merge")
    public String merge(@PathVariable String caseNo, @RequestParam(defaultValue = "") String into,
            @RequestParam(defaultValue = "") String note, Principal staff, RedirectAttributes flash) {
        return change("direct:case-merge-by", caseNo, Map.of("into", into.strip(), "note", note.strip()), staff, flash,
                done -> {
                    flash.addFlashAttribute("changed", "merged");
                    flash.addFlashAttribute("other", caseNo);
                    return "redirect:/cases/" + done.get("target");
                });
    }

    /** Splits an intake off this case into a new case, registered again for triage. */
    @PostMapping("/cases/{caseNo}/split")
    public String split(@PathVariable String caseNo, @RequestParam(defaultValue = "") String intakeId,
            @RequestParam(defaultValue = "") String note, Principal staff, RedirectAttributes flash) {
        Map<String, Object> request = new HashMap<>();
        request.put("intakeId", intakeId.matches("\\d{1,18}") ? Long.valueOf(intakeId) : intakeId);
        request.put("note", note.strip());
        return change("direct:case-split-by", caseNo, request, staff, flash, done -> {
            flash.addFlashAttribute("changed", "split");
            flash.addFlashAttribute("other", done.get("caseNo"));
            return "redirect:/cases/" + caseNo;
        });
    }

    private String change(String route, String caseNo, Map<String, Object> request, Principal staff,
            RedirectAttributes flash, Function<Map<?, ?>, String> done) {
        try {
            Map<?, ?> result = camel.requestBodyAndHeaders(route, json.writeValueAsString(request),
                    Map.of("caseNo", caseNo, "staffUser", "user:" + staff.getName()), Map.class);
            return done.apply(result);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof RequestRefused refused) {
                flash.addFlashAttribute("refused", refused.getMessage());
                return "redirect:/cases/" + caseNo;
            }
            throw e;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GetMapping("/cases/{caseNo}")
    public String show(@PathVariable String caseNo, Model model) {
        try {
            model.addAttribute("c", camel.requestBodyAndHeader("direct:case-record", null, "caseNo", caseNo, Map.class));
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof CaseNotFoundException) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseNo);
            }
            throw e;
        }
        return "cases/case";
    }
}
