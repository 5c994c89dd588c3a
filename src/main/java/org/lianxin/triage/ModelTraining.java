package org.lianxin.triage;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.lianxin.cases.RowTime;
import org.lianxin.cases.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Training is an operation: on demand (admin page, API) or when due (routes/triage/models.yaml's timer), on one
 * node at a time. A fifth of the labelled messages, chosen by their text so it is the same fifth every time, is
 * held out: the new model is measured on it, and so is the current one, and the new model becomes current only if
 * it is no worse. Every model is kept, so an earlier one can be made current again.
 */
@Component("modelTraining")
public class ModelTraining {

    private static final Logger LOG = LoggerFactory.getLogger(ModelTraining.class);
    private static final int HELD_OUT_ONE_IN = 5;

    private final TriageModels models;
    private final CurrentModel current;
    private final TriageSettings.ModelSettings settings;
    private final ObjectMapper json;
    private final Clock clock;
    private final String node = "node-" + UUID.randomUUID();

    public ModelTraining(TriageModels models, CurrentModel current, TriageSettings settings, ObjectMapper json,
            Clock clock) {
        this.models = models;
        this.current = current;
        this.settings = settings.model();
        this.json = json;
        this.clock = clock;
    }

    /** Held-out figures as the API shows them. */
    public record HeldOut(double accuracy, double macroF1) {
    }

    /** What one training did. */
    public record Result(int version, int trainedOn, HeldOut heldOut, boolean switched, String note) {
    }

    /** Another node (or another request) is training right now. */
    public static class TrainingBusy extends RuntimeException {
        public TrainingBusy() {
            super("a model is being trained already (on this or another node): try again when it is done");
        }
    }

    /** Trains now, unless training runs elsewhere (then TrainingBusy). */
    public Result trainNow(String by) {
        if (!models.claim(node, RowTime.of(clock).minus(settings.claimTimeout()), null)) {
            throw new TrainingBusy();
        }
        try {
            return train(by);
        } finally {
            models.release(node);
        }
    }

    /**
     * Trains when due: there is no model yet and enough labelled messages (an archive, or cases people routed), or
     * the newest model is older than
     * retrain-every and people routed cases since. One node does it; the others find it started and skip.
     */
    public Optional<Result> trainIfDue() {
        OffsetDateTime now = RowTime.of(clock);
        List<TriageModels.ModelVersion> versions = models.versions();
        if (!versions.isEmpty()) {
            OffsetDateTime newest = versions.get(0).trainedAt();
            OffsetDateTime lastPerson = models.lastPersonDecision();
            if (newest.plus(settings.retrainEvery()).isAfter(now) || lastPerson == null
                    || !lastPerson.isAfter(newest)) {
                return Optional.empty();
            }
        } else if (models.labelledCount() < settings.minExamples()) {
            return Optional.empty();
        }
        if (!models.claim(node, now.minus(settings.claimTimeout()), now.minus(settings.retrainEvery()))) {
            return Optional.empty();
        }
        try {
            return Optional.of(train("system:schedule"));
        } finally {
            models.release(node);
        }
    }

    private Result train(String by) {
        List<LabelledMessage> examples = models.examples();
        if (examples.size() < settings.minExamples()) {
            throw new IllegalStateException("a model needs at least " + settings.minExamples()
                    + " labelled messages, there are " + examples.size()
                    + ": import the county's archive (POST /api/triage/history) first");
        }
        long categories = examples.stream().map(LabelledMessage::category).distinct().count();
        if (categories < 2) {
            throw new IllegalStateException("a model needs messages of at least two categories, there are "
                    + categories);
        }
        List<LabelledMessage> training = new ArrayList<>();
        List<LabelledMessage> heldOut = new ArrayList<>();
        for (LabelledMessage m : examples) {
            (isHeldOut(m) ? heldOut : training).add(m);
        }
        long started = System.nanoTime();
        CategoryModel model = CategoryModel.train(training, settings.training());
        double seconds = (System.nanoTime() - started) / 1e9;
        ModelFigures figures = ModelFigures.of(ModelFigures.outcomes(model, heldOut));

        Optional<CurrentModel.Loaded> now = current.get();
        boolean switched = true;
        String note = String.format("cost C %s", model.cost());
        if (now.isPresent()) {
            double before = ModelFigures.of(ModelFigures.outcomes(now.get().model(), heldOut)).accuracy();
            switched = figures.accuracy() >= before;
            note += String.format("; held-out accuracy %.4f, version %d's on the same messages %.4f%s",
                    figures.accuracy(), now.get().version(), before, switched ? "" : ": not switched");
        }
        int version = models.save(model, figures, figuresJson(figures), training.size(), seconds, by, note);
        if (switched) {
            models.makeCurrent(version);
            current.refresh();
        }
        LOG.info("Trained triage model version {} on {} messages in {} s: held-out accuracy {}, macro-F1 {}{}",
                version, training.size(), String.format("%.1f", seconds), String.format("%.4f", figures.accuracy()),
                String.format("%.4f", figures.macroF1()), switched ? ", now current" : ", not switched to");
        return new Result(version, training.size(), new HeldOut(figures.accuracy(), figures.macroF1()), switched, note);
    }

    /** The same fifth of the messages every time, by their text. */
    static boolean isHeldOut(LabelledMessage m) {
        String hash = Sha256.hex((m.title() == null ? "" : m.title()) + "\u0000" + m.content());
        return Integer.parseInt(hash.substring(0, 6), 16) % HELD_OUT_ONE_IN == 0;
    }

    private String figuresJson(ModelFigures figures) {
        try {
            return json.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored model's figures, read back. */
    public ModelFigures figures(TriageModels.ModelVersion version) {
        try {
            return json.readValue(version.figures(), ModelFigures.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model " + version.version() + " has unreadable figures", e);
        }
    }

    /** Makes an earlier (or later) version current again; one this hub cannot read is refused. */
    public void makeCurrent(int version) {
        if (models.version(version).isPresent()) {
            CategoryModel.fromBytes(models.weights(version));
        }
        models.makeCurrent(version);
        current.refresh();
    }
}
