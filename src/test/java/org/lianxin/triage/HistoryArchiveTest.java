package org.lianxin.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.CsvCharsets;
import org.lianxin.cases.InvalidIntakeException;

class HistoryArchiveTest {

    final HistoryArchive archive = new HistoryArchive(TriageFixtures.catalog(), TriageFixtures.settings());

    static final String CSV = """
            标题,内容,类别
            小区路灯不亮,"幸福小区北门的路灯坏了一个多月，晚上出行不便，""请""尽快修复。",城乡建设
            公交改线,"12路公交车改线后
            学生上学要多走两公里。",transport
            景区门票涨价,某景区门票从60元涨到120元，是否经过物价部门审批？,商贸旅游
            旅行社退团不退款,报名的旅行社临时取消行程，交的三千元团费一直不退。,旅游业
            没有内容,,城乡建设
            ,,
            工资,工地老板拖欠三个月工资不给。,劳动和社会保障
            """;

    @Test
    void aGbkArchiveIsReadWithItsCategoriesMappedAndEachBadRowNamedWithItsReason() {
        HistoryArchive.Parsed parsed = archive.read(CSV.getBytes(CsvCharsets.GBK));

        assertThat(parsed.rows()).containsExactly(
                new LabelledMessage("小区路灯不亮", "幸福小区北门的路灯坏了一个多月，晚上出行不便，\"请\"尽快修复。", "urban"),
                new LabelledMessage("公交改线", "12路公交车改线后\n学生上学要多走两公里。", "transport"),
                new LabelledMessage("景区门票涨价", "某景区门票从60元涨到120元，是否经过物价部门审批？", "market"),
                new LabelledMessage("工资", "工地老板拖欠三个月工资不给。", "labour"));
        // rows as a spreadsheet numbers them: the header is row 1, and row 3 is one row though its text has two lines
        assertThat(parsed.rejected()).extracting(HistoryArchive.RejectedRow::row).containsExactly(5, 6);
        assertThat(parsed.rejected().get(0).error()).startsWith("category: '旅游业' is not a category of this hub")
                .contains("城乡建设", "lianxin.triage.category-aliases");
        assertThat(parsed.rejected().get(1).error()).isEqualTo("content: empty");
    }

    @Test
    void utf8WithAByteOrderMarkAndTheArchivesOwnColumnNamesReadTheSame() {
        String csv = CsvCharsets.BOM + "留言编号,留言主题,留言详情,一级分类\n1,噪音扰民,楼下饭店油烟噪音到半夜。,环境保护\n";
        assertThat(archive.read(csv.getBytes(StandardCharsets.UTF_8)).rows())
                .containsExactly(new LabelledMessage("噪音扰民", "楼下饭店油烟噪音到半夜。", "environment"));
    }

    @Test
    void asWrittenKeepsAnArchivesOwnCategories() {
        assertThat(HistoryArchive.readAsWritten(CSV.getBytes(StandardCharsets.UTF_8)).rows())
                .extracting(LabelledMessage::category)
                .containsExactly("城乡建设", "transport", "商贸旅游", "旅游业", "劳动和社会保障");
    }

    @Test
    void anExcelWorkbooksFirstSheetIsReadLikeACsv() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("留言");
            String[][] cells = {{"title", "content", "category"}, {"孩子入学", "请问外地户口的孩子在县城上小学需要哪些材料？", "education"},
                    {"", "", "health"}};
            for (int r = 0; r < cells.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    row.createCell(c).setCellValue(cells[r][c]);
                }
            }
            workbook.write(out);
        }
        HistoryArchive.Parsed parsed = archive.read(out.toByteArray());
        assertThat(parsed.rows()).containsExactly(
                new LabelledMessage("孩子入学", "请问外地户口的孩子在县城上小学需要哪些材料？", "education"));
        assertThat(parsed.rejected()).containsExactly(new HistoryArchive.RejectedRow(3, "content: empty"));
    }

    @Test
    void aFileWithoutTheColumnsOrNotTextAtAllIsRefusedWhole() {
        assertThatThrownBy(() -> archive.read("标题,正文\n路灯,路灯坏了\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InvalidIntakeException.class)
                .hasMessageContaining("the header row has no column 'content'");
        assertThatThrownBy(() -> archive.read(new byte[0])).hasMessageContaining("empty");
        assertThatThrownBy(() -> archive.read(new byte[] {(byte) 0x81, 0x20, (byte) 0xFF, (byte) 0xFE}))
                .hasMessageContaining("wrong encoding");
    }

    @Test
    void aRowWithAControlCharacterOrTooLongIsRejected() {
        String csv = "title,content,category\n路灯,\"路灯\u0000坏了\",urban\n路灯," + "长".repeat(20001) + ",urban\n";
        assertThat(archive.read(csv.getBytes(StandardCharsets.UTF_8)).rejected())
                .extracting(HistoryArchive.RejectedRow::error)
                .containsExactly("content: control characters (such as NUL) are not text",
                        "content: longer than 20000 characters");
    }
}
