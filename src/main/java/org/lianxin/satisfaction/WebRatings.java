package org.lianxin.satisfaction;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Header;
import org.lianxin.cases.CaseStatus;
import org.lianxin.cases.InvalidIntakeException;
import org.springframework.stereotype.Component;

/**
 * Ratings from the web portal through the hub's Open311 extension POST /open311/v2/requests/{id}/rating.json: the
 * form (read by the Open311 channel) as a rating of the case's web intake, and the answer document.
 */
@Component("webRatings")
public class WebRatings {

    private static final RatingFields F = RatingFields.OPEN311;

    public RatingSubmission submission(Map<String, String> form, @Header("request") String caseNo) {
        String given = form.get(F.rating());
        Rating rating = Rating.of(given).orElseThrow(() -> new InvalidIntakeException(F.rating(), given == null
                ? "required" : "1, 2 or 3 (SATISFIED, BASICALLY_SATISFIED, DISSATISFIED; 满意, 基本满意, 不满意)"));
        String externalId = form.get(F.intake());
        return new RatingSubmission(caseNo, "web", null, externalId == null || externalId.isBlank() ? null
                : externalId.strip(), "web", "portal", rating, comment(form.get(F.comment()), F), true, F);
    }

    /**
     * {service_request_id, rating, rating_result (rated | duplicate), status (open | closed)}; a refused rating is
     * answered as the error it is.
     */
    public Map<String, Object> answer(RatingResult result) {
        if (result.refusal() != null) {
            throw result.refusal();
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("service_request_id", result.caseNo());
        answer.put("rating", result.rating().name());
        answer.put("rating_result", result.status().name());
        answer.put("status", CaseStatus.CLOSED.name().equals(result.caseStatus()) ? "closed" : "open");
        return answer;
    }

    /** A citizen's comment as written, null when blank; longer than the limit is refused naming the field. */
    static String comment(String comment, RatingFields fields) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        if (comment.length() > RatingSubmission.MAX_COMMENT) {
            throw new InvalidIntakeException(fields.comment(),
                    "longer than " + RatingSubmission.MAX_COMMENT + " characters");
        }
        return comment;
    }
}
