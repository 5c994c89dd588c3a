package org.lianxin.cases;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case waiting for a dispatcher, with the reason it waits (the rules' doubt, or a department's return) and the
 * categories the learned model suggested for it, most likely first (empty when it was not asked).
 */
public record WaitingCase(String caseNo, String title, String content, String category, String requestType,
        String location, OffsetDateTime receivedAt, boolean hot, String status, String reason,
        List<Suggested> suggestions) {

    /** A category the model suggested: its code and name, and the model's confidence in percent. */
    public record Suggested(String category, String name, int percent) {
    }

    /** The category the form starts with: the case's own, else the model's first suggestion. */
    public String proposedCategory() {
        return category != null ? category : suggestions.isEmpty() ? null : suggestions.get(0).category();
    }
}
