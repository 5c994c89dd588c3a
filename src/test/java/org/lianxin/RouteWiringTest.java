package org.lianxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * How the route files and the Java code name each other, read from the sources without starting the hub: every
 * direct: endpoint a route or a class calls is defined by exactly one route, every bean a route names exists, and
 * every class or route file a route or a class names (in code or comment) is still there. A name that went stale
 * fails here, not at the first request that needs it.
 */
class RouteWiringTest {

    static final Path ROUTES = Path.of("routes");
    static final Path CONNECTORS = Path.of("connectors");
    static final Path JAVA = Path.of("src/main/java");

    static final Pattern DIRECT = Pattern.compile("^direct:([A-Za-z0-9_.-]+)");
    static final Pattern DIRECT_IN_JAVA = Pattern.compile("\"direct:([A-Za-z0-9_.-]+)");
    static final Pattern SIMPLE_BEAN = Pattern.compile("\\$\\{bean:([A-Za-z0-9_]+)");
    static final Pattern BEAN_URI = Pattern.compile("^bean:([A-Za-z0-9_]+)");
    static final Pattern CLASS_NAMED = Pattern.compile("\\borg\\.lianxin(?:\\.[a-z][a-z0-9]*)+(?:\\.[A-Z][A-Za-z0-9]*)+");
    static final Pattern ROUTE_FILE_NAMED = Pattern.compile("\\broutes/[a-z0-9/-]+\\.yaml");
    static final Pattern NAMED_COMPONENT = Pattern.compile(
            "@(?:Component|Service|Repository|Controller|RestController|Configuration)\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"");
    static final Pattern UNNAMED_COMPONENT = Pattern.compile(
            "@(?:Component|Service|Repository|Controller|RestController|Configuration)(?!\\()[\\s\\S]*?\\b(?:class|record)\\s+([A-Z][A-Za-z0-9]*)");
    static final Pattern BEAN_METHOD = Pattern.compile(
            "@Bean(?:\\(\\s*(?:name\\s*=\\s*|value\\s*=\\s*)?\"([^\"]+)\"[^)]*\\))?(?:\\([^)]*\\))?\\s+(?:@\\w+(?:\\([^)]*\\))?\\s+)*"
                    + "(?:public\\s+|protected\\s+|private\\s+|static\\s+)*[\\w<>,.?\\[\\] ]+?\\s+(\\w+)\\s*\\(");

    /** The route files' definitions and calls of direct: endpoints, and the beans they name, by file. */
    static final Map<String, List<String>> defined = new TreeMap<>();
    static final Map<String, List<String>> called = new TreeMap<>();
    static final Map<String, List<String>> beansNamed = new TreeMap<>();

    @BeforeAll
    static void readRoutes() {
        for (Path file : yamlFiles(ROUTES)) {
            Object routes = new Yaml().load(read(file));
            for (Object element : (Collection<?>) routes) {
                Map<?, ?> route = (Map<?, ?>) ((Map<?, ?>) element).get("route");
                Object from = route == null ? null : ((Map<?, ?>) route.get("from")).get("uri");
                Matcher definition = DIRECT.matcher(String.valueOf(from));
                if (definition.find()) {
                    defined.computeIfAbsent(definition.group(1), k -> new ArrayList<>()).add(file.toString());
                }
                walk(element, file.toString(), from);
            }
        }
        for (Path file : javaFiles()) {
            Matcher call = DIRECT_IN_JAVA.matcher(read(file));
            while (call.find()) {
                called.computeIfAbsent(call.group(1), k -> new ArrayList<>()).add(file.toString());
            }
        }
    }

    /** Every string in the route: a direct: URI other than the route's own from is a call; bean refs are named. */
    static void walk(Object node, String file, Object from) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("ref".equals(key) && value instanceof String bean) {
                    beansNamed.computeIfAbsent(bean, k -> new ArrayList<>()).add(file);
                } else {
                    walk(value, file, from);
                }
            });
        } else if (node instanceof Collection<?> list) {
            list.forEach(item -> walk(item, file, from));
        } else if (node instanceof String text && node != from) {
            Matcher call = DIRECT.matcher(text);
            if (call.find()) {
                called.computeIfAbsent(call.group(1), k -> new ArrayList<>()).add(file);
            }
            for (Pattern bean : List.of(SIMPLE_BEAN, BEAN_URI)) {
                Matcher named = bean.matcher(text);
                while (named.find()) {
                    beansNamed.computeIfAbsent(named.group(1), k -> new ArrayList<>()).add(file);
                }
            }
        }
    }

    @Test
    void everyDirectEndpointCalledIsDefinedByExactlyOneRoute() {
        Map<String, List<String>> undefined = new TreeMap<>(called);
        undefined.keySet().removeAll(defined.keySet());
        assertThat(undefined).as("direct: endpoints called (by the files named) that no route defines").isEmpty();

        Map<String, List<String>> twice = new TreeMap<>(defined);
        twice.values().removeIf(files -> files.size() == 1);
        assertThat(twice).as("direct: endpoints defined by more than one route").isEmpty();
        assertThat(defined).as("the routes were read").hasSizeGreaterThan(50);
    }

    @Test
    void everyBeanARouteNamesExists() {
        Set<String> beans = beanNames();
        Map<String, List<String>> missing = new TreeMap<>(beansNamed);
        missing.keySet().removeAll(beans);
        assertThat(missing).as("beans named by route files (the files named) that no class or @Bean method defines")
                .isEmpty();
        assertThat(beansNamed).as("the routes' beans were read").hasSizeGreaterThan(30);
    }

    @Test
    void everyClassAndRouteFileNamedInRoutesAndCodeExists() {
        Map<String, Set<String>> stale = new TreeMap<>();
        List<Path> files = new ArrayList<>(yamlFiles(ROUTES));
        files.addAll(yamlFiles(CONNECTORS));
        files.addAll(javaFiles());
        for (Path file : files) {
            String text = read(file);
            Matcher className = CLASS_NAMED.matcher(text);
            while (className.find()) {
                if (!classExists(className.group())) {
                    stale.computeIfAbsent(file.toString(), k -> new TreeSet<>()).add(className.group());
                }
            }
            Matcher routeFile = ROUTE_FILE_NAMED.matcher(text);
            while (routeFile.find()) {
                if (!Files.exists(Path.of(routeFile.group()))) {
                    stale.computeIfAbsent(file.toString(), k -> new TreeSet<>()).add(routeFile.group());
                }
            }
        }
        assertThat(stale).as("classes and route files named that do not exist, by the file naming them").isEmpty();
    }

    @Test
    void routeFilesCallEachOtherOneWayOnly() {
        Map<String, Set<String>> calls = new TreeMap<>();
        called.forEach((endpoint, callers) -> defined.getOrDefault(endpoint, List.of()).forEach(definer -> callers
                .stream().filter(caller -> caller.endsWith(".yaml") && !caller.equals(definer))
                .forEach(caller -> calls.computeIfAbsent(caller, k -> new TreeSet<>()).add(definer))));
        assertThat(cycles(calls)).as("route files that call each other, round and back (by direct: endpoints)")
                .isEmpty();
        assertThat(cycles(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"))))
                .containsExactly("a -> b -> c -> a");
    }

    /** The cycles of a call graph, each as the files round it, found once each by a depth-first walk. */
    static List<String> cycles(Map<String, Set<String>> calls) {
        List<String> cycles = new ArrayList<>();
        Set<String> done = new TreeSet<>();
        for (String start : new TreeSet<>(calls.keySet())) {
            walkCalls(start, calls, new ArrayList<>(), done, cycles);
        }
        return cycles;
    }

    private static void walkCalls(String file, Map<String, Set<String>> calls, List<String> path, Set<String> done,
            List<String> cycles) {
        int seen = path.indexOf(file);
        if (seen >= 0) {
            List<String> round = new ArrayList<>(path.subList(seen, path.size()));
            round.add(file);
            cycles.add(String.join(" -> ", round));
            return;
        }
        if (!done.add(file)) {
            return;
        }
        path.add(file);
        for (String next : calls.getOrDefault(file, Set.of())) {
            walkCalls(next, calls, path, done, cycles);
        }
        path.remove(path.size() - 1);
    }

    /** A class exists when its file does, or the file of the class it is nested in (org.lianxin.a.Outer.Inner). */
    static boolean classExists(String name) {
        String[] parts = name.split("\\.");
        StringBuilder path = new StringBuilder();
        for (String part : parts) {
            path.append(path.isEmpty() ? "" : "/").append(part);
            if (Character.isUpperCase(part.charAt(0))) {
                return Files.exists(JAVA.resolve(path + ".java"));
            }
        }
        return false;
    }

    /** The names of the hub's beans, as Spring gives them: a component's name or its class's, a @Bean method's. */
    static Set<String> beanNames() {
        Set<String> names = new TreeSet<>();
        for (Path file : javaFiles()) {
            String text = read(file);
            Matcher named = NAMED_COMPONENT.matcher(text);
            while (named.find()) {
                names.add(named.group(1));
            }
            Matcher unnamed = UNNAMED_COMPONENT.matcher(text);
            while (unnamed.find()) {
                names.add(java.beans.Introspector.decapitalize(unnamed.group(1)));
            }
            Matcher method = BEAN_METHOD.matcher(text);
            while (method.find()) {
                names.add(method.group(1) != null ? method.group(1) : method.group(2));
            }
        }
        return names;
    }

    static List<Path> yamlFiles(Path dir) {
        return files(dir, ".yaml");
    }

    static List<Path> javaFiles() {
        return files(JAVA, ".java");
    }

    static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
