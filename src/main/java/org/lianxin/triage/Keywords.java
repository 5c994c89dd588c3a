package org.lianxin.triage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keyword matching as the rules use it: a keyword matches where the text contains it. Chinese has no spaces
 * between words, so substring matching is the honest way; the rules file chooses words long enough to mean one
 * thing (青山镇, not 青山, which is also an idiom).
 */
final class Keywords {

    private Keywords() {
    }

    /** The first keyword, in the rule's order, that the text contains; null when none. */
    static String firstIn(String text, Collection<String> keywords) {
        for (String keyword : keywords) {
            if (text.contains(keyword)) {
                return keyword;
            }
        }
        return null;
    }

    /** Every keyword the text contains, in the rule's order. */
    static List<String> allIn(String text, Collection<String> keywords) {
        List<String> found = new ArrayList<>();
        for (String keyword : keywords) {
            if (text.contains(keyword)) {
                found.add(keyword);
            }
        }
        return found;
    }

    /** “噪音”“扰民”: keywords as quoted in event notes. */
    static String quoted(Collection<String> keywords) {
        return keywords.stream().map(k -> "“" + k + "”").collect(Collectors.joining());
    }
}
