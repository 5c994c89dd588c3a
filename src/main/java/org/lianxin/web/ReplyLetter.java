package org.lianxin.web;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * What the reply letter (答复意见书) tells a walk-in petitioner: their request as registered, the lead department's
 * published answer, and the progress reported before it. {@code answer} is null while no final answer or
 * explanation is published: there is no letter to print yet.
 */
public record ReplyLetter(String caseNo, String queryCode, String petitionerName, ZonedDateTime receivedAt,
        String title, String content, Answer answer, List<Answer> progress) {

    /**
     * One published answer: its kind (FINAL, EXPLANATION or PROGRESS, as the reply package names them), the
     * department that gave it, its text and when it was published, in county time.
     */
    public record Answer(String kind, String department, String text, ZonedDateTime publishedAt) {
    }

    public boolean isAnswered() {
        return answer != null;
    }
}
