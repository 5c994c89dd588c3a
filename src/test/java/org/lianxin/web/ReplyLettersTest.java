package org.lianxin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ReplyLettersTest {

    static final OffsetDateTime T = OffsetDateTime.parse("2026-11-28T23:30:00Z");

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    static Map<String, Object> answer(String kind, String body, int day) {
        return row("kind", kind, "body", body, "published_at", T.plusDays(day), "name", "测试水务局");
    }

    final Map<String, Object> caseRow = row("case_no", "2026000042", "query_code", "ABCD2345", "title", "河道",
            "content", "河道垃圾", "citizen_name", "热线来电人", "received_at", T);

    @Test
    void aReopenedCaseGivesItsLatestAnswerWithTheProgressSinceTheOneBefore() {
        ReplyLetter letter = new ReplyLetters().of(caseRow, List.of(), List.of(answer("PROGRESS", "一", 1),
                answer("FINAL", "第一次答复", 2), answer("PROGRESS", "二", 3), answer("EXPLANATION", "第二次说明", 4)));

        assertThat(letter.answer().text()).isEqualTo("第二次说明");
        assertThat(letter.answer().kind()).isEqualTo("EXPLANATION");
        assertThat(letter.answer().publishedAt().toLocalDate()).hasToString("2026-12-03");
        assertThat(letter.progress()).extracting(ReplyLetter.Answer::text).containsExactly("二");
    }

    @Test
    void progressAloneIsNoAnswer() {
        assertThat(new ReplyLetters().of(caseRow, List.of(), List.of(answer("PROGRESS", "一", 1))).isAnswered())
                .isFalse();
    }

    @Test
    void thePetitionerIsTheWalkInIntakesAndOtherwiseTheCases() {
        Map<String, Object> hotline = row("channel", "hotline", "citizen_name", "热线来电人", "received_at", T);
        Map<String, Object> desk = row("channel", "desk", "citizen_name", "李秀兰", "received_at", T.plusDays(5));

        ReplyLetter walkIn = new ReplyLetters().of(caseRow, List.of(hotline, desk), List.of());
        ReplyLetter byPhone = new ReplyLetters().of(caseRow, List.of(hotline), List.of());

        assertThat(walkIn.petitionerName()).isEqualTo("李秀兰");
        assertThat(walkIn.receivedAt().toLocalDate()).hasToString("2026-12-04");
        assertThat(byPhone.petitionerName()).isEqualTo("热线来电人");
    }
}
