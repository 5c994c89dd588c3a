package org.lianxin.triage;

import java.io.IOException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lianxin.cases.InvalidIntakeException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff API of the triage model (HTTP Basic, ADMIN or SUPERVISOR). A plain Spring controller rather than a
 * Camel REST route: the archive comes as raw bytes in UTF-8 or GBK, or as a multipart upload, and is read by
 * {@link HistoryArchive} as it is.
 * <ul>
 * <li>POST /api/triage/history (text/csv, or multipart/form-data with a part "file", CSV or XLSX): imports a
 * labelled archive; {"imported": n, "duplicates": d, "rejected": [{"row": r, "error": "…"}]}.</li>
 * <li>POST /api/triage/models: trains now; {"version", "trainedOn", "heldOut": {"accuracy", "macroF1"},
 * "switched"}. 409 while another training runs.</li>
 * <li>GET /api/triage/models: the stored versions, newest first.</li>
 * <li>POST /api/triage/models/{version}/current: makes that version current (roll back or forward).</li>
 * </ul>
 */
@RestController
@RequestMapping(path = "/api/triage", produces = MediaType.APPLICATION_JSON_VALUE)
public class TriageModelApi {

    private final HistoryImport history;
    private final ModelTraining training;
    private final TriageModels models;

    public TriageModelApi(HistoryImport history, ModelTraining training, TriageModels models) {
        this.history = history;
        this.training = training;
        this.models = models;
    }

    @PostMapping(path = "/history", consumes = {"text/csv", "text/plain", "application/octet-stream",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public ResponseEntity<HistoryImport.Result> importFile(@RequestBody byte[] file, Principal staff) {
        return answer(history.importFile(file, staff.getName()));
    }

    @PostMapping(path = "/history", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<HistoryImport.Result> importUpload(@RequestPart("file") MultipartFile file, Principal staff)
            throws IOException {
        return answer(history.importFile(file.getBytes(), staff.getName()));
    }

    /** 200 when anything was taken (or all were there already), 400 when every row was rejected. */
    private static ResponseEntity<HistoryImport.Result> answer(HistoryImport.Result result) {
        boolean nothingTaken = result.imported() == 0 && result.duplicates() == 0;
        return ResponseEntity.status(nothingTaken ? HttpStatus.BAD_REQUEST : HttpStatus.OK).body(result);
    }

    @PostMapping("/models")
    public ModelTraining.Result train(Principal staff) {
        return training.trainNow("user:" + staff.getName());
    }

    @GetMapping("/models")
    public List<Map<String, Object>> versions() {
        return models.versions().stream().map(TriageModelApi::summary).toList();
    }

    @PostMapping("/models/{version}/current")
    public Map<String, Object> makeCurrent(@PathVariable int version) {
        training.makeCurrent(version);
        return summary(models.version(version).orElseThrow());
    }

    private static Map<String, Object> summary(TriageModels.ModelVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("trainedAt", v.trainedAt());
        m.put("trainedBy", v.trainedBy());
        m.put("trainedOn", v.trainedOn());
        m.put("heldOut", Map.of("examples", v.heldOut(), "accuracy", v.accuracy(), "macroF1", v.macroF1()));
        m.put("trainingSeconds", v.seconds());
        m.put("current", v.current());
        m.put("note", v.note());
        return m;
    }

    @ExceptionHandler(InvalidIntakeException.class)
    ResponseEntity<Map<String, Object>> badFile(InvalidIntakeException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), e.field());
    }

    @ExceptionHandler(TriageModels.NoSuchVersion.class)
    ResponseEntity<Map<String, Object>> unknown(TriageModels.NoSuchVersion e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), null);
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, Object>> cannotTrain(IllegalStateException e) {
        return error(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), null);
    }

    @ExceptionHandler(ModelTraining.TrainingBusy.class)
    ResponseEntity<Map<String, Object>> busy(ModelTraining.TrainingBusy e) {
        return error(HttpStatus.CONFLICT, e.getMessage(), null);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
