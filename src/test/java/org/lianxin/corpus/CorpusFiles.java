package org.lianxin.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a corpus as the CSV files an archive is imported from: header {@code title,content,category}. */
public final class CorpusFiles {

    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader("title", "content", "category").get();
    static final Charset GBK = Charset.forName("GBK");

    private CorpusFiles() {
    }

    /** Writes the messages as CSV, UTF-8, header {@code title,content,category}. */
    public static void writeCsv(Path file, List<CorpusMessage> messages) {
        write(file, messages, StandardCharsets.UTF_8);
    }

    /** Writes the messages as CSV in GBK, as county archives often come. */
    public static void writeCsvGbk(Path file, List<CorpusMessage> messages) {
        write(file, messages, GBK);
    }

    /** Writes train.csv and test.csv (3,000 labelled messages each, two seeds) into the folder args[0]. */
    public static void main(String[] args) {
        Path folder = Path.of(args.length > 0 ? args[0] : ".");
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeCsv(folder.resolve("train.csv"), CitizenMessages.labelled(1, 3000));
        writeCsv(folder.resolve("test.csv"), CitizenMessages.labelled(2, 3000));
    }

    private static void write(Path file, List<CorpusMessage> messages, Charset charset) {
        try (Writer out = Files.newBufferedWriter(file, charset); CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            for (CorpusMessage m : messages) {
                csv.printRecord(m.title(), m.content(), m.category());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
