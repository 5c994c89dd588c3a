package org.lianxin.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.lianxin.cases.CountyTime;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The quarterly report per department (季度通报): /reports/quarterly?year=&quarter= on the page (this quarter when
 * not given), /reports/quarterly/print to print, /reports/quarterly.csv and .xlsx to download. A year or quarter
 * that cannot mean anything is named: on the page next to the form, for a download as a 400 in plain text.
 */
@Controller
public class QuarterlyReportPages {

    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ProducerTemplate camel;
    private final Clock clock;

    public QuarterlyReportPages(ProducerTemplate camel, Clock clock) {
        this.camel = camel;
        this.clock = clock;
    }

    @GetMapping("/reports/quarterly")
    public String show(@RequestParam(required = false) String year, @RequestParam(required = false) String quarter,
            Model model) {
        return page(year, quarter, model, "reports/quarterly");
    }

    @GetMapping("/reports/quarterly/print")
    public String print(@RequestParam(required = false) String year, @RequestParam(required = false) String quarter,
            Model model) {
        return page(year, quarter, model, "reports/quarterly-print");
    }

    @GetMapping("/reports/quarterly.csv")
    public ResponseEntity<byte[]> csv(@RequestParam(required = false) String year,
            @RequestParam(required = false) String quarter) {
        return file(year, quarter, "csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
    }

    @GetMapping("/reports/quarterly.xlsx")
    public ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String year,
            @RequestParam(required = false) String quarter) {
        return file(year, quarter, "xlsx", XLSX);
    }

    private String page(String year, String quarter, Model model, String view) {
        boolean asked = year != null || quarter != null;
        String y = asked ? year : String.valueOf(today().getYear());
        String q = asked ? quarter : String.valueOf((today().getMonthValue() - 1) / 3 + 1);
        model.addAttribute("year", y);
        model.addAttribute("quarter", q);
        try {
            model.addAttribute("report", camel.requestBodyAndHeaders("direct:quarterly-report", null,
                    Map.of("year", nullToEmpty(y), "quarter", nullToEmpty(q))));
        } catch (CamelExecutionException e) {
            model.addAttribute("error", Refusals.describe(Refusals.of(e).orElseThrow(() -> e)));
        }
        return view;
    }

    private ResponseEntity<byte[]> file(String year, String quarter, String format, MediaType type) {
        try {
            byte[] bytes = camel.requestBodyAndHeaders("direct:quarterly-report-file", null, Map.of(
                    "year", nullToEmpty(year), "quarter", nullToEmpty(quarter), "format", format), byte[].class);
            String name = "季度通报-" + year.strip() + "Q" + quarter.strip() + "." + format;
            return ResponseEntity.ok().contentType(type)
                    .header(HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                    .body(bytes);
        } catch (CamelExecutionException e) {
            String message = Refusals.describe(Refusals.of(e).orElseThrow(() -> e));
            return ResponseEntity.badRequest().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                    .body(message.getBytes(StandardCharsets.UTF_8));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(CountyTime.ZONE));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
