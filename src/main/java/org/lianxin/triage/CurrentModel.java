package org.lianxin.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The category model this node predicts with: the version marked current in the database, loaded once and looked
 * up again at most every lianxin.triage.model.refresh-every, so a switch on any node reaches every node.
 */
@Component
public class CurrentModel implements Classifier.ModelSource {

    private static final Logger LOG = LoggerFactory.getLogger(CurrentModel.class);

    /** A loaded model and its version. */
    public record Loaded(int version, CategoryModel model) {
        public List<Suggestion> predict(String title, String content) {
            return model.predict(title, content);
        }
    }

    private final TriageModels models;
    private final TriageSettings.ModelSettings settings;
    private final Clock clock;
    private volatile Optional<Loaded> loaded = Optional.empty();
    private volatile Instant lookedAt = Instant.MIN;

    public CurrentModel(TriageModels models, TriageSettings settings, Clock clock) {
        this.models = models;
        this.settings = settings.model();
        this.clock = clock;
    }

    @Override
    public Optional<Loaded> get() {
        Instant now = clock.instant();
        if (lookedAt.plus(settings.refreshEvery()).isBefore(now)) {
            synchronized (this) {
                if (lookedAt.plus(settings.refreshEvery()).isBefore(now)) {
                    refresh(now);
                }
            }
        }
        return loaded;
    }

    /** Looks at once which version is current (after a switch on this node). */
    public void refresh() {
        refresh(clock.instant());
    }

    /**
     * A model that cannot be read (a database error, a format of another release) is logged and the one in hand
     * kept, so triage goes on; it is looked at again after refresh-every.
     */
    private synchronized void refresh(Instant now) {
        try {
            Optional<Integer> version = models.currentVersion();
            Optional<Loaded> have = loaded;
            if (version.isEmpty()) {
                loaded = Optional.empty();
            } else if (have.isEmpty() || have.get().version() != version.get()) {
                loaded = Optional.of(new Loaded(version.get(), CategoryModel.fromBytes(models.weights(version.get()))));
                LOG.info("Triage now predicts categories with model version {}", version.get());
            }
        } catch (RuntimeException e) {
            LOG.error("The current triage model could not be read; version {} goes on deciding",
                    loaded.map(Loaded::version).map(String::valueOf).orElse("(none: keywords)"), e);
        }
        lookedAt = now;
    }
}
