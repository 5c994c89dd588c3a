package org.lianxin.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.lianxin.cases.CsvCharsets;
import org.lianxin.support.HubTestSupport;
import org.lianxin.support.LianxinTest;
import org.lianxin.support.RegisteredQueue;
import org.springframework.beans.factory.annotation.Value;

@LianxinTest
class HotlineCsvTest extends HubTestSupport {

    static final List<String> HEADER = List.of("recordId", "callTime", "callerNumber", "callerName", "operatorId",
            "category", "title", "content", "location");

    @Value("${lianxin.channels.hotline.csv.folder}")
    Path folder;

    static String recordId() {
        return "CSV-" + UUID.randomUUID();
    }

    static String fileName() {
        return "calls-" + UUID.randomUUID() + ".csv";
    }

    /** A call record in the header's column order. */
    static List<String> call(String recordId, String content) {
        return List.of(recordId, "2026-11-28 09:15:00", "138-0013-8000", "王女士", "op07", "utilities", "暖气不热",
                content, "城关镇幸福小区3号楼");
    }

    @SafeVarargs
    static String csv(List<String> header, List<String>... rows) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Drops an export the way the call center should: written as name.csv.tmp, then renamed. */
    void drop(String name, byte[] content) throws IOException {
        Files.createDirectories(folder);
        Path tmp = folder.resolve(name + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Waits until the file (or a report) is under .done/<day>/ or .error/; the file's rows are committed then. */
    Path awaitIn(String dir, String name) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> find(dir, name), Optional::isPresent).get();
    }

    Optional<Path> find(String dir, String name) throws IOException {
        Path root = folder.resolve(dir);
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().equals(name)).findFirst();
        }
    }

    static String report(String name, String kind) {
        return name.substring(0, name.length() - ".csv".length()) + "." + kind;
    }

    long intakes(String recordId) {
        return db.queryForObject("select count(*) from case_intake where channel = 'hotline' and external_id = ?",
                Long.class, recordId);
    }

    String caseOf(String recordId) {
        return db.queryForObject("select case_no from case_intake where channel = 'hotline' and external_id = ?",
                String.class, recordId);
    }

    Map<String, Object> caseRow(String recordId) {
        return db.queryForMap("select * from citizen_case where case_no = ?", caseOf(recordId));
    }

    @Test
    void aGbkExportBecomesCasesWithTheChineseTextExactlyAsWritten() throws Exception {
        String first = recordId();
        String second = recordId();
        String content1 = "小区门口路灯不亮，晚上出行很不方便，请尽快维修！";
        // Quotes, a comma and a line break inside one cell, as Excel writes them.
        String content2 = "楼上装修噪音扰民，“周末”早上七点就开始施工, 已经持续两周。\n另：物业电话无人接听。";
        assertThat(CsvCharsets.GBK.newEncoder().canEncode(content1 + content2)).isTrue();
        String name = fileName();

        drop(name, csv(HEADER, call(first, content1), call(second, content2)).getBytes(CsvCharsets.GBK));
        Path archived = awaitIn(HotlineCsvFolder.DONE, name);

        assertThat(archived.getParent().getParent()).isEqualTo(folder.resolve(".done"));
        assertThat(Files.exists(folder.resolve(name))).isFalse();
        assertThat(find(HotlineCsvFolder.DONE, report(name, "rejected.csv"))).isEmpty();
        Map<String, Object> stored = caseRow(first);
        assertThat(((String) stored.get("content")).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(content1.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.get("citizen_phone")).isEqualTo("13800138000");
        assertThat(stored.get("citizen_name")).isEqualTo("王女士");
        assertThat(stored.get("title")).isEqualTo("暖气不热");
        assertThat(stored.get("category")).isEqualTo("utilities");
        assertThat(stored.get("location")).isEqualTo("城关镇幸福小区3号楼");
        assertThat(((String) caseRow(second).get("content")).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(content2.getBytes(StandardCharsets.UTF_8));
        assertThat(db.queryForObject("select operator_id from case_intake where external_id = ?", String.class, first))
                .isEqualTo("op07");
        assertThat(queue.messagesFor(caseOf(first))).hasSize(1);
        assertThat(queue.messagesFor(caseOf(second))).hasSize(1);
    }

    @Test
    void aUtf8ExportWithAByteOrderMarkIsReadWithItsHeader() throws Exception {
        String id = recordId();
        // Outside GBK: a character beyond the BMP and an emoji.
        String content = "𠮷野家门口的井盖丢失，非常危险！😟";
        String name = fileName();

        drop(name, ("\uFEFF" + csv(HEADER, call(id, content))).getBytes(StandardCharsets.UTF_8));
        awaitIn(HotlineCsvFolder.DONE, name);

        assertThat(((String) caseRow(id).get("content")).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(content.getBytes(StandardCharsets.UTF_8));
        assertThat(queue.messagesFor(caseOf(id))).hasSize(1);
    }

    @Test
    void badRowsGoToARejectedFileWithTheirReasonAndTheGoodRowsAreRegistered() throws Exception {
        String good = recordId();
        String noContent = recordId();
        String badPhone = recordId();
        String badCategory = recordId();
        String alsoGood = recordId();
        List<String> header = List.of("recordId", "备注", "callerNumber", "category", "content");
        String name = fileName();

        drop(name, csv(header,
                List.of(good, "unknown columns are ignored", "13800138000", "", "楼道堆放杂物"),
                List.of(noContent, "", "13800138000", "environment", ""),
                List.of(badPhone, "", "12ab", "environment", "噪音扰民"),
                List.of(badCategory, "", "", "weather", "天气不好"),
                List.of(alsoGood, "", "", "transport", "公交站牌损坏")).getBytes(StandardCharsets.UTF_8));
        Path archived = awaitIn(HotlineCsvFolder.DONE, name);

        assertThat(intakes(good)).isEqualTo(1);
        assertThat(intakes(alsoGood)).isEqualTo(1);
        // An empty cell is not given: the case is registered without a category (triage may find one later).
        assertThat(RegisteredQueue.text(queue.messagesFor(caseOf(good)).get(0))).contains("\"category\":null");
        assertThat(intakes(noContent) + intakes(badPhone) + intakes(badCategory)).isZero();

        Path rejected = archived.resolveSibling(report(name, "rejected.csv"));
        byte[] bytes = Files.readAllBytes(rejected);
        assertThat(CsvCharsets.hasUtf8Bom(bytes)).isTrue();
        List<CSVRecord> lines = CSVFormat.DEFAULT.parse(new StringReader(
                new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertThat(lines.get(0).toList()).containsExactly("recordId", "备注", "callerNumber", "category", "content",
                "reason");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1).toList()).containsExactly(noContent, "", "13800138000", "environment", "",
                "content: required");
        assertThat(lines.get(2).get(0)).isEqualTo(badPhone);
        assertThat(lines.get(2).get(2)).isEqualTo("12ab");
        assertThat(lines.get(2).get(5)).startsWith("callerNumber:");
        assertThat(lines.get(3).get(0)).isEqualTo(badCategory);
        assertThat(lines.get(3).get(5)).startsWith("category:").contains("weather");
    }

    @Test
    void theSameFileDroppedAgainIsNotReadAgain() throws Exception {
        String id = recordId();
        String name = fileName();
        byte[] export = csv(HEADER, call(id, "路灯不亮")).getBytes(StandardCharsets.UTF_8);

        drop(name, export);
        awaitIn(HotlineCsvFolder.DONE, name);
        String caseNo = caseOf(id);
        drop(name, export);
        String again = name.replace(".csv", "-2.csv");
        Path archivedAgain = awaitIn(HotlineCsvFolder.DONE, again);

        assertThat(archivedAgain.resolveSibling(report(again, "duplicate.txt"))).exists();
        assertThat(intakes(id)).isEqualTo(1);
        assertThat(queue.messagesFor(caseNo)).hasSize(1);
    }

    @Test
    void aReExportWithARegisteredRecordAddsOnlyTheNewRecord() throws Exception {
        String old = recordId();
        String added = recordId();
        String firstName = fileName();
        drop(firstName, csv(HEADER, call(old, "路灯不亮")).getBytes(StandardCharsets.UTF_8));
        awaitIn(HotlineCsvFolder.DONE, firstName);
        String caseNo = caseOf(old);

        String secondName = fileName();
        drop(secondName, csv(HEADER, call(old, "路灯不亮（再次导出）"), call(added, "井盖丢失"))
                .getBytes(CsvCharsets.GBK));
        awaitIn(HotlineCsvFolder.DONE, secondName);

        assertThat(intakes(old)).isEqualTo(1);
        assertThat(caseOf(old)).isEqualTo(caseNo);
        assertThat(caseRow(old).get("content")).isEqualTo("路灯不亮");
        assertThat(queue.messagesFor(caseNo)).hasSize(1);
        assertThat(intakes(added)).isEqualTo(1);
        assertThat(find(HotlineCsvFolder.DONE, report(secondName, "rejected.csv"))).isEmpty();
    }

    @Test
    void aFileInNeitherUtf8NorGbkIsRefusedWholeAndNothingIsStored() throws Exception {
        String fine = recordId();
        String broken = recordId();
        String name = fileName();
        byte[] export = concat(csv(HEADER, call(fine, "这一行本身没有问题")).getBytes(StandardCharsets.UTF_8),
                (broken + ",,,,,,,路灯").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xFF, '\r', '\n'});

        drop(name, export);
        Path refused = awaitIn(HotlineCsvFolder.ERROR, name);

        assertThat(Files.readAllBytes(refused)).isEqualTo(export);
        String reason = Files.readString(refused.resolveSibling(report(name, "error.txt")), StandardCharsets.UTF_8);
        assertThat(reason).contains("file: wrong encoding: neither UTF-8").contains("nor GBK");
        assertThat(intakes(fine) + intakes(broken)).isZero();

        // Not remembered as read: once corrected it can be dropped again, and the same bytes are refused again.
        drop(name, export);
        awaitIn(HotlineCsvFolder.ERROR, name.replace(".csv", "-2.csv"));
        assertThat(intakes(fine)).isZero();
    }

    @Test
    void aMalformedCsvIsRefusedWholeWithTheReason() throws Exception {
        String fine = recordId();
        String name = fileName();
        String unbalanced = csv(HEADER, call(fine, "这一行没有问题")) + recordId() + ",,,,,,,\"引号没有结束\r\n";

        drop(name, unbalanced.getBytes(StandardCharsets.UTF_8));
        Path refused = awaitIn(HotlineCsvFolder.ERROR, name);

        assertThat(Files.readString(refused.resolveSibling(report(name, "error.txt")), StandardCharsets.UTF_8))
                .contains("malformed CSV").contains("EOF reached before encapsulated token finished");
        assertThat(intakes(fine)).isZero();

        String noHeader = fileName();
        drop(noHeader, csv(call(recordId(), "没有表头")).getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(awaitIn(HotlineCsvFolder.ERROR, report(noHeader, "error.txt"))))
                .contains("header: no recordId column");
    }

    @Test
    void aFileStillBeingWrittenAsTmpIsNotRead() throws Exception {
        String pending = recordId();
        String name = fileName();
        Files.createDirectories(folder);
        Path tmp = folder.resolve(name + ".tmp");
        Files.writeString(tmp, csv(HEADER, call(pending, "还在写入")));
        // A later file is archived only after a poll that also saw the .tmp file.
        String later = fileName();
        drop(later, csv(HEADER, call(recordId(), "后来的文件")).getBytes(StandardCharsets.UTF_8));
        awaitIn(HotlineCsvFolder.DONE, later);

        assertThat(tmp).exists();
        assertThat(intakes(pending)).isZero();
        Files.delete(tmp);
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
