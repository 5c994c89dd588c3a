package org.lianxin.triage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.lianxin.cases.Category;
import org.lianxin.cases.CategoryCatalog;
import org.lianxin.cases.CsvCharsets;
import org.lianxin.cases.InvalidIntakeException;
import org.springframework.stereotype.Component;

/**
 * Reads a county's labelled archive (CSV in UTF-8 or GBK, or an Excel workbook's first sheet): a header row naming
 * the columns title, content and category (or 标题, 内容, 类别; the public archives' 留言主题, 留言详情, 一级分类 too),
 * then one message per row. A category is this hub's code or name, or an alias of lianxin.triage.category-aliases.
 * Rows are numbered as a spreadsheet shows them (the header is row 1); a bad row is rejected whole with its
 * reason, and a file that cannot be read at all is refused naming why.
 */
@Component
public class HistoryArchive {

    static final int MAX_TITLE = 200;
    static final int MAX_CONTENT = 20000;
    private static final Map<String, String> COLUMNS = Map.of("title", "title", "标题", "title", "留言主题", "title",
            "content", "content", "内容", "content", "留言详情", "content", "category", "category", "类别", "category",
            "一级分类", "category");
    private static final CsvCharsets CHARSETS = CsvCharsets.of(CsvCharsets.AUTO);

    private final CategoryCatalog catalog;
    private final Map<String, String> aliases;

    public HistoryArchive(CategoryCatalog catalog, TriageSettings settings) {
        this.catalog = catalog;
        this.aliases = settings.categoryAliases();
    }

    /** A row that was not taken, and why. */
    public record RejectedRow(int row, String error) {
    }

    /** The rows read, ready to store, and the rows rejected. */
    public record Parsed(List<LabelledMessage> rows, List<RejectedRow> rejected) {
    }

    /** Reads the file with this hub's categories: an Excel workbook when it is one (by its first bytes), else CSV. */
    public Parsed read(byte[] file) {
        return read(file, this::categoryCode, catalog.categories().stream().map(Category::name).toList());
    }

    /** Reads the file keeping its categories as they are written (the benchmark compares models on any archive). */
    public static Parsed readAsWritten(byte[] file) {
        return read(file, category -> Optional.of(category.strip()), List.of());
    }

    private static Parsed read(byte[] file, Function<String, Optional<String>> categories, List<String> known) {
        if (file == null || file.length == 0) {
            throw new InvalidIntakeException("file", "empty: expected a CSV or Excel file with a header row");
        }
        List<List<String>> table = isWorkbook(file) ? workbookTable(file) : csvTable(CHARSETS.decode(file));
        return rows(table, categories, known);
    }

    private static List<List<String>> csvTable(String text) {
        List<List<String>> table = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.EXCEL)) {
            for (CSVRecord record : parser) {
                table.add(record.toList());
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidIntakeException("file", "not readable as CSV: " + e.getMessage());
        }
        return table;
    }

    private static List<List<String>> workbookTable(byte[] file) {
        List<List<String>> table = new ArrayList<>();
        DataFormatter cells = new DataFormatter(Locale.ROOT);
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> values = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        values.add(cells.formatCellValue(row.getCell(c)));
                    }
                }
                table.add(values);
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidIntakeException("file", "not a readable Excel workbook: " + e.getMessage());
        }
        return table;
    }

    /** The header's columns, then every row (blank rows are skipped). */
    private static Parsed rows(List<List<String>> table, Function<String, Optional<String>> categories,
            List<String> known) {
        if (table.isEmpty()) {
            throw new InvalidIntakeException("file", "no header row: expected the columns title, content, category");
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = table.get(0);
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).replace(CsvCharsets.BOM, "").strip().toLowerCase(Locale.ROOT);
            String field = COLUMNS.get(name);
            if (field != null) {
                column.putIfAbsent(field, i);
            }
        }
        for (String required : List.of("content", "category")) {
            if (!column.containsKey(required)) {
                throw new InvalidIntakeException("file", "the header row has no column '" + required
                        + "' (columns: title, content, category, or 标题, 内容, 类别); it has " + header);
            }
        }
        List<LabelledMessage> rows = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        for (int r = 1; r < table.size(); r++) {
            List<String> values = table.get(r);
            if (values.stream().allMatch(v -> v == null || v.isBlank())) {
                continue;
            }
            String title = cell(values, column.get("title"));
            String content = cell(values, column.get("content"));
            String category = cell(values, column.get("category"));
            String error = null;
            Optional<String> code = category == null ? Optional.empty() : categories.apply(category);
            if (content == null) {
                error = "content: empty";
            } else if (content.length() > MAX_CONTENT) {
                error = "content: longer than " + MAX_CONTENT + " characters";
            } else if (title != null && title.length() > MAX_TITLE) {
                error = "title: longer than " + MAX_TITLE + " characters";
            } else if (category == null) {
                error = "category: empty";
            } else if (code.isEmpty()) {
                error = "category: '" + category + "' is not a category of this hub (lianxin.categories: " + known
                        + ") and not mapped in lianxin.triage.category-aliases";
            } else if (hasControlCharacters(title) || hasControlCharacters(content)) {
                error = "content: control characters (such as NUL) are not text";
            }
            if (error == null) {
                rows.add(new LabelledMessage(title, content, code.get()));
            } else {
                rejected.add(new RejectedRow(r + 1, error));
            }
        }
        if (rows.isEmpty() && rejected.isEmpty()) {
            throw new InvalidIntakeException("file", "no rows after the header row");
        }
        return new Parsed(rows, rejected);
    }

    /** A category code of this hub for a code, a name, or an alias of an archive's category. */
    Optional<String> categoryCode(String value) {
        String v = value.strip();
        String aliased = aliases.getOrDefault(v, v);
        if (catalog.contains(aliased)) {
            return Optional.of(aliased);
        }
        return catalog.categories().stream().filter(c -> c.name().equals(aliased)).map(Category::code).findFirst();
    }

    private static String cell(List<String> values, Integer index) {
        if (index == null || index >= values.size() || values.get(index) == null) {
            return null;
        }
        String v = values.get(index).strip();
        return v.isEmpty() ? null : v;
    }

    private static boolean hasControlCharacters(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t');
    }

    /** Excel files are ZIP (xlsx: PK) or OLE2 (xls) containers. */
    private static boolean isWorkbook(byte[] file) {
        return file.length >= 4 && ((file[0] == 'P' && file[1] == 'K' && file[2] == 3 && file[3] == 4)
                || ((file[0] & 0xFF) == 0xD0 && (file[1] & 0xFF) == 0xCF && (file[2] & 0xFF) == 0x11
                        && (file[3] & 0xFF) == 0xE0));
    }
}
