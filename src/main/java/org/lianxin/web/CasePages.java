package org.lianxin.web;

import java.util.List;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.lianxin.cases.CaseNotFoundException;
import org.lianxin.directory.DepartmentDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * /cases: staff search cases (by number, phone, words, department, status, dates); /cases/{caseNo}: one case with
 * everything that happened to it — intakes, slips and their deliveries, answers, and the whole event log.
 */
@Controller
public class CasePages {

    private final ProducerTemplate camel;
    private final DepartmentDirectory directory;

    public CasePages(ProducerTemplate camel, DepartmentDirectory directory) {
        this.camel = camel;
        this.directory = directory;
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
