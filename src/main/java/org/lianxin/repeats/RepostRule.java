package org.lianxin.repeats;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether two texts are one message posted twice, told by the text alone (no phone, no place). Compared on their
 * letters and digits only (NFKC, lower case, so spaces and punctuation do not count), two texts are one message
 * when they are the same (at least {@value #MIN_EXACT} letters), or when the shorter one has at least
 * {@value #MIN_LETTERS} letters and the longer one is it with words added before or after — "再次反映：", "至今没有解决",
 * a sentence at the end — at most {@value #MAX_ADDED_SHARE} of its length (at least {@value #MIN_ADDED} letters).
 * A message about another place or number on the same words is not: its place or number is not in the other text.
 * Precision first (a wrong join hides a request): on the project's generated web archive, an added stretch inside
 * the text, or containment of shorter texts, joined messages of different matters more often than one in a hundred.
 */
public final class RepostRule {

    /** Fewer letters than this is too short to tell a re-post from a common phrase ("路灯坏了"). */
    public static final int MIN_EXACT = 10;
    /** A text with words added is a re-post only from this many letters: a short complaint is often a sentence
     *  of a longer one about something else. */
    static final int MIN_LETTERS = 40;
    static final double MAX_ADDED_SHARE = 0.6;
    static final int MIN_ADDED = 10;

    private RepostRule() {
    }

    /** The text as compared: letters and digits only, NFKC-folded, lower case; "" for null. */
    public static String letters(String text) {
        if (text == null) {
            return "";
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** A re-posted text found among others: its index and how alike it is. */
    public record Found(int index, double likeness) {
    }

    /** The most alike of the others (letters each) that the text (letters) is a re-post of, or null. */
    public static Found best(String letters, List<String> others) {
        Found best = null;
        for (int i = 0; i < others.size(); i++) {
            if (reposted(letters, others.get(i))) {
                double likeness = likeness(letters, others.get(i));
                if (best == null || likeness > best.likeness()) {
                    best = new Found(i, likeness);
                }
            }
        }
        return best;
    }

    /** Whether two texts' letters (see {@link #letters}) are one message posted twice. */
    public static boolean reposted(String lettersA, String lettersB) {
        String shorter = lettersA.length() <= lettersB.length() ? lettersA : lettersB;
        String longer = shorter == lettersA ? lettersB : lettersA;
        if (shorter.length() < MIN_EXACT) {
            return false;
        }
        if (shorter.length() < MIN_LETTERS) {
            return shorter.equals(longer);
        }
        int added = longer.length() - shorter.length();
        return added <= Math.max(MIN_ADDED, shorter.length() * MAX_ADDED_SHARE) && longer.contains(shorter);
    }

    /**
     * How alike two texts' letters are, from 0 to 1: the cosine of their counts of adjacent letter pairs. Staff are
     * offered an open case at or above lianxin.repeats.possible-threshold as a possible repeat.
     */
    public static double likeness(String lettersA, String lettersB) {
        if (lettersA.length() < 2 || lettersB.length() < 2) {
            return 0;
        }
        Map<String, Integer> a = pairs(lettersA);
        Map<String, Integer> b = pairs(lettersB);
        double dot = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            Integer y = b.get(e.getKey());
            if (y != null) {
                dot += (double) e.getValue() * y;
            }
        }
        return dot / Math.sqrt(norm(a) * norm(b));
    }

    /** The adjacent letter pairs of a text's letters, with their counts. */
    static Map<String, Integer> pairs(String letters) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + 1 < letters.length(); i++) {
            counts.merge(letters.substring(i, i + 2), 1, Integer::sum);
        }
        return counts;
    }

    private static double norm(Map<String, Integer> counts) {
        double n = 0;
        for (int c : counts.values()) {
            n += (double) c * c;
        }
        return n;
    }
}
