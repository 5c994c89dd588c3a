package org.lianxin.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reply letter (答复意见书) the petition desk prints for a walk-in petitioner once the lead department's final
 * answer or explanation is published: a print view and the same letter as PDF. A case not yet answered has no
 * letter: the desk sees that said plainly instead.
 */
@Controller
@RequestMapping("/desk")
public class DeskLetterController {

    private static final Logger log = LoggerFactory.getLogger(DeskLetterController.class);

    private final ProducerTemplate camel;
    private final LetterPdf pdf;
    private final QueryAddress queryAddress;
    private final String countyName;
    private final String reviewNotice;

    public DeskLetterController(ProducerTemplate camel, LetterPdf pdf, QueryAddress queryAddress,
            @Value("${lianxin.county-name}") String countyName,
            @Value("${lianxin.letter.review-notice}") String reviewNotice) {
        this.camel = camel;
        this.pdf = pdf;
        this.queryAddress = queryAddress;
        this.countyName = countyName;
        this.reviewNotice = reviewNotice;
    }

    /** The desk page's "find a case": a case number, as typed, to its letter. */
    @GetMapping("/letter")
    public String find(@RequestParam(defaultValue = "") String caseNo, RedirectAttributes redirect) {
        String wanted = caseNo.strip();
        if (wanted.isEmpty()) {
            return "redirect:/desk";
        }
        redirect.addAttribute("caseNo", wanted);
        return "redirect:/desk/cases/{caseNo}/letter";
    }

    @GetMapping("/cases/{caseNo}/letter")
    public String letter(@PathVariable String caseNo, Model model) {
        model.addAllAttributes(contents(answered(caseNo)));
        return "desk/letter";
    }

    @GetMapping("/cases/{caseNo}/letter.pdf")
    public ResponseEntity<byte[]> letterPdf(@PathVariable String caseNo, Locale locale) {
        ReplyLetter letter = answered(caseNo);
        byte[] document = pdf.render(contents(letter), locale);
        String filename = "答复意见书-" + letter.caseNo() + ".pdf";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(filename, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(document);
    }

    /** No such case, or no published answer yet: said plainly, for the page and the PDF alike. */
    @ExceptionHandler(NoLetterException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    public String noLetter(NoLetterException e, Model model) {
        model.addAttribute("caseNo", e.caseNo());
        model.addAttribute("caseKnown", e.caseKnown());
        return "desk/no-letter";
    }

    /** Without its font the PDF cannot be made: the desk is told which font is missing, and to print the page. */
    @ExceptionHandler(LetterFontUnavailableException.class)
    @ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
    public String fontUnavailable(LetterFontUnavailableException e, Model model) {
        log.error("{}", e.getMessage(), e.getCause());
        model.addAttribute("font", e.font().toString());
        model.addAttribute("problem", e.getMessage());
        return "desk/no-letter";
    }

    private ReplyLetter answered(String caseNo) {
        ReplyLetter letter = camel.requestBodyAndHeader("direct:case-letter", null, "caseNo", caseNo,
                ReplyLetter.class);
        if (letter == null || !letter.isAnswered()) {
            throw new NoLetterException(caseNo, letter != null);
        }
        return letter;
    }

    /** The case has no letter to print: it is unknown, or its answer is not published yet. */
    static class NoLetterException extends RuntimeException {

        private final String caseNo;
        private final boolean caseKnown;

        NoLetterException(String caseNo, boolean caseKnown) {
            super(caseKnown ? "case " + caseNo + " has no published answer yet" : "no case " + caseNo);
            this.caseNo = caseNo;
            this.caseKnown = caseKnown;
        }

        String caseNo() {
            return caseNo;
        }

        boolean caseKnown() {
            return caseKnown;
        }
    }

    /** What the letter template needs, for the print view and the PDF alike. */
    private Map<String, Object> contents(ReplyLetter letter) {
        Map<String, Object> contents = new LinkedHashMap<>();
        contents.put("letter", letter);
        contents.put("countyName", countyName);
        contents.put("queryUrl", queryAddress.get());
        contents.put("reviewNotice", reviewNotice);
        return contents;
    }
}
