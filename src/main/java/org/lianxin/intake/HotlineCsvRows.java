package org.lianxin.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.lianxin.cases.CsvCharsets;
import org.lianxin.cases.Channel;
import org.lianxin.cases.IntakeFieldNames;
import org.lianxin.cases.IntakeResult;
import org.lianxin.cases.IntakeSubmission;
import org.lianxin.cases.InvalidIntakeException;
import org.springframework.stereotype.Component;

/**
 * The rows of a hotline CSV export as call records. The header row names the columns with the hotline API's field
 * names, so a record id is one case whichever way it arrives; other columns are ignored, and an empty cell is a
 * field not given (CSV cannot tell empty from absent). A header without the record id or content column is refused
 * whole: every row would be read wrongly. Rejected rows go back to the call center as a CSV of their own.
 */
@Component("hotlineCsvRows")
public class HotlineCsvRows {

    private static final IntakeFieldNames NAMES = IntakeFieldNames.HOTLINE;
    static final List<String> COLUMNS = Stream.of(NAMES.externalId(), NAMES.receivedAt(), NAMES.phone(),
            NAMES.name(), NAMES.operatorId(), NAMES.category(), NAMES.title(), NAMES.content(), NAMES.location())
            .filter(Objects::nonNull).toList();
    static final String REASON = "reason";
    private static final String HEADER = "header";

    /** The records of a parsed file (its first row the header), one submission per row, in file order. */
    public List<IntakeSubmission> submissions(List<List<String>> table) {
        if (table.isEmpty()) {
            throw new InvalidIntakeException(HEADER, "the file has no header row; name the columns " + COLUMNS);
        }
        Map<String, Integer> columns = columns(table.get(0));
        List<IntakeSubmission> submissions = new ArrayList<>(table.size() - 1);
        for (List<String> row : table.subList(1, table.size())) {
            Map<String, Object> fields = new LinkedHashMap<>();
            columns.forEach((name, index) -> {
                if (index < row.size() && !row.get(index).isEmpty()) {
                    fields.put(name, row.get(index));
                }
            });
            submissions.add(new IntakeSubmission(Channel.HOTLINE, fields));
        }
        return submissions;
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (COLUMNS.contains(name) && columns.putIfAbsent(name, i) != null) {
                throw new InvalidIntakeException(HEADER, "the column " + name + " appears twice");
            }
        }
        for (String required : List.of(NAMES.externalId(), NAMES.content())) {
            if (!columns.containsKey(required)) {
                throw new InvalidIntakeException(HEADER, "no " + required + " column; the header row names the columns "
                        + COLUMNS + " (other columns are ignored)");
            }
        }
        return columns;
    }

    /**
     * The rejected rows exactly as they were, under the file's own header plus a reason column naming the field at
     * fault; UTF-8 with a byte order mark so that Excel opens it. Null when no row was rejected.
     */
    public byte[] rejectedRows(List<List<String>> table, List<IntakeResult> results) {
        if (results.size() != table.size() - 1) {
            throw new IllegalStateException(results.size() + " results for " + (table.size() - 1) + " rows");
        }
        List<Integer> rejected = new ArrayList<>();
        int width = table.get(0).size();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).isRejected()) {
                rejected.add(i);
                width = Math.max(width, table.get(i + 1).size());
            }
        }
        if (rejected.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(CsvCharsets.BOM);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL)) {
            printer.printRecord(padded(table.get(0), width, REASON));
            for (int i : rejected) {
                printer.printRecord(padded(table.get(i + 1), width, results.get(i).error()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> padded(List<String> cells, int width, String last) {
        List<String> line = new ArrayList<>(cells);
        while (line.size() < width) {
            line.add("");
        }
        line.add(last);
        return line;
    }

    /** One line for the log: how many rows were created, duplicates and rejected. */
    public String summary(List<IntakeResult> results) {
        Map<IntakeResult.Status, Long> counts = new EnumMap<>(IntakeResult.Status.class);
        results.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return results.size() + " rows: " + Stream.of(IntakeResult.Status.values())
                .map(s -> counts.getOrDefault(s, 0L) + " " + s).collect(Collectors.joining(", "));
    }
}
