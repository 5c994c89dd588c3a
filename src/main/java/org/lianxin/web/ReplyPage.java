package org.lianxin.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.lianxin.attachments.Attachment;
import org.lianxin.attachments.AttachmentPolicy;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.PhoneNumbers;
import org.lianxin.cases.SlipLinks;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * /reply/{token}: the page behind a slip's signed link, for a department clerk on a phone. No login: the token is
 * the key, naming one slip and one department, signed and expiring; a tampered or expired one opens nothing. The
 * clerk signs for the slip, sends progress or the final answer, explains, or returns it, with files attached
 * (lianxin.attachments.*): an answer with a file the limits refuse is refused whole, naming the file and why, and
 * nothing of it is stored. The page lists the files already kept with the slip.
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
    private final AttachmentPolicy attachments;

    public ReplyPage(ProducerTemplate camel, SlipLinks links, AttachmentPolicy attachments) {
        this.camel = camel;
        this.links = links;
        this.attachments = attachments;
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
        view.put("deadline", CountyTime.of(slip.get("deadline")).toOffsetDateTime());
        view.put("received_at", CountyTime.of(slip.get("received_at")).toOffsetDateTime());
        model.addAttribute("slip", view);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("token", token);
        model.addAttribute("attachments", camel.requestBodyAndHeader("direct:slip-attachments", null, "slipNo",
                claim.slipNo(), List.class));
        model.addAttribute("limits", attachments.limits());
        model.addAttribute("maxFileSize", AttachmentPolicy.megabytes(attachments.limits().maxFileBytes()));
        model.addAttribute("maxMessageSize", AttachmentPolicy.megabytes(attachments.limits().maxMessageBytes()));
        return "reply";
    }

    @PostMapping("/reply/{token}")
    public String answer(@PathVariable String token, @RequestParam String kind,
            @RequestParam(defaultValue = "") String text,
            @RequestParam(name = "files", required = false) List<MultipartFile> files, Locale locale,
            RedirectAttributes redirect) throws IOException {
        SlipLinks.Claim claim = claim(token);
        if (!KINDS.contains(kind)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "kind");
        }
        if (!"SIGN".equals(kind) && text.isBlank()) {
            redirect.addFlashAttribute("failure", "reply.error.text-required");
            return "redirect:/reply/{token}";
        }
        List<Attachment> attached = new ArrayList<>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            // a file input left empty still sends a part, without a name or bytes
            if (!f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())) {
                attached.add(attachments.file(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
            }
        }
        List<String> refusals = attachments.sort(attached).refused().stream()
                .map(r -> attachments.explain(r, locale)).toList();
        if (!refusals.isEmpty()) {
            redirect.addFlashAttribute("failure", "reply.error.attachments");
            redirect.addFlashAttribute("refusals", refusals);
            return "redirect:/reply/{token}";
        }
        Map<String, Object> headers = new HashMap<>(Map.of("slipNo", claim.slipNo(),
                "departmentId", claim.departmentId(), "kind", kind, "text", text));
        if (!attached.isEmpty()) {
            headers.put("attachments", attached);
        }
        try {
            camel.sendBodyAndHeaders("direct:slip-link-answer", null, headers);
            redirect.addFlashAttribute("done", "reply.done." + kind);
        } catch (CamelExecutionException refused) {
            redirect.addFlashAttribute("failure", "reply.error.refused");
        }
        return "redirect:/reply/{token}";
    }

    /**
     * An upload the servlet refused before the answer was read (over the upload limit, or too many parts): back to
     * the page, saying so; nothing was stored.
     */
    @ExceptionHandler(MultipartException.class)
    public String uploadRefused(MultipartException e, HttpServletRequest request) {
        @SuppressWarnings("unchecked")
        Map<String, String> path = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String token = path == null ? null : path.get("token");
        if (token == null || links.verify(token).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "link invalid or expired");
        }
        RequestContextUtils.getOutputFlashMap(request).put("failure",
                e instanceof MaxUploadSizeExceededException ? "reply.error.upload-too-large" : "reply.error.upload");
        return "redirect:/reply/" + token;
    }

    private SlipLinks.Claim claim(String token) {
        Optional<SlipLinks.Claim> claim = links.verify(token);
        return claim.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "link invalid or expired"));
    }
}
