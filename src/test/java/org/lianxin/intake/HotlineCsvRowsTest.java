package org.lianxin.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lianxin.cases.Channel;
import org.lianxin.cases.IntakeResult;
import org.lianxin.cases.IntakeSubmission;
import org.lianxin.cases.InvalidIntakeException;

class HotlineCsvRowsTest {

    final HotlineCsvRows rows = new HotlineCsvRows();

    @Test
    void rowsBecomeHotlineSubmissionsByTheHeaderNamesIgnoringOtherColumnsAndEmptyCells() {
        List<IntakeSubmission> submissions = rows.submissions(List.of(
                List.of(" recordId ", "备注", "content", "callerName"),
                List.of("HL-1", "ignored", "路灯不亮", ""),
                List.of("HL-2", "", "  ")));

        assertThat(submissions).hasSize(2);
        assertThat(submissions.get(0).channel()).isEqualTo(Channel.HOTLINE);
        assertThat(submissions.get(0).fields()).isEqualTo(Map.of("recordId", "HL-1", "content", "路灯不亮"));
        // Whitespace is the sender's text: the validator judges it, the reader keeps it.
        assertThat(submissions.get(1).fields()).isEqualTo(Map.of("recordId", "HL-2", "content", "  "));
    }

    @Test
    void aHeaderThatCannotBeReadRightRefusesTheWholeFile() {
        assertThatThrownBy(() -> rows.submissions(List.of())).isInstanceOf(InvalidIntakeException.class)
                .hasMessageStartingWith("header: the file has no header row");
        assertThatThrownBy(() -> rows.submissions(List.of(List.of("HL-1", "路灯不亮"))))
                .hasMessageStartingWith("header: no recordId column");
        assertThatThrownBy(() -> rows.submissions(List.of(List.of("recordId", "title"))))
                .hasMessageStartingWith("header: no content column");
        assertThatThrownBy(() -> rows.submissions(List.of(List.of("recordId", "content", "content"))))
                .hasMessage("header: the column content appears twice");
    }

    @Test
    void rejectedRowsAreWrittenAsTheyWereWithTheirReasonUtf8WithBom() {
        List<List<String>> table = List.of(
                List.of("recordId", "content"),
                List.of("HL-1", "好的"),
                List.of("HL-2", "", "extra, \"cell\""),
                List.of("HL-3"));
        List<IntakeResult> results = List.of(
                IntakeResult.created("HL-1", "2026000001", "q"),
                IntakeResult.rejected("HL-2", new InvalidIntakeException("content", "required")),
                IntakeResult.rejected("HL-3", new InvalidIntakeException("content", "required")));

        String out = new String(rows.rejectedRows(table, results), StandardCharsets.UTF_8);

        assertThat(out).isEqualTo("\uFEFFrecordId,content,,reason\r\n"
                + "HL-2,,\"extra, \"\"cell\"\"\",content: required\r\n"
                + "HL-3,,,content: required\r\n");
        assertThat(rows.rejectedRows(table.subList(0, 2), results.subList(0, 1))).isNull();
    }

    @Test
    void theSummaryCountsEachOutcome() {
        assertThat(rows.summary(List.of(IntakeResult.created("a", "1", "q"), IntakeResult.duplicate("b", "2", "q"),
                IntakeResult.created("c", "3", "q"), IntakeResult.repeat("d", "1", "q"))))
                .isEqualTo("4 rows: 2 created, 1 repeat, 1 duplicate, 0 rejected");
    }
}
