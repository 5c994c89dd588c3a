package org.lianxin.triage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.lianxin.cases.CategoryCatalog;
import org.lianxin.directory.Department;
import org.lianxin.directory.DirectorySeed;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The rules as shipped, for unit tests without a hub: the categories and triage settings of application.yml, the
 * sample rules and the sample county's departments.
 */
final class TriageFixtures {

    private static final Binder APPLICATION_YML = binder();

    private TriageFixtures() {
    }

    static CategoryCatalog catalog() {
        return APPLICATION_YML.bind("lianxin", CategoryCatalog.class).get();
    }

    static TriageSettings settings() {
        return APPLICATION_YML.bind("lianxin.triage", TriageSettings.class).get();
    }

    static TriageRules rules() {
        return TriageRules.read(new ClassPathResource("directory/sample-rules.yaml"));
    }

    /** The sample county by id, in a map the test may change (deactivate a department, say). */
    static Map<String, Department> departments() {
        Map<String, Department> byId = new LinkedHashMap<>();
        DirectorySeed.read(new ClassPathResource("directory/sample-county.yaml")).forEach(d -> byId.put(d.id(), d));
        return byId;
    }

    static Function<String, Optional<Department>> lookup(Map<String, Department> departments) {
        return id -> Optional.ofNullable(departments.get(id));
    }

    static Classifier classifier() {
        return new Classifier(rules(), catalog(), settings(), Optional::empty);
    }

    /** The shipped rules with a model that is current. */
    static Classifier classifier(CurrentModel.Loaded model) {
        return new Classifier(rules(), catalog(), settings(), () -> Optional.of(model));
    }

    static Router router(Map<String, Department> departments) {
        return new Router(rules(), lookup(departments), catalog());
    }

    private static Binder binder() {
        try {
            List<PropertySource<?>> documents = new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(documents));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
