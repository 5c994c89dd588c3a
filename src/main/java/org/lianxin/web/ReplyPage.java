package org.lianxin.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.lianxin.cases.CaseView;
import org.lianxin.cases.PhoneNumbers;
import org.lianxin.cases.SlipLinks;
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
 * /reply/{token}: the page behind a slip's signed link, for a department clerk on a phone. No login: the token is
 * the key, naming one slip and one department, signed and expiring; a tampered or expired one opens nothing. The
 * clerk signs for the slip, sends progress or the final answer, explains, or returns it.
 */
@Controller
public class ReplyPage {

    /**
     * What the page offers: the answer kinds' names (org.lianxin.reply.AnswerKind) whose effect on the case the hub
     * applies. An extension request waits for a supervisor (/supervision/extensions), who moves the deadline.
     */
    static final List<String> KINDS = List.of("SIGN", "PROGRESS", "FINAL", "EXPLANATION", "EXTENSION", "RETURN");

    private final ProducerTemplate camel;
    private final SlipLinks links;

    public ReplyPage(ProducerTemplate camel, SlipLinks links) {
        this.camel = camel;
        this.links = links;
    }

    @GetMapping("/reply/{token}")
    public String show(@PathVariable String token, Model model) {
        SlipLinks.Claim claim = claim(token);
        @SuppressWarnings("unchecked")
        Map<String, Object> slip = camel.requestBodyAndHeader("direct:slip-view", null, "slipNo", claim.slipNo(),
                Map.class);
        if (slip == null || !claim.departmentId().equals(slip.get("department_id"))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, Object> view = new HashMap<>(slip);
        String phone = (String) slip.get("citizen_phone");
        view.put("citizen_phone", Boolean.TRUE.equals(slip.get("may_see_phone")) ? phone : PhoneNumbers.mask(phone));
        view.put("deadline", CaseView.countyTime(slip.get("deadline")).toOffsetDateTime());
        view.put("received_at", CaseView.countyTime(slip.get("received_at")).toOffsetDateTime());
        model.addAttribute("slip", view);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("token", token);
        return "reply";
    }

    @PostMapping("/reply/{token}")
    public String answer(@PathVariable String token, @RequestParam String kind,
            @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        SlipLinks.Claim claim = claim(token);
        if (!KINDS.contains(kind)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "kind");
        }
        if (!"SIGN".equals(kind) && text.isBlank()) {
            redirect.addFlashAttribute("failure", "reply.error.text-required");
            return "redirect:/reply/{token}";
        }
        try {
            camel.sendBodyAndHeaders("direct:slip-link-answer", null, Map.of("slipNo", claim.slipNo(),
                    "departmentId", claim.departmentId(), "kind", kind, "text", text));
            redirect.addFlashAttribute("done", "reply.done." + kind);
        } catch (CamelExecutionException refused) {
            redirect.addFlashAttribute("failure", "reply.error.refused");
        }
        return "redirect:/reply/{token}";
    }

    private SlipLinks.Claim claim(String token) {
        Optional<SlipLinks.Claim> claim = links.verify(token);
        return claim.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "link invalid or expired"));
    }
}
