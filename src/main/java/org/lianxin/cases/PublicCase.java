package org.lianxin.cases;

import java.time.OffsetDateTime;
import java.util.List;

/** A case as its citizen sees it on /query: what was asked, and what has happened since. */
public record PublicCase(String caseNo, String title, String content, String categoryName, String status,
        OffsetDateTime receivedAt, List<Step> timeline) {

    /**
     * One public step: a message key (query.step.*), its time, the handling unit where there is one, and the
     * department's answer text for an answer.
     */
    public record Step(String key, OffsetDateTime at, String unit, String text) {
    }
}
