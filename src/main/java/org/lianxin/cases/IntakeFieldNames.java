package org.lianxin.cases;

/**
 * What each channel calls the fields of a request, so that validation reads the channel's own names and every
 * error names the field the way its sender knows it. A null name: the channel has no such field.
 */
public record IntakeFieldNames(String externalId, String receivedAt, String name, String phone, String idNumber,
        String address, String visitors, String operatorId, String category, String title, String content,
        String location) {

    public static final IntakeFieldNames HOTLINE = new IntakeFieldNames("recordId", "callTime", "callerName",
            "callerNumber", null, null, null, "operatorId", "category", "title", "content", "location");

    public static final IntakeFieldNames DESK = new IntakeFieldNames("submissionId", null, "name", "phone",
            "idNumber", "address", "visitors", "operatorId", "category", "title", "content", "location");

    /** GeoReport v2 names; the name is first_name and last_name joined, the location address_string and lat/long. */
    public static final IntakeFieldNames OPEN311 = new IntakeFieldNames("external_id", null, "first_name/last_name",
            "phone", null, null, null, null, "service_code", "title", "description", "address_string");

    public static final IntakeFieldNames PORTAL = new IntakeFieldNames("id", "created_at", "name", "phone", null,
            null, null, null, "category", "title", "content", "location");

    public static IntakeFieldNames of(Channel channel) {
        return switch (channel) {
            case HOTLINE -> HOTLINE;
            case DESK -> DESK;
            case OPEN311 -> OPEN311;
            case PORTAL -> PORTAL;
        };
    }
}
