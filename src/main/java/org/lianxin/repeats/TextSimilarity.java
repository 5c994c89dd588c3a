package org.lianxin.repeats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.springframework.stereotype.Component;

/**
 * How alike two citizens' requests are about <em>what</em> is wrong, from 0 (nothing in common) to 1 (the same
 * words), stable for the same two texts:
 * <ol>
 * <li>each text (the first {@value #MAX_CHARS} characters, full-width forms folded, lower case) becomes features:
 * the words of Lucene's SmartChineseAnalyzer (an HMM word segmenter with its own dictionary) and every pair of
 * adjacent Chinese characters — pairs catch what the segmenter cuts differently (路灯 / 路 灯, 停水 / 停 水);</li>
 * <li>punctuation and the stop words of repeats/stopwords.txt go (and character pairs that are a stop word or hold a one-character one);</li>
 * <li>the features of both requests' locations go too: where it happened is decided by the caller (same
 * phone, same place), so that two complaints about one building do not look alike by its name alone;</li>
 * <li>the score is the cosine of the two feature-count vectors. Fewer than {@value #MIN_FEATURES} features left
 * on either side scores 0 (too short to tell), unless the two texts are the same.</li>
 * </ol>
 * Features of recent texts are kept in a small cache: a stored request never changes.
 */
@Component
public class TextSimilarity {

    static final int MAX_CHARS = 500;
    static final int MIN_FEATURES = 3;
    private static final int CACHE_SIZE = 4096;

    private final SmartChineseAnalyzer analyzer;
    private final Set<Character> stopChars = new HashSet<>();
    private final Set<String> stopPairs = new HashSet<>();
    private final Map<String, Map<String, Integer>> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, Integer>> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    public TextSimilarity() {
        List<String> stopWords = stopWords();
        CharArraySet stop = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        stop.addAll(stopWords);
        stopWords.stream().filter(w -> w.length() == 1).forEach(w -> stopChars.add(w.charAt(0)));
        stopWords.stream().filter(w -> w.length() == 2).forEach(stopPairs::add);
        analyzer = new SmartChineseAnalyzer(stop);
        // The segmenter loads its dictionaries on first use (about a second): at start-up, not in an intake.
        features("连心桥启动");
    }

    /** The score of request a (at location placeA, may be null) against request b (at placeB). */
    public double score(String a, String placeA, String b, String placeB) {
        if (a == null || b == null) {
            return 0;
        }
        if (normalise(a).equals(normalise(b)) && !normalise(a).isBlank()) {
            return 1;
        }
        Set<String> place = new HashSet<>();
        place.addAll(features(placeA).keySet());
        place.addAll(features(placeB).keySet());
        Map<String, Integer> fa = without(features(a), place);
        Map<String, Integer> fb = without(features(b), place);
        if (fa.size() < MIN_FEATURES || fb.size() < MIN_FEATURES) {
            return 0;
        }
        return cosine(fa, fb);
    }

    /** The features of a text with their counts (see the class comment); empty for null. */
    Map<String, Integer> features(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        String normalised = normalise(text);
        return cache.computeIfAbsent(normalised, this::analyse);
    }

    private Map<String, Integer> analyse(String text) {
        Map<String, Integer> counts = new HashMap<>();
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                counts.merge(term.toString(), 1, Integer::sum);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i + 1 < text.length(); i++) {
            char first = text.charAt(i);
            char second = text.charAt(i + 1);
            if (Character.isIdeographic(first) && Character.isIdeographic(second) && !stopChars.contains(first)
                    && !stopChars.contains(second)) {
                String pair = new String(new char[] {first, second});
                if (!stopPairs.contains(pair)) {
                    counts.merge(pair, 1, Integer::sum);
                }
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    private static String normalise(String text) {
        String folded = Normalizer.normalize(text.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.length() > MAX_CHARS ? folded.substring(0, MAX_CHARS) : folded;
    }

    private static Map<String, Integer> without(Map<String, Integer> features, Set<String> place) {
        if (place.isEmpty()) {
            return features;
        }
        Map<String, Integer> rest = new HashMap<>(features);
        rest.keySet().removeAll(place);
        return rest;
    }

    static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            int x = e.getValue();
            normA += (double) x * x;
            Integer y = b.get(e.getKey());
            if (y != null) {
                dot += (double) x * y;
            }
        }
        for (int y : b.values()) {
            normB += (double) y * y;
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }

    private static List<String> stopWords() {
        try (InputStream in = TextSimilarity.class.getResourceAsStream("/repeats/stopwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("repeats/stopwords.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
