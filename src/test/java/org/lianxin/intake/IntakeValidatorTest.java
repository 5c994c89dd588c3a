package org.lianxin.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.cases.Category;
import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.Channel;
import org.lianxin.cases.IntakeRecord;
import org.lianxin.cases.IntakeSubmission;
import org.lianxin.cases.InvalidIntakeException;

class IntakeValidatorTest {

    static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
    final IntakeValidator validator = new IntakeValidator(
            new CategoryCatalog(List.of(new Category("urban", "城乡建设", "", "", ""))),
            Clock.fixed(NOW, ZoneOffset.UTC), 50, 20);

    IntakeRecord hotline(Map<String, Object> fields) {
        return validator.validate(new IntakeSubmission(Channel.HOTLINE, fields));
    }

    Map<String, Object> call(Object... pairs) {
        Map<String, Object> m = new HashMap<>(Map.of("recordId", "R1", "content", "路灯不亮"));
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void keepsTextExactlyAndNormalisesThePhone() {
        IntakeRecord r = hotline(call("content", "  <b>路灯</b>\n不亮  ", "callerNumber", "+86 139-0000-1111",
                "category", "urban", "callTime", "2026-11-28 08:30:00"));
        assertThat(r.content()).isEqualTo("  <b>路灯</b>\n不亮  ");
        assertThat(r.citizenPhone()).isEqualTo("13900001111");
        assertThat(r.receivedAt()).isEqualTo(OffsetDateTime.parse("2026-11-28T08:30:00+08:00"));
    }

    @Test
    void aRecordWithoutTimeIsReceivedNow() {
        assertThat(hotline(call()).receivedAt().toInstant()).isEqualTo(NOW);
    }

    @Test
    void namesTheFieldAtFaultInTheChannelsOwnWords() {
        assertField(call("content", " "), "content");
        assertField(call("content", "长".repeat(51)), "content");
        assertField(call("title", "题".repeat(21)), "title");
        assertField(call("callerNumber", "12"), "callerNumber");
        assertField(call("category", "roads"), "category");
        assertField(call("callTime", "29/11/2026"), "callTime");
        assertField(call("content", "乱码\uFFFD"), "content");
        assertField(call("content", Map.of("x", 1)), "content");
        Map<String, Object> noId = call();
        noId.remove("recordId");
        assertField(noId, "recordId");
    }

    @Test
    void countsCharactersNotUtf16Units() {
        // 50 characters outside the BMP are 100 UTF-16 units: still within a 50-character limit.
        assertThat(hotline(call("content", "𠮷".repeat(50))).content()).hasSize(100);
    }

    @Test
    void walkInPetitionsNeedAPhoneAndAValidIdNumber() {
        Map<String, Object> petition = new HashMap<>(Map.of("name", "张三", "content", "反映问题"));
        assertThatThrownBy(() -> validator.validate(new IntakeSubmission(Channel.DESK, petition)))
                .isInstanceOfSatisfying(InvalidIntakeException.class, e -> assertThat(e.field()).isEqualTo("phone"));
        petition.put("phone", "13800001111");
        petition.put("idNumber", "11010519491231002x");
        assertThat(validator.validate(new IntakeSubmission(Channel.DESK, petition)).idNumber())
                .isEqualTo("11010519491231002X");
        petition.put("visitors", "0");
        assertThatThrownBy(() -> validator.validate(new IntakeSubmission(Channel.DESK, petition)))
                .hasMessageStartingWith("visitors");
    }

    private void assertField(Map<String, Object> fields, String field) {
        assertThatThrownBy(() -> hotline(fields))
                .isInstanceOfSatisfying(InvalidIntakeException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
}
