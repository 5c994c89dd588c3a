package org.lianxin.satisfaction;

/** What each channel calls the fields of a rating, so that an error names the field the sender knows. */
public record RatingFields(String caseNo, String intake, String rating, String comment) {

    public static final RatingFields HOTLINE = new RatingFields("caseNo", "recordId", "rating", "comment");
    public static final RatingFields OPEN311 = new RatingFields("service_request_id", "external_id", "rating",
            "comment");
    public static final RatingFields SMS = new RatingFields("from", "from", "text", "text");
}
