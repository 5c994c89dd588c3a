package org.lianxin.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;

import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.lianxin.cases.CountyTime;
import org.lianxin.cases.CsvCharsets;
import org.lianxin.cases.InvalidIntakeException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where an export goes once read, inside the drop folder: {@code .done/<day>/} (county time) when its rows were
 * registered, {@code .error/} when it was refused whole, with a report beside it ({@code <name>.rejected.csv},
 * {@code <name>.error.txt}, {@code <name>.duplicate.txt}). A name already archived there gets a number, so that no
 * archived export is overwritten by a later one of the same name. The folders start with a dot: the poller skips
 * them. Also the file's identity for the processed-files store: its content, so that the same export dropped again
 * (under any name or time) is recognised.
 */
@Component("hotlineCsvFolder")
public class HotlineCsvFolder {

    static final String DONE = ".done";
    static final String ERROR = ".error";
    private static final String CSV = ".csv";

    private final Path folder;
    private final Clock clock;

    public HotlineCsvFolder(@Value("${lianxin.channels.hotline.csv.folder}") String folder, Clock clock) {
        this.folder = Path.of(folder);
        this.clock = clock;
    }

    /** The archive of a read file, relative to the folder: {@code .done/2026-11-28/calls.csv}. */
    public String doneArchive(@Header(Exchange.FILE_NAME_ONLY) String name) {
        return unused(DONE + "/" + LocalDate.now(clock.withZone(CountyTime.ZONE)), name);
    }

    /** The archive of a file refused whole, relative to the folder: {@code .error/calls.csv}. */
    public String errorArchive(@Header(Exchange.FILE_NAME_ONLY) String name) {
        return unused(ERROR, name);
    }

    /** The report beside an archived file: for {@code .done/d/calls.csv} and rejected.csv, calls.rejected.csv. */
    public String report(String archive, String kind) {
        return withoutCsv(archive) + "." + kind;
    }

    private String unused(String dir, String name) {
        String base = withoutCsv(name);
        String extension = name.substring(base.length());
        String candidate = name;
        for (int n = 2; Files.exists(folder.resolve(dir).resolve(candidate)); n++) {
            candidate = base + "-" + n + extension;
        }
        return dir + "/" + candidate;
    }

    private static String withoutCsv(String name) {
        return name.regionMatches(true, name.length() - CSV.length(), CSV, 0, CSV.length())
                ? name.substring(0, name.length() - CSV.length()) : name;
    }

    /** The key of the processed-files store: the SHA-256 of the file's bytes. */
    public String contentKey(byte[] content) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Why a file was refused whole, for {@code <name>.error.txt}. */
    public byte[] errorReport(Exception problem, @Header(Exchange.FILE_NAME_ONLY) String name) {
        String reason = problem instanceof InvalidIntakeException ? problem.getMessage()
                : "malformed CSV: " + (problem.getCause() != null ? problem.getCause() : problem).getMessage();
        return text(name + " 未导入，其中的记录均未登记。Nothing from this file was stored.\n"
                + "原因 Reason: " + reason + "\n"
                + "请改正后重新放入文件夹。Correct the file and drop it into the folder again.\n");
    }

    /** Why a file was archived without reading it, for {@code <name>.duplicate.txt}. */
    public byte[] duplicateReport(@Header(Exchange.FILE_NAME_ONLY) String name) {
        return text(name + " 与已导入的文件内容相同，未重复登记。This file has the same content as one already read: "
                + "nothing was registered again.\n");
    }

    private static byte[] text(String s) {
        return (CsvCharsets.BOM + s).getBytes(StandardCharsets.UTF_8);
    }
}
