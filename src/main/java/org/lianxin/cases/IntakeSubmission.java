package org.lianxin.cases;

import java.util.Map;

/**
 * A record as a channel sent it, before validation: the channel and its fields under the channel's own names.
 * The register-intake route validates it and registers it, or answers rejected.
 */
public record IntakeSubmission(Channel channel, Map<String, Object> fields) {

    /** The sender's own id for the record, as given, for the answer even when the record is rejected. */
    public String externalId() {
        Object id = fields.get(IntakeFieldNames.of(channel).externalId());
        return id == null ? null : id.toString();
    }
}
