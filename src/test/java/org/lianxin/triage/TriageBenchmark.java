package org.lianxin.triage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lianxin.corpus.CitizenMessages;
import org.lianxin.corpus.CorpusFiles;

/**
 * The learned triage on a labelled archive (`mvn -B -Pbenchmark verify -Dtest=TriageBenchmark`): trains on one file
 * and tests on another, with the categories as the files write them, and prints top-1 accuracy, macro-F1, what
 * lianxin.triage.model.min-confidence makes of it (the share the hub decides alone, how many of those are right,
 * the share sent to people), and the time to train and to predict one case. Files:
 * -Dbenchmark.triage.train=… -Dbenchmark.triage.test=… (CSV or XLSX with title, content, category); without them,
 * two archives of the project's own generated messages (org.lianxin.corpus) of -Dbenchmark.triage.size each.
 */
@Tag("benchmark")
class TriageBenchmark {

    @Test
    void trainsOnOneArchiveAndTestsOnAnother() throws IOException {
        Path train = archive("benchmark.triage.train", 11);
        Path test = archive("benchmark.triage.test", 22);
        List<LabelledMessage> training = HistoryArchive.readAsWritten(Files.readAllBytes(train)).rows();
        List<LabelledMessage> testing = HistoryArchive.readAsWritten(Files.readAllBytes(test)).rows();
        TriageSettings.ModelSettings settings = TriageFixtures.settings().model();

        long started = System.nanoTime();
        CategoryModel model = CategoryModel.train(training, settings.training());
        double trainSeconds = (System.nanoTime() - started) / 1e9;
        started = System.nanoTime();
        List<ModelFigures.Outcome> outcomes = ModelFigures.outcomes(model, testing);
        double predictMillis = (System.nanoTime() - started) / 1e6 / testing.size();
        ModelFigures figures = ModelFigures.of(outcomes);
        ModelFigures.AtThreshold hub = ModelFigures.atThreshold(outcomes, settings.minConfidence());

        System.out.printf("%nTriage benchmark: trained on %d messages (%s), tested on %d (%s); %d features, "
                + "cost C %s, temperature %.2f%n", training.size(), train, testing.size(), test, model.features(), model.cost(),
                model.temperature());
        System.out.printf("  top-1 accuracy over all test cases  %.2f%%%n", 100 * figures.accuracy());
        System.out.printf("  macro-F1                            %.4f%n", figures.macroF1());
        System.out.printf("  at min-confidence %.2f: decided by the hub %.2f%% of cases, %.2f%% of those right; "
                + "sent to people %.2f%%%n", settings.minConfidence(), 100 * hub.decidedShare(),
                100 * hub.accuracyOfDecided(), 100 * (1 - hub.decidedShare()));
        System.out.printf("  training %.1f s; prediction %.2f ms per case%n", trainSeconds, predictMillis);
        System.out.printf("  reference: character-pair naive Bayes on the same files %.2f%%%n",
                100 * new BigramNaiveBayes(training).accuracy(testing));
        if (System.getProperty("benchmark.triage.test", "").isBlank()) {
            System.out.printf("  ceiling of the generated archive's labels (a topic's messages are not all labelled "
                    + "alike): %.2f%%%n", 100 * CitizenMessages.labelCeiling());
        }
        System.out.println("  per category (precision / recall / support):");
        figures.perCategory().forEach(c -> System.out.printf("    %-12s %.3f / %.3f / %d%n", c.category(),
                c.precision(), c.recall(), c.support()));
        System.out.println("  thresholds (decided share, accuracy of decided):");
        for (double t = 0.3; t < 0.96; t += 0.05) {
            ModelFigures.AtThreshold at = ModelFigures.atThreshold(outcomes, t);
            System.out.printf("    %.2f  %.2f%%  %.2f%%%n", t, 100 * at.decidedShare(), 100 * at.accuracyOfDecided());
        }
    }

    /** The file the property names, or the project's generated messages written to a temporary file. */
    private static Path archive(String property, long seed) throws IOException {
        String given = System.getProperty(property);
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path file = Files.createTempFile("triage-" + seed + "-", ".csv");
        file.toFile().deleteOnExit();
        CorpusFiles.writeCsv(file, CitizenMessages.labelled(seed, Integer.getInteger("benchmark.triage.size", 4000)));
        return file;
    }
}
