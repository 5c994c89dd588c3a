package org.lianxin.cases;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lianxin.attachments.Attachment;
import org.lianxin.attachments.AttachmentPolicy;

import org.apache.camel.Body;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * The decisions of routes/cases/attachments.yaml: the rows of the files kept with a department's message and the
 * note on those refused, and how staff see a case's files.
 */
@Component("caseAttachments")
public class CaseAttachments {

    private final AttachmentPolicy policy;

    public CaseAttachments(AttachmentPolicy policy) {
        this.policy = policy;
    }

    /**
     * What to store of a message's files.
     *
     * @param rows one SQL parameter map per file kept
     * @param refused the case event on the files refused (attachments-refused), none when all were kept
     */
    public record Plan(List<Map<String, Object>> rows, List<CaseEvent> refused) {
    }

    /**
     * @param change the parameters of the change the message made (caseNo, slipNo, now, and answerRef when it was an
     *            answer): the files are kept with it
     */
    public Plan plan(@Header("attachments") List<Attachment> files, @Header("senderKind") String source,
            @Body Map<String, Object> change) {
        AttachmentPolicy.Sorted sorted = policy.sort(files);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Attachment f : sorted.kept()) {
            Map<String, Object> row = new HashMap<>();
            row.put("caseNo", change.get("caseNo"));
            row.put("slipNo", change.get("slipNo"));
            row.put("answerRef", change.get("answerRef"));
            row.put("source", source);
            row.put("fileName", f.fileName());
            row.put("contentType", f.contentType());
            row.put("size", f.size());
            row.put("sha256", Sha256.hex(f.content()));
            row.put("content", f.content());
            row.put("now", change.get("now"));
            rows.add(row);
        }
        return new Plan(rows, policy.note(sorted).map(note -> CaseEvent.of((String) change.get("caseNo"),
                (OffsetDateTime) change.get("now"), (String) change.get("actor"), null, "attachments-refused", note))
                .stream().toList());
    }

    /** A case's files as staff see them in the case's JSON, each with the address it is downloaded from. */
    public static List<Map<String, Object>> toJson(List<Map<String, Object>> rows) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.get("id"));
            m.put("slipNo", r.get("slip_no"));
            m.put("answerRef", r.get("answer_ref"));
            m.put("source", r.get("source"));
            m.put("fileName", r.get("file_name"));
            m.put("contentType", r.get("content_type"));
            m.put("size", r.get("size_bytes"));
            m.put("sha256", r.get("sha256"));
            m.put("createdAt", CountyTime.iso(r.get("created_at")));
            m.put("href", "/cases/" + r.get("case_no") + "/attachments/" + r.get("id"));
            files.add(m);
        }
        return files;
    }
}
