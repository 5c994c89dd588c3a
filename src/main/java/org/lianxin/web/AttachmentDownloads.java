package org.lianxin.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.lianxin.cases.SlipLinks;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The files kept with a case, downloaded by staff (any login: /cases/{caseNo}/attachments/{id}) and by the department
 * whose slip they came with, through its reply link. Never public: they may show people, documents and addresses.
 * Always sent as a download (never shown inline) with their own type and nosniff, so a browser never runs one as a
 * page.
 */
@RestController
public class AttachmentDownloads {

    private final ProducerTemplate camel;
    private final SlipLinks links;

    public AttachmentDownloads(ProducerTemplate camel, SlipLinks links) {
        this.camel = camel;
        this.links = links;
    }

    @GetMapping("/cases/{caseNo}/attachments/{id}")
    public ResponseEntity<byte[]> forStaff(@PathVariable String caseNo, @PathVariable long id,
            HttpServletResponse response) {
        Map<String, Object> file = find(id);
        if (!caseNo.equals(file.get("case_no"))) {
            throw notFound();
        }
        return download(file, response);
    }

    @GetMapping("/reply/{token}/attachments/{id}")
    public ResponseEntity<byte[]> forDepartment(@PathVariable String token, @PathVariable long id,
            HttpServletResponse response) {
        SlipLinks.Claim claim = links.verify(token).orElseThrow(AttachmentDownloads::notFound);
        Map<String, Object> file = find(id);
        if (!claim.slipNo().equals(file.get("slip_no"))) {
            throw notFound();
        }
        return download(file, response);
    }

    private Map<String, Object> find(long id) {
        @SuppressWarnings("unchecked")
        Map<String, Object> file = camel.requestBodyAndHeader("direct:attachment-content", null, "attachmentId", id,
                Map.class);
        if (file == null) {
            throw notFound();
        }
        return file;
    }

    private static ResponseEntity<byte[]> download(Map<String, Object> file, HttpServletResponse response) {
        // the file's own type as stored, without the UTF-8 that pages are forced to (server.servlet.encoding)
        response.setCharacterEncoding((String) null);
        MediaType type;
        try {
            type = MediaType.parseMediaType((String) file.get("content_type"));
        } catch (RuntimeException unreadable) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename((String) file.get("file_name"), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body((byte[]) file.get("content"));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
