package org.lianxin.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortalSqlSettingsTest {

    static PortalSqlSettings enabled(String table) {
        return new PortalSqlSettings(true, "jdbc:postgresql://127.0.0.1/portal", "u", "p", table, 5000, 100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"portal_message", "cms.portal_message", "_T1", "PORTAL.Messages2"})
    void aTableNameWithAnOptionalSchemaIsTaken(String table) {
        assertThat(enabled(table).table()).isEqualTo(table);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " portal_message", "portal_message; drop table citizen_case", "a.b.c", "1portal",
            "portal-message", "\"portal\"", "留言表", "portal_message where 1=1", "x.", ".x"})
    void anythingElseFailsTheStartUp(String table) {
        assertThatIllegalArgumentException().isThrownBy(() -> enabled(table)).withMessageContaining("table");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x;y"})
    void aDisabledPollerChecksNothing(String table) {
        assertThat(new PortalSqlSettings(false, "", "", "", table, 0, 0).enabled()).isFalse();
    }
}
