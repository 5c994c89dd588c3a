package org.lianxin.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.ProducerTemplate;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * /dashboard: what supervisors watch — intake per channel, open cases, overdue and due-soon slips, this quarter's
 * rates, parked deliveries, hot issues — computed when asked (routes/reports/dashboard.yaml); /dashboard/data is the same
 * as JSON. The charts are drawn in the browser by ECharts, served from its webjar in the hub's own jar.
 */
@Controller
public class DashboardPage {

    /** Where the ECharts webjar serves its script, with the version of the webjar on the classpath. */
    static final String ECHARTS_SCRIPT = "/webjars/echarts/" + webjarVersion("org.webjars.npm", "echarts")
            + "/dist/echarts.min.js";

    private final ProducerTemplate camel;
    private final MessageSource messages;

    public DashboardPage(ProducerTemplate camel, MessageSource messages) {
        this.camel = camel;
        this.messages = messages;
    }

    @GetMapping("/dashboard")
    public String show(Model model, Locale locale) {
        Map<?, ?> d = data();
        model.addAttribute("d", d);
        model.addAttribute("charts", charts(d, locale));
        model.addAttribute("echartsScript", ECHARTS_SCRIPT);
        return "reports/dashboard";
    }

    @GetMapping(value = "/dashboard/data", produces = "application/json")
    @ResponseBody
    public Map<?, ?> data() {
        return camel.requestBody("direct:dashboard", null, Map.class);
    }

    /** The charts' data with its labels in the reader's language: plain lists of text and numbers. */
    private Map<String, Object> charts(Map<?, ?> d, Locale locale) {
        Map<?, ?> intake = (Map<?, ?>) d.get("intake");
        List<Map<String, Object>> series = new ArrayList<>();
        for (Object o : (List<?>) intake.get("series")) {
            Map<?, ?> s = (Map<?, ?>) o;
            series.add(Map.of("name", label("dashboard.channel." + s.get("channel"), locale), "data", s.get("counts")));
        }
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("intake", Map.of("days", intake.get("days"), "series", series));
        charts.put("status", bars((List<?>) d.get("openByStatus"), r -> label("case.status." + r.get("status"), locale)));
        charts.put("departments", bars((List<?>) d.get("openByDepartment"),
                r -> r.get("name") == null ? label("dashboard.no-lead", locale) : (String) r.get("name")));
        return charts;
    }

    private static Map<String, Object> bars(List<?> rows, java.util.function.Function<Map<?, ?>, String> label) {
        List<String> labels = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Object o : rows) {
            Map<?, ?> r = (Map<?, ?>) o;
            labels.add(label.apply(r));
            values.add(r.get("count"));
        }
        return Map.of("labels", labels, "values", values);
    }

    private String label(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static String webjarVersion(String group, String artifact) {
        Properties pom = new Properties();
        try (InputStream in = new ClassPathResource("META-INF/maven/" + group + "/" + artifact + "/pom.properties")
                .getInputStream()) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no " + artifact + " webjar on the classpath", e);
        }
        return pom.getProperty("version");
    }
}
