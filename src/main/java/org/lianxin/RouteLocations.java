package org.lianxin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Routes and connectors are read from ./routes and ./connectors when the working directory has them, so an
 * operator can edit them in place; otherwise the copies packaged in the jar are used. Explicit settings win.
 * <p>
 * Routes are in a folder per feature. In the packaged jar each folder is named in the pattern: Camel's class path
 * scan of a nested jar loses the folder of a file found by {@code routes/**}.
 */
public class RouteLocations implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("lianxin.routes-location", Files.isDirectory(Path.of("routes"))
                ? "file:routes/**/*.yaml" : packagedRoutes());
        defaults.put("lianxin.connectors-location", Files.isDirectory(Path.of("connectors"))
                ? "file:connectors" : "classpath:connectors");
        environment.getPropertySources().addLast(new MapPropertySource("lianxin-route-locations", defaults));
    }

    /** classpath:routes/&lt;folder&gt;/*.yaml for every folder of routes on the class path, comma separated. */
    static String packagedRoutes() {
        Set<String> folders = new TreeSet<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:routes/**/*.yaml")) {
                String url = file.getURL().toString();
                String path = url.substring(url.lastIndexOf("/routes/") + 1);
                folders.add(path.substring(0, path.lastIndexOf('/')));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folders.stream().map(folder -> "classpath:" + folder + "/*.yaml").collect(Collectors.joining(","));
    }
}
