package org.lianxin.web;

import org.apache.camel.ProducerTemplate;
import org.lianxin.cases.PublicCase;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * /query: citizens follow their case with its number and query code, from the receipt, the SMS or Open311's
 * notice. No login; a wrong code shows the same "not found" as an unknown number, so codes cannot be probed.
 */
@Controller
public class QueryPage {

    private final ProducerTemplate camel;

    public QueryPage(ProducerTemplate camel) {
        this.camel = camel;
    }

    @GetMapping("/query")
    public String query(@RequestParam(required = false) String caseNo,
            @RequestParam(required = false) String queryCode, Model model) {
        model.addAttribute("caseNo", caseNo);
        if (caseNo != null && !caseNo.isBlank() && queryCode != null && !queryCode.isBlank()) {
            PublicCase found = camel.requestBodyAndHeaders("direct:case-public-view", null,
                    Map.of("caseNo", caseNo.strip(), "queryCode", queryCode), PublicCase.class);
            model.addAttribute("found", found);
            model.addAttribute("notFound", found == null);
        }
        return "query";
    }
}
