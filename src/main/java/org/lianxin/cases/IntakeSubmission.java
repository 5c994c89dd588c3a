package org.lianxin.cases;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A record as a channel sent it, before validation: the channel and its fields under the channel's own names.
 * The register-intake route validates it and registers it, or answers rejected.
 */
public record IntakeSubmission(Channel channel, Map<String, Object> fields) {

    /**
     * A walk-in petition, from the API or the desk page: the operator is always the logged-in staff member, never
     * what the sender put in the fields.
     */
    public static IntakeSubmission atDesk(Map<String, Object> fields, String staffUser) {
        Map<String, Object> withOperator = new LinkedHashMap<>(fields);
        withOperator.put(IntakeFieldNames.DESK.operatorId(), staffUser);
        return new IntakeSubmission(Channel.DESK, withOperator);
    }

    /** The sender's own id for the record, as given, for the answer even when the record is rejected. */
    public String externalId() {
        Object id = fields.get(IntakeFieldNames.of(channel).externalId());
        return id == null ? null : id.toString();
    }
}
