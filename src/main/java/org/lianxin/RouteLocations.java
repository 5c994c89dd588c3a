package org.lianxin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Routes and connectors are read from ./routes and ./connectors when the working directory has them, so an
 * operator can edit them in place; otherwise the copies packaged in the jar are used. Explicit settings win.
 */
public class RouteLocations implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("lianxin.routes-location", Files.isDirectory(Path.of("routes"))
                ? "file:routes/**/*.yaml" : "classpath:routes/**/*.yaml");
        defaults.put("lianxin.connectors-location", Files.isDirectory(Path.of("connectors"))
                ? "file:connectors" : "classpath:connectors");
        environment.getPropertySources().addLast(new MapPropertySource("lianxin-route-locations", defaults));
    }
}
