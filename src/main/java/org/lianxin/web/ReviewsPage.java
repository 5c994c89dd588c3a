package org.lianxin.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /supervision/reviews (审核, with lianxin.review.enabled): lead departments' final answers and explanations waiting
 * before publication; the supervisor approves one (published) or sends it back with a reason
 * (routes/supervision/answer-reviews.yaml). Answers left waiting when review was switched off stay here until decided.
 */
@Controller
public class ReviewsPage {

    private final ProducerTemplate camel;
    private final boolean enabled;

    public ReviewsPage(ProducerTemplate camel, @Value("${lianxin.review.enabled}") boolean enabled) {
        this.camel = camel;
        this.enabled = enabled;
    }

    @GetMapping("/supervision/reviews")
    public String list(Model model) {
        model.addAttribute("answers", camel.requestBody("direct:answer-reviews", null, List.class));
        model.addAttribute("reviewEnabled", enabled);
        return "supervision/reviews";
    }

    @PostMapping("/supervision/reviews/{ref}/approve")
    public String approve(@PathVariable String ref, Principal supervisor, RedirectAttributes redirect) {
        SupervisorDecisions.decide(camel, "direct:answer-approve", ref, Map.of(), supervisor, redirect,
                "reviews.approved");
        return "redirect:/supervision/reviews";
    }

    @PostMapping("/supervision/reviews/{ref}/send-back")
    public String sendBack(@PathVariable String ref, @RequestParam(defaultValue = "") String reason,
            Principal supervisor, RedirectAttributes redirect) {
        SupervisorDecisions.decide(camel, "direct:answer-send-back", ref, Map.of("reason", reason), supervisor,
                redirect, "reviews.sent-back");
        return "redirect:/supervision/reviews";
    }
}
