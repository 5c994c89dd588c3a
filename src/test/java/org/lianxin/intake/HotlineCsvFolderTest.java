package org.lianxin.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lianxin.cases.InvalidIntakeException;

class HotlineCsvFolderTest {

    @TempDir
    Path folder;

    /** 2026-11-28 17:30 UTC is already the 29th in the county. */
    HotlineCsvFolder archive() {
        return new HotlineCsvFolder(folder.toString(),
                Clock.fixed(Instant.parse("2026-11-28T17:30:00Z"), ZoneOffset.UTC));
    }

    @Test
    void aReadFileIsArchivedUnderTheCountyDayAndNeverOverAnEarlierOne() throws IOException {
        assertThat(archive().doneArchive("calls.csv")).isEqualTo(".done/2026-11-29/calls.csv");
        Files.createDirectories(folder.resolve(".done/2026-11-29"));
        Files.writeString(folder.resolve(".done/2026-11-29/calls.csv"), "");
        Files.writeString(folder.resolve(".done/2026-11-29/calls-2.csv"), "");
        assertThat(archive().doneArchive("calls.csv")).isEqualTo(".done/2026-11-29/calls-3.csv");
        assertThat(archive().errorArchive("Calls.CSV")).isEqualTo(".error/Calls.CSV");
    }

    @Test
    void reportsSitBesideTheArchivedFile() {
        assertThat(archive().report(".done/2026-11-29/calls-3.csv", "rejected.csv"))
                .isEqualTo(".done/2026-11-29/calls-3.rejected.csv");
        assertThat(archive().report(".error/Calls.CSV", "error.txt")).isEqualTo(".error/Calls.error.txt");
    }

    @Test
    void theFileIsKnownByItsContent() {
        byte[] export = "recordId,content\n".getBytes(StandardCharsets.UTF_8);
        assertThat(archive().contentKey(export)).isEqualTo(archive().contentKey(export.clone()))
                .isNotEqualTo(archive().contentKey("recordId,content\r\n".getBytes(StandardCharsets.UTF_8)))
                .startsWith("sha256:").hasSize(7 + 64);
    }

    @Test
    void theErrorReportGivesTheReason() {
        String report = new String(archive().errorReport(new InvalidIntakeException("file", "wrong encoding: x"),
                "calls.csv"), StandardCharsets.UTF_8);
        assertThat(report).startsWith("\uFEFFcalls.csv").contains("Reason: file: wrong encoding: x");
    }
}
