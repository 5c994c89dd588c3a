package org.lianxin.triage;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference the issue measures against, for the benchmark only: multinomial naive Bayes over the character
 * pairs of title and content, add-one smoothing. Printed beside the model so that a figure on any archive reads
 * against a known baseline.
 */
final class BigramNaiveBayes {

    private final Map<String, Map<String, Integer>> counts = new HashMap<>();
    private final Map<String, Integer> totals = new HashMap<>();
    private final Map<String, Integer> documents = new HashMap<>();
    private final Set<String> vocabulary = new HashSet<>();
    private int examples;

    BigramNaiveBayes(List<LabelledMessage> training) {
        for (LabelledMessage m : training) {
            Map<String, Integer> c = counts.computeIfAbsent(m.category(), k -> new HashMap<>());
            for (String pair : pairs(m)) {
                c.merge(pair, 1, Integer::sum);
                totals.merge(m.category(), 1, Integer::sum);
                vocabulary.add(pair);
            }
            documents.merge(m.category(), 1, Integer::sum);
            examples++;
        }
    }

    String predict(LabelledMessage m) {
        List<String> pairs = pairs(m);
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (String category : counts.keySet()) {
            Map<String, Integer> c = counts.get(category);
            double denominator = Math.log(totals.getOrDefault(category, 0) + vocabulary.size());
            double score = Math.log((double) documents.get(category) / examples);
            for (String pair : pairs) {
                score += Math.log(c.getOrDefault(pair, 0) + 1) - denominator;
            }
            if (score > bestScore) {
                bestScore = score;
                best = category;
            }
        }
        return best;
    }

    double accuracy(List<LabelledMessage> test) {
        return test.stream().filter(m -> m.category().equals(predict(m))).count() / (double) test.size();
    }

    private static List<String> pairs(LabelledMessage m) {
        String text = (m.title() == null ? "" : m.title()) + "\n" + m.content();
        return java.util.stream.IntStream.range(0, Math.max(0, text.length() - 1))
                .mapToObj(i -> text.substring(i, i + 2)).filter(p -> p.chars().allMatch(Character::isLetterOrDigit))
                .toList();
    }
}
