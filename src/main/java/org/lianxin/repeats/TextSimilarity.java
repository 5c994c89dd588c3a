package org.lianxin.repeats;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
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
        return score(prepare(a, placeA), prepare(b, placeB));
    }

    /** A request made ready to be scored against many others: analysed once. */
    public Prepared prepare(String text, String place) {
        return prepare(text, features(place).keySet());
    }

    /** The features of a place (a location as written): what {@link #score} leaves out of both texts. */
    public Set<String> placeFeatures(String place) {
        return features(place).keySet();
    }

    /**
     * A request made ready with a place's features left out. Requests prepared with the very same set are scored
     * without going through it.
     */
    private Prepared prepare(String text, Set<String> placeFeatures) {
        if (text == null) {
            return new Prepared(null, Map.of(), Set.of(), 0, 0);
        }
        Map<String, Integer> features = features(text);
        int size = 0;
        double norm = 0;
        for (Map.Entry<String, Integer> e : features.entrySet()) {
            if (!placeFeatures.contains(e.getKey())) {
                size++;
                norm += (double) e.getValue() * e.getValue();
            }
        }
        return new Prepared(normalise(text), features, placeFeatures, size, norm);
    }

    /**
     * The score of two prepared requests, the same as {@link #score(String, String, String, String)}: the features
     * of both places are left out of both texts. Each side's count and norm without its own place are kept, so a
     * pair costs the smaller text plus the two places, not both texts in full.
     */
    public double score(Prepared a, Prepared b) {
        if (a.normalised() == null || b.normalised() == null) {
            return 0;
        }
        if (a.normalised().equals(b.normalised()) && !a.normalised().isBlank()) {
            return 1;
        }
        int sizeA = a.ownSize();
        double normA = a.ownNorm();
        int sizeB = b.ownSize();
        double normB = b.ownNorm();
        if (a.place() != b.place()) {
            for (String key : b.place()) {
                Integer x = a.features().get(key);
                if (x != null && !a.place().contains(key)) {
                    sizeA--;
                    normA -= (double) x * x;
                }
            }
            for (String key : a.place()) {
                Integer y = b.features().get(key);
                if (y != null && !b.place().contains(key)) {
                    sizeB--;
                    normB -= (double) y * y;
                }
            }
        }
        if (sizeA < MIN_FEATURES || sizeB < MIN_FEATURES || normA <= 0 || normB <= 0) {
            return 0;
        }
        Prepared small = a.features().size() <= b.features().size() ? a : b;
        Prepared large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Integer> e : small.features().entrySet()) {
            Integer y = large.features().get(e.getKey());
            if (y != null && !a.place().contains(e.getKey()) && !b.place().contains(e.getKey())) {
                dot += (double) e.getValue() * y;
            }
        }
        return dot / Math.sqrt(normA * normB);
    }

    /**
     * A request's text analysed: its normalised form, its features, its place's features, and how many of its
     * features (and their norm) remain without its own place's.
     */
    public record Prepared(String normalised, Map<String, Integer> features, Set<String> place, int ownSize,
            double ownNorm) {
    }

    /**
     * The segmenter's words of a text (two characters or more, stop words left out), in order: what a group of
     * requests is about, for people to read (a hot issue's label).
     */
    public List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream("text", normalise(text))) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                if (term.length() >= 2) {
                    words.add(term.toString());
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
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

    /** The text as it is analysed: NFKC, lower case, at most MAX_CHARS characters. */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.length() > MAX_CHARS ? folded.substring(0, MAX_CHARS) : folded;
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
