package org.lianxin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house's rule, on the compiled classes: the ground rooms (the case itself, the directory) never use a feature,
 * features never use each other (they meet through the case's tables, the queues and the routes), no rooms depend on
 * each other in a circle, and every room is one or the other.
 */
class ArchitectureTest {

    static final String ROOT = "org.lianxin";
    static final List<String> GROUND = List.of("cases", "calendar", "attachments", "gateways", "directory");
    static final List<String> FEATURES = List.of("intake", "triage", "dispatch", "reply", "sync", "satisfaction",
            "supervision", "repeats", "reports", "web", "security");

    static JavaClasses hub;

    @BeforeAll
    static void importHub() {
        hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    static String[] packages(Stream<String> rooms) {
        return rooms.map(room -> ROOT + "." + room + "..").toArray(String[]::new);
    }

    @Test
    void everyRoomIsGroundOrAFeature() {
        Set<String> rooms = new TreeSet<>();
        for (JavaClass c : hub) {
            String name = c.getPackageName();
            if (name.startsWith(ROOT + ".")) {
                rooms.add(name.substring(ROOT.length() + 1).split("\\.")[0]);
            }
        }
        rooms.removeAll(GROUND);
        rooms.removeAll(FEATURES);
        assertThat(rooms).as("packages under %s that are neither ground %s nor a feature %s", ROOT, GROUND, FEATURES)
                .isEmpty();
        assertThat(hub).as("the hub's classes were read").hasSizeGreaterThan(100);
    }

    @Test
    void groundNeverUsesAFeature() {
        noClasses().that().resideInAnyPackage(packages(GROUND.stream())).should().dependOnClassesThat()
                .resideInAnyPackage(packages(FEATURES.stream()))
                .because("the ground holds what features share; a feature's piece in it belongs in the feature")
                .check(hub);
    }

    @Test
    void featuresNeverUseEachOther() {
        for (String feature : FEATURES) {
            noClasses().that().resideInAPackage(ROOT + "." + feature + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(packages(FEATURES.stream().filter(other -> !other.equals(feature))))
                    .because("features meet through the case's tables, the queues and the routes; what two share "
                            + "belongs in the ground")
                    .check(hub);
        }
    }

    @Test
    void noRoomsDependOnEachOtherInACircle() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(hub);
    }
}
