package org.lianxin.web;

import java.util.List;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /deliveries: slip deliveries whose retries ran out — a mail server or SMS gateway down too long, an address that
 * does not exist — with the reason, and a button that sends one again once the cause is fixed. Below them the same
 * for answers going back to citizens (portal, hotline callback, SMS, survey), with how many are in each state.
 */
@Controller
public class ParkedDeliveriesPage {

    private final ProducerTemplate camel;

    public ParkedDeliveriesPage(ProducerTemplate camel) {
        this.camel = camel;
    }

    @GetMapping("/deliveries")
    public String list(Model model) {
        model.addAttribute("deliveries", camel.requestBody("direct:parked-deliveries", null, List.class));
        model.addAttribute("syncs", camel.requestBody("direct:parked-syncs", null, Map.class));
        return "deliveries";
    }

    @PostMapping("/deliveries/replay")
    public String replay(@RequestParam String slipNo, @RequestParam String channel, @RequestParam String address,
            RedirectAttributes redirect) {
        Boolean queued = camel.requestBodyAndHeaders("direct:replay-delivery", null,
                Map.of("slipNo", slipNo, "channel", channel, "address", address), Boolean.class);
        redirect.addFlashAttribute(Boolean.TRUE.equals(queued) ? "replayed" : "notReplayed", slipNo);
        return "redirect:/deliveries";
    }

    @PostMapping("/deliveries/sync-replay")
    public String replaySync(@RequestParam String ref, @RequestParam String caseNo, RedirectAttributes redirect) {
        Boolean queued = camel.requestBodyAndHeader("direct:replay-sync", null, "syncRef", ref, Boolean.class);
        redirect.addFlashAttribute(Boolean.TRUE.equals(queued) ? "syncReplayed" : "syncNotReplayed", caseNo);
        return "redirect:/deliveries";
    }
}
