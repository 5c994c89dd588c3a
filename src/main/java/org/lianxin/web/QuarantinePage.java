package org.lianxin.web;

import java.util.List;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * /quarantine: what arrived about slips and was not applied — a mail from someone who is not the slip's
 * department, an SMS from an unknown number, a message without a slip number — for staff to read and follow up.
 */
@Controller
public class QuarantinePage {

    private final ProducerTemplate camel;

    public QuarantinePage(ProducerTemplate camel) {
        this.camel = camel;
    }

    @GetMapping("/quarantine")
    public String list(Model model) {
        model.addAttribute("messages", camel.requestBody("direct:quarantine-view", null, List.class));
        return "quarantine";
    }
}
