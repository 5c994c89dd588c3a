package org.lianxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The configuration reference (docs/configuration.md) agrees with the hub: every lianxin.* setting that
 * application.yml gives, or that the code, routes and connectors read, is documented there, and every setting
 * documented there is one of those. Read from the sources, without starting the hub.
 */
class ConfigurationReferenceTest {

    static final Path REFERENCE = Path.of("docs/configuration.md");
    static final Path APPLICATION_YML = Path.of("src/main/resources/application.yml");
    static final Pattern DOCUMENTED_ROW = Pattern.compile("(?m)^\\| (`lianxin\\.[^|]*) \\|");
    static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
    /** ${lianxin.x} in Spring placeholders, {{lianxin.x}} in Camel's, "lianxin.x" as a string in code. */
    static final Pattern READ = Pattern.compile("(?:\\$\\{|\\{\\{|\")(lianxin\\.[a-z][a-zA-Z0-9.-]*[a-zA-Z0-9])");
    static final Pattern PROPERTIES_PREFIX = Pattern.compile("@ConfigurationProperties\\(\"(lianxin[a-z0-9.-]*)\"\\)");
    static final Pattern RECORD_COMPONENTS = Pattern.compile("\\brecord\\s+\\w+\\s*\\(([^)]*)\\)");

    @Test
    void everySettingIsDocumentedAndEveryDocumentedSettingExists() {
        Set<String> documented = documented(RouteWiringTest.read(REFERENCE));
        Set<String> settings = settings();

        Set<String> undocumented = new TreeSet<>(settings);
        undocumented.removeIf(key -> covered(key, documented));
        assertThat(undocumented).as("settings given in application.yml or read by the hub but not in "
                + REFERENCE).isEmpty();

        Set<String> stale = new TreeSet<>(documented);
        stale.removeIf(doc -> settings.stream().anyMatch(key -> covered(key, Set.of(doc))));
        assertThat(stale).as("settings documented in " + REFERENCE + " that the hub neither gives nor reads")
                .isEmpty();
        assertThat(documented).as("the reference was read").hasSizeGreaterThan(100);
    }

    @Test
    void aRowNamesOneSettingOrSeveralOfOneParent() {
        assertThat(documented("| `lianxin.broker.user` / `lianxin.broker.password` | (empty) |\n"
                + "| `lianxin.queues.slips-email` / `slips-sms` | x |\n"
                + "| `lianxin.mail.smtp.host` / `.port` | x |\n"
                + "| `lianxin.deadlines.working-days.HELP` … `REPORT` | x |\n")).containsExactlyInAnyOrder(
                        "lianxin.broker.user", "lianxin.broker.password", "lianxin.queues.slips-email",
                        "lianxin.queues.slips-sms", "lianxin.mail.smtp.host", "lianxin.mail.smtp.port",
                        "lianxin.deadlines.working-days");
        assertThat(covered("lianxin.deadlines.working-days.SUGGESTION", Set.of("lianxin.deadlines.working-days")))
                .isTrue();
        assertThat(covered("lianxin.mail.smtp.hostname", Set.of("lianxin.mail.smtp.host"))).isFalse();
    }

    static Set<String> documented(String reference) {
        Set<String> keys = new TreeSet<>();
        Matcher row = DOCUMENTED_ROW.matcher(reference);
        while (row.find()) {
            List<String> names = new ArrayList<>();
            Matcher name = BACKTICKED.matcher(row.group(1));
            while (name.find()) {
                names.add(name.group(1));
            }
            String first = names.get(0);
            String parent = first.substring(0, first.lastIndexOf('.'));
            if (row.group(1).contains("…")) {
                keys.add(parent);
                continue;
            }
            keys.add(first);
            for (String other : names.subList(1, names.size())) {
                keys.add(other.startsWith("lianxin.") ? other
                        : parent + (other.startsWith(".") ? other : "." + other));
            }
        }
        return keys;
    }

    /** A setting is covered by its own row, or by the row of a map setting it is an entry of. */
    static boolean covered(String key, Set<String> documented) {
        return documented.stream().anyMatch(doc -> key.equals(doc) || key.startsWith(doc + "."));
    }

    /** What application.yml gives (its leaves under lianxin) and what the hub reads by name. */
    static Set<String> settings() {
        Set<String> keys = new TreeSet<>();
        for (Object document : new Yaml().loadAll(RouteWiringTest.read(APPLICATION_YML))) {
            if (document instanceof Map<?, ?> map && map.get("lianxin") != null) {
                leaves("lianxin", map.get("lianxin"), keys);
            }
        }
        List<Path> sources = new ArrayList<>(RouteWiringTest.javaFiles());
        sources.addAll(RouteWiringTest.yamlFiles(RouteWiringTest.ROUTES));
        sources.addAll(RouteWiringTest.yamlFiles(RouteWiringTest.CONNECTORS));
        sources.add(APPLICATION_YML);
        for (Path file : sources) {
            String text = RouteWiringTest.read(file);
            Matcher read = READ.matcher(text);
            while (read.find()) {
                keys.add(read.group(1));
            }
            Matcher prefix = PROPERTIES_PREFIX.matcher(text);
            Matcher components = RECORD_COMPONENTS.matcher(text);
            if (prefix.find() && components.find()) {
                for (String component : components.group(1).split(",")) {
                    String[] words = component.strip().split("\\s+");
                    if (words.length >= 2) {
                        keys.add(prefix.group(1) + "." + kebab(words[words.length - 1]));
                    }
                }
            }
        }
        keys.removeIf(key -> keys.stream().anyMatch(other -> other.startsWith(key + ".")));
        return keys;
    }

    static void leaves(String path, Object node, Collection<String> keys) {
        if (node instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> leaves(path + "." + k, v, keys));
        } else {
            keys.add(path);
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
