package org.lianxin;

import java.util.Properties;
import java.util.function.Predicate;

import org.apache.camel.spi.LoadablePropertiesSource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.stereotype.Component;

/**
 * Gives Kamelets their parameters from the Spring configuration: camel.kamelet.<kamelet>.<parameter> in
 * application.yml (mapped there from the lianxin.* settings), as Camel Main would read them from its own
 * properties. Camel finds the parameters of a Kamelet by listing the properties with that prefix, which it cannot do
 * on the Spring environment; this source lists them (and answers nothing else).
 */
@Component
public class KameletSettings implements LoadablePropertiesSource {

    static final String PREFIX = "camel.kamelet.";

    private final ConfigurableEnvironment environment;

    public KameletSettings(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public String getName() {
        return "spring-kamelet-settings";
    }

    @Override
    public String getProperty(String name) {
        return name.startsWith(PREFIX) ? environment.getProperty(name) : null;
    }

    @Override
    public Properties loadProperties() {
        return loadProperties(name -> true);
    }

    @Override
    public Properties loadProperties(Predicate<String> filter) {
        Properties found = new Properties();
        environment.getPropertySources().forEach(source -> {
            if (source instanceof EnumerablePropertySource<?> names) {
                for (String name : names.getPropertyNames()) {
                    if (name.startsWith(PREFIX) && filter.test(name) && !found.containsKey(name)) {
                        String value = environment.getProperty(name);
                        if (value != null) {
                            found.setProperty(name, value);
                        }
                    }
                }
            }
        });
        return found;
    }

    @Override
    public void reloadProperties(String location) {
        // read from the environment on every call: nothing to reload
    }
}
