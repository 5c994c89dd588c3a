package org.lianxin.web;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.ProducerTemplate;
import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.IntakeFieldNames;
import org.lianxin.cases.IntakeResult;
import org.lianxin.cases.IntakeSubmission;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The petition desk (信访接待): staff enter a walk-in petition, the case is registered through the same route as
 * every channel (direct:register-intake), and the petitioner gets a printed receipt. The form carries a submission
 * id generated when it is shown: the DESK channel's external id, so a double click or a browser re-submit answers
 * the case already registered instead of registering a second one.
 */
@Controller
@RequestMapping("/desk")
public class DeskController {

    static final IntakeFieldNames FIELDS = IntakeFieldNames.DESK;
    /** The inputs a petition is read from, under the petition API's own names; anything else posted is ignored. */
    static final List<String> INPUTS = List.of(FIELDS.name(), FIELDS.phone(), FIELDS.idNumber(), FIELDS.address(),
            FIELDS.visitors(), FIELDS.category(), FIELDS.title(), FIELDS.content(), FIELDS.location());

    private final ProducerTemplate camel;
    private final CategoryCatalog categories;
    private final DeskErrors errors;
    private final QueryAddress queryAddress;
    private final String hotlineNumber;

    public DeskController(ProducerTemplate camel, CategoryCatalog categories, DeskErrors errors,
            QueryAddress queryAddress,
            @Value("${lianxin.hotline-number}") String hotlineNumber) {
        this.camel = camel;
        this.categories = categories;
        this.errors = errors;
        this.queryAddress = queryAddress;
        this.hotlineNumber = hotlineNumber;
    }

    @GetMapping
    public String form(Model model) {
        return showForm(model, new LinkedHashMap<>());
    }

    @PostMapping
    public String submit(@RequestParam MultiValueMap<String, String> params, Principal staff, Locale locale,
            Model model, RedirectAttributes redirect) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String input : INPUTS) {
            String value = params.getFirst(input);
            // An input left empty was not given; anything else, spaces included, is the petition as typed.
            if (value != null && !value.isEmpty()) {
                fields.put(input, value);
            }
        }
        // A form without its submission id cannot be told from its re-submit: the validator refuses it as blank.
        String submissionId = params.getFirst(FIELDS.externalId());
        fields.put(FIELDS.externalId(), submissionId == null ? "" : submissionId);

        IntakeResult result = camel.requestBody("direct:register-intake",
                IntakeSubmission.atDesk(fields, staff.getName()), IntakeResult.class);
        if (result.isRejected()) {
            model.addAttribute("error", errors.describe(result, locale));
            return showForm(model, fields);
        }
        redirect.addAttribute("caseNo", result.caseNo());
        if (result.status() == IntakeResult.Status.duplicate) {
            // Said in the address, not the session: a double click leaves two redirects for the one receipt.
            redirect.addAttribute("duplicate", true);
        }
        if (result.status() == IntakeResult.Status.repeat) {
            redirect.addAttribute("repeat", true);
        }
        if (result.status() != IntakeResult.Status.created) {
            // The receipt of this petition, which may have joined another citizen's case as a repeat.
            redirect.addAttribute("submission", submissionId);
        }
        return "redirect:/desk/receipt/{caseNo}";
    }

    @GetMapping("/receipt/{caseNo}")
    public String receipt(@PathVariable String caseNo,
            @RequestParam(name = "duplicate", defaultValue = "false") boolean duplicate,
            @RequestParam(name = "repeat", defaultValue = "false") boolean repeat,
            @RequestParam(name = "submission", required = false) String submission, Model model) {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("caseNo", caseNo);
        headers.put("submissionId", submission);
        @SuppressWarnings("unchecked")
        Map<String, Object> row = camel.requestBodyAndHeaders("direct:case-receipt", null, headers, Map.class);
        if (row == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no case " + caseNo);
        }
        model.addAttribute("receipt", Receipt.of(row));
        model.addAttribute("duplicate", duplicate);
        model.addAttribute("repeat", repeat);
        model.addAttribute("queryUrl", queryAddress.get());
        model.addAttribute("hotlineNumber", hotlineNumber);
        return "desk/receipt";
    }

    /** The form with the given input kept, and a fresh submission id unless it already has one. */
    private String showForm(Model model, Map<String, Object> values) {
        Object submissionId = values.get(FIELDS.externalId());
        if (submissionId == null || submissionId.toString().isBlank()) {
            values.put(FIELDS.externalId(), UUID.randomUUID().toString());
        }
        model.addAttribute("values", values);
        model.addAttribute("names", FIELDS);
        model.addAttribute("categories", categories.categories());
        return "desk/form";
    }
}
