package org.lianxin.triage;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * lianxin.triage.*: where the rules file is, what makes a case hot (热点: one of the hot keywords in its text, or a
 * walk-in petition of at least hot-visitors people, 集体访), how an imported archive's category names map onto
 * this hub's categories, and the learned category model.
 *
 * @param categoryAliases an archive's category name (or code) → one of lianxin.categories' codes
 */
@ConfigurationProperties("lianxin.triage")
public record TriageSettings(String rules, List<String> hotKeywords, int hotVisitors,
        Map<String, String> categoryAliases, ModelSettings model) {

    public TriageSettings {
        hotKeywords = hotKeywords == null ? List.of()
                : hotKeywords.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
        if (hotVisitors < 1) {
            throw new IllegalArgumentException("lianxin.triage.hot-visitors must be at least 1");
        }
        categoryAliases = categoryAliases == null ? Map.of() : Map.copyOf(categoryAliases);
        model = model == null ? ModelSettings.DEFAULTS : model;
    }

    /**
     * lianxin.triage.model.*.
     *
     * @param minConfidence the model decides a category alone from this probability; below it the case waits for a
     *                      dispatcher, with the model's suggestions
     * @param minExamples   fewest labelled messages (archive and dispatched cases) a model is trained on
     * @param minDocuments  a word or character pair is a feature when at least this many messages have it
     * @param costs         liblinear's C (higher fits the examples more closely); several: the best on a fifth of the
     *                      training messages is used
     * @param retrainEvery  a new model is trained when the newest is this old and people labelled messages since
     * @param checkEvery    how often each node looks whether training is due
     * @param claimTimeout  a node's claim to train that is older than this is taken over (the node died)
     * @param refreshEvery  how often a node looks which model is current (another node may have switched)
     */
    public record ModelSettings(double minConfidence, int minExamples, int minDocuments, List<Double> costs,
            Duration retrainEvery, Duration checkEvery, Duration claimTimeout, Duration refreshEvery) {

        static final ModelSettings DEFAULTS = new ModelSettings(0.7, 50, 2, List.of(1.0, 3.0, 10.0), Duration.ofDays(1),
                Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofSeconds(30));

        public ModelSettings {
            if (minConfidence <= 0 || minConfidence > 1) {
                throw new IllegalArgumentException("lianxin.triage.model.min-confidence must be above 0 and at most 1");
            }
            if (minExamples < 2 || minDocuments < 1 || costs == null || costs.isEmpty()
                    || costs.stream().anyMatch(c -> c <= 0)) {
                throw new IllegalArgumentException(
                        "lianxin.triage.model: min-examples at least 2, min-documents at least 1, costs above 0");
            }
            for (Duration d : new Duration[] {retrainEvery, checkEvery, claimTimeout, refreshEvery}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("lianxin.triage.model: every time setting must be positive");
                }
            }
        }

        CategoryModel.Training training() {
            return new CategoryModel.Training(minDocuments, costs);
        }
    }
}
