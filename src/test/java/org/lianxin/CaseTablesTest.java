package org.lianxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The case's own tables — the case, its intakes, events and outbox, its slips and their deliveries — are written
 * only by the case store (org.lianxin.cases.CaseStore, org.lianxin.cases.SlipStore), so that a change to how a
 * status moves or an event is written is made in one place. Read from the sources, without starting the hub.
 */
class CaseTablesTest {

    static final Pattern WRITE = Pattern.compile("(?i)\\b(insert\\s+into|update|delete\\s+from)\\s+"
            + "(citizen_case|case_intake|case_event|case_outbox|slip|slip_delivery)\\b");
    static final Path CASE_STORE = Path.of("src/main/java/org/lianxin/cases/CaseStore.java");
    static final Path SLIP_STORE = Path.of("src/main/java/org/lianxin/cases/SlipStore.java");
    /** The outbox relay is the outbox's polling consumer: it deletes each row it sent, as camel-sql's onConsume. */
    static final String RELAY = "routes/cases/outbox-relay.yaml: delete from case_outbox";

    @Test
    void onlyTheCaseStoreWritesTheCasesTables() {
        List<String> writes = writes(Stream.concat(RouteWiringTest.yamlFiles(RouteWiringTest.ROUTES).stream(),
                RouteWiringTest.javaFiles().stream()).filter(f -> !f.equals(CASE_STORE) && !f.equals(SLIP_STORE))
                .toList());
        assertThat(writes).as("writes to the case's tables outside the case store").containsOnlyOnce(RELAY);
        assertThat(writes.stream().filter(w -> !w.equals(RELAY)))
                .as("writes to the case's tables outside the case store").isEmpty();
    }

    @Test
    void aWriteInARouteIsFound() {
        assertThat(WRITE.matcher("- to: \"sql:UPDATE citizen_case set status = :#s\"").find()).isTrue();
        assertThat(WRITE.matcher("- to: \"sql:insert into slip_delivery (slip_no)\"").find()).isTrue();
        assertThat(WRITE.matcher("- to: \"sql:insert into slip_notice (id)\"").find()).isFalse();
        assertThat(WRITE.matcher("select status from citizen_case for update").find()).isFalse();
    }

    /** Each write in the files, as "file: verb table". */
    static List<String> writes(List<Path> files) {
        List<String> writes = new ArrayList<>();
        for (Path file : files) {
            Matcher m = WRITE.matcher(RouteWiringTest.read(file));
            while (m.find()) {
                writes.add(file + ": " + m.group(1).toLowerCase().replaceAll("\\s+", " ") + " " + m.group(2));
            }
        }
        return writes;
    }
}
