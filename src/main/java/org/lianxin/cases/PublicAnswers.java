package org.lianxin.cases;

import java.util.Locale;
import java.util.Map;

/**
 * The kinds of a public answer (case_answer.kind of a published answer: the lead's progress, final answer or
 * explanation) as the channels name them: a code (progress, final, explanation), a Chinese label, and whether it
 * answers the request (a final answer or an explanation) or only reports progress.
 */
public final class PublicAnswers {

    public static final String FINAL = "FINAL";
    public static final String EXPLANATION = "EXPLANATION";
    public static final String PROGRESS = "PROGRESS";

    private static final Map<String, String> LABELS = Map.of(PROGRESS, "阶段性答复", FINAL, "办结答复",
            EXPLANATION, "情况说明");

    private PublicAnswers() {
    }

    public static String code(String kind) {
        return kind.toLowerCase(Locale.ROOT);
    }

    public static String label(String kind) {
        return LABELS.getOrDefault(kind, "答复");
    }

    /** A final answer or an explanation answers the request; progress leaves it open. */
    public static boolean answers(String kind) {
        return FINAL.equals(kind) || EXPLANATION.equals(kind);
    }
}
