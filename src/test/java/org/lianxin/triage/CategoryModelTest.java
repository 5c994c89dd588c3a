package org.lianxin.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lianxin.corpus.CitizenMessages;

/** The model alone, on the project's generated citizens' messages (org.lianxin.corpus), without a hub. */
class CategoryModelTest {

    static final CategoryModel.Training TRAINING = TriageFixtures.settings().model().training();
    static final List<LabelledMessage> TRAIN = labelled(1, 1500);
    static final List<LabelledMessage> TEST = labelled(2, 500);
    static final CategoryModel MODEL = CategoryModel.train(TRAIN, TRAINING);

    static List<LabelledMessage> labelled(long seed, int count) {
        return CitizenMessages.labelled(seed, count).stream()
                .map(m -> new LabelledMessage(m.title(), m.content(), m.category())).toList();
    }

    @Test
    void classifiesMessagesItWasNotTrainedOnFarBetterThanChance() {
        ModelFigures figures = ModelFigures.of(ModelFigures.outcomes(MODEL, TEST));
        assertThat(MODEL.categories()).hasSize(7);
        assertThat(figures.accuracy()).isGreaterThan(0.75);
        assertThat(figures.macroF1()).isGreaterThan(0.7);
        assertThat(figures.perCategory()).allSatisfy(c -> assertThat(c.recall()).as(c.category()).isGreaterThan(0.4));
        int diagonal = 0;
        for (int i = 0; i < figures.confusion().length; i++) {
            diagonal += figures.confusion()[i][i];
        }
        assertThat(diagonal).isEqualTo(Math.round(figures.accuracy() * TEST.size()));
    }

    @Test
    void itsConfidenceMeansSomething() {
        List<ModelFigures.Outcome> outcomes = ModelFigures.outcomes(MODEL, TEST);
        double all = ModelFigures.of(outcomes).accuracy();
        ModelFigures.AtThreshold sure = ModelFigures.atThreshold(outcomes, 0.8);
        assertThat(sure.decided()).isPositive().isLessThan(TEST.size());
        assertThat(sure.accuracyOfDecided()).isGreaterThan(all);
        // calibrated on a fifth of the training messages: what it is 80% sure of is right at least that often
        assertThat(sure.accuracyOfDecided()).isGreaterThanOrEqualTo(0.8);
        double meanConfidence = outcomes.stream().mapToDouble(o -> o.suggestions().get(0).confidence()).average()
                .orElseThrow();
        assertThat(meanConfidence).as("mean confidence against accuracy %s", all).isCloseTo(all,
                org.assertj.core.api.Assertions.within(0.05));
        assertThat(outcomes).allSatisfy(o -> {
            double sum = o.suggestions().stream().mapToDouble(Suggestion::confidence).sum();
            assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(o.suggestions()).isSortedAccordingTo(
                    (a, b) -> Double.compare(b.confidence(), a.confidence()));
        });
    }

    @Test
    void storedAndReadBackItPredictsTheSameAndTheSameDataTrainsTheSameModel() {
        CategoryModel read = CategoryModel.fromBytes(MODEL.toBytes());
        for (LabelledMessage m : TEST.subList(0, 50)) {
            assertThat(read.predict(m.title(), m.content())).isEqualTo(MODEL.predict(m.title(), m.content()));
        }
        assertThat(CategoryModel.train(TRAIN, TRAINING).toBytes()).isEqualTo(MODEL.toBytes());
    }

    @Test
    void needsTwoCategories() {
        assertThatThrownBy(() -> CategoryModel.train(List.of(new LabelledMessage("a", "路灯坏了", "urban"),
                new LabelledMessage("b", "井盖丢了", "urban")), TRAINING))
                .hasMessageContaining("at least two categories");
    }
}
