package org.lianxin.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * How a model did on messages it was not trained on: top-1 accuracy, macro-F1 (the mean of the categories' F1,
 * so a small category counts as much as a large one), precision and recall per category, and the confusion
 * matrix (rows: the category people gave; columns: the model's). Also what a confidence threshold makes of it:
 * the share the model would decide alone and how many of those it gets right.
 *
 * @param confusion confusion[actual][predicted], in the order of {@code categories}
 */
public record ModelFigures(int examples, double accuracy, double macroF1, List<String> categories,
        List<CategoryFigures> perCategory, int[][] confusion) {

    public record CategoryFigures(String category, int support, double precision, double recall, double f1) {
    }

    /** One held-out message: the category people gave it and the model's suggestions, most likely first. */
    public record Outcome(String actual, List<Suggestion> suggestions) {
        String predicted() {
            return suggestions.isEmpty() ? null : suggestions.get(0).category();
        }

        double confidence() {
            return suggestions.isEmpty() ? 0 : suggestions.get(0).confidence();
        }

        boolean right() {
            return actual.equals(predicted());
        }
    }

    /** Predicts every held-out message. */
    public static List<Outcome> outcomes(CategoryModel model, List<LabelledMessage> heldOut) {
        return heldOut.stream().map(m -> new Outcome(m.category(), model.predict(m.title(), m.content()))).toList();
    }

    public static ModelFigures of(List<Outcome> outcomes) {
        TreeSet<String> names = new TreeSet<>();
        outcomes.forEach(o -> {
            names.add(o.actual());
            if (o.predicted() != null) {
                names.add(o.predicted());
            }
        });
        List<String> categories = List.copyOf(names);
        int[][] confusion = new int[categories.size()][categories.size()];
        int right = 0;
        for (Outcome o : outcomes) {
            if (o.predicted() != null) {
                confusion[categories.indexOf(o.actual())][categories.indexOf(o.predicted())]++;
            }
            right += o.right() ? 1 : 0;
        }
        List<CategoryFigures> perCategory = new ArrayList<>();
        double f1Sum = 0;
        for (int c = 0; c < categories.size(); c++) {
            int support = 0;
            int predicted = 0;
            for (int k = 0; k < categories.size(); k++) {
                support += confusion[c][k];
                predicted += confusion[k][c];
            }
            double precision = predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
            double recall = support == 0 ? 0 : (double) confusion[c][c] / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perCategory.add(new CategoryFigures(categories.get(c), support, precision, recall, f1));
            f1Sum += f1;
        }
        int n = outcomes.size();
        return new ModelFigures(n, n == 0 ? 0 : (double) right / n,
                categories.isEmpty() ? 0 : f1Sum / categories.size(), categories, perCategory, confusion);
    }

    /** What a threshold makes of the outcomes: how many the model decides alone, and how many of those rightly. */
    public record AtThreshold(double threshold, int decided, int right, int total) {
        public double decidedShare() {
            return total == 0 ? 0 : (double) decided / total;
        }

        public double accuracyOfDecided() {
            return decided == 0 ? 0 : (double) right / decided;
        }
    }

    public static AtThreshold atThreshold(List<Outcome> outcomes, double threshold) {
        int decided = 0;
        int right = 0;
        for (Outcome o : outcomes) {
            if (o.confidence() >= threshold) {
                decided++;
                right += o.right() ? 1 : 0;
            }
        }
        return new AtThreshold(threshold, decided, right, outcomes.size());
    }
}
