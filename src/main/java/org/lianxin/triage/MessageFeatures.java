package org.lianxin.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * What the category model reads in a citizen's message: the words of Lucene's SmartChineseAnalyzer (of two
 * characters or more), each pair of adjacent words (拖欠 工资), and every single character and pair of adjacent
 * characters (what the segmenter cuts differently: 路灯 / 路 灯), counted apart for the title, which names the
 * matter in few words, and the content. Text is folded (NFKC, lower case)
 * and cut at {@value #MAX_CHARS} characters: the start of a long letter says what it is about.
 */
final class MessageFeatures {

    static final int MAX_CHARS = 1500;

    private final SmartChineseAnalyzer analyzer = new SmartChineseAnalyzer();

    /** Feature counts, keys prefixed by where they come from (t: title, c: content) and what they are. */
    Map<String, Integer> of(String title, String content) {
        Map<String, Integer> counts = new HashMap<>();
        add(counts, "t", title);
        add(counts, "c", content);
        return counts;
    }

    private void add(Map<String, Integer> counts, String part, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        String folded = Normalizer.normalize(text.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        if (folded.length() > MAX_CHARS) {
            folded = folded.substring(0, MAX_CHARS);
        }
        try (TokenStream tokens = analyzer.tokenStream("text", folded)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            String last = null;
            while (tokens.incrementToken()) {
                String word = term.toString();
                if (term.length() > 1) {
                    counts.merge(part + "w" + word, 1, Integer::sum);
                }
                if (last != null) {
                    counts.merge(part + "p" + last + " " + word, 1, Integer::sum);
                }
                last = word;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        char previous = 0;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isDigit(c)) {
                c = '0'; // amounts, dates and house numbers say nothing of the matter, that there is one does
            }
            if (!Character.isLetterOrDigit(c)) {
                previous = 0;
                continue;
            }
            if (Character.isIdeographic(c)) {
                counts.merge(part + "1" + c, 1, Integer::sum);
            }
            if (previous != 0) {
                counts.merge(part + "2" + previous + c, 1, Integer::sum);
            }
            previous = c;
        }
    }
}
