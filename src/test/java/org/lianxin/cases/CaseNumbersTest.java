package org.lianxin.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CaseNumbersTest {

    @Test
    void theYearIsTheCountysYear() {
        // 31 Dec 17:00 UTC is already 1 Jan in Asia/Shanghai.
        CaseNumbers numbers = new CaseNumbers(Clock.fixed(Instant.parse("2026-12-31T17:00:00Z"), ZoneOffset.UTC));
        assertThat(numbers.caseNumber(42)).isEqualTo("2027000042");
        assertThat(numbers.caseNumber(1_234_567)).isEqualTo("20271234567");
    }

    @Test
    void queryCodesAreUnambiguousAndDoNotRepeat() {
        CaseNumbers numbers = new CaseNumbers(Clock.systemUTC());
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = numbers.queryCode();
            assertThat(code).matches("[2-9A-HJKMNP-Z]{8}");
            codes.add(code);
        }
        assertThat(codes).hasSize(10_000);
    }

    @Test
    void aMissingTitleIsTheStartOfTheFirstLine() {
        assertThat(CaseRegistration.deriveTitle("  路灯坏了\n详细情况如下")).isEqualTo("路灯坏了");
        assertThat(CaseRegistration.deriveTitle("一".repeat(40))).isEqualTo("一".repeat(30) + "…");
    }
}
