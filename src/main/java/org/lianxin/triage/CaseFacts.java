package org.lianxin.triage;

/**
 * What the rules look at: the citizen's words, the place, the category the channel supplied (if any) and the
 * number of visitors of a walk-in petition (if any).
 */
public record CaseFacts(String caseNo, String title, String content, String location, String category,
        Integer visitors) {

    /** Title and content, where the keywords of type, category, routing and hot rules are looked for. */
    public String text() {
        return (title == null ? "" : title) + "\n" + (content == null ? "" : content);
    }
}
