package org.lianxin.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Header;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.lianxin.cases.BadParameter;
import org.springframework.stereotype.Component;

/**
 * The quarterly report as files for the county's office software: CSV in UTF-8 with a byte order mark (so that
 * Excel reads the Chinese right), rates as percentages; and an Excel workbook (.xlsx, Apache POI) with numbers as
 * numbers and rates formatted as percentages. Both have the same columns, a line per department and the totals.
 */
@Component("reportFiles")
public class ReportFiles {

    /** The columns, in order, as the county reads them. */
    public static final List<String> COLUMNS = List.of("单位", "受理（交办）", "办结", "按期办结", "超期", "平均办理工作日",
            "评价数", "满意及基本满意", "满意率", "未评价", "重办", "重办率", "重复件", "重复率");

    public static final String CSV = "csv";
    public static final String XLSX = "xlsx";

    public byte[] write(QuarterlyReportData report, @Header("format") String format) {
        if (CSV.equals(format)) {
            return csv(report);
        }
        if (XLSX.equals(format)) {
            return xlsx(report);
        }
        throw new BadParameter("format", "应为 csv 或 xlsx：" + format);
    }

    byte[] csv(QuarterlyReportData report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL)) {
            writer.write('\uFEFF');
            csv.printRecord(COLUMNS);
            for (DepartmentFigures f : lines(report)) {
                csv.printRecord(f.name(), f.received(), f.answered(), f.onTime(), f.overdue(),
                        decimal(f.averageWorkingDays()), f.rated(), f.satisfied(), percent(f.satisfactionRate()),
                        f.unrated(), f.reopened(), percent(f.reopenRate()), f.repeats(), percent(f.repeatRate()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    byte[] xlsx(QuarterlyReportData report) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(report.quarter().label());
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
            CellStyle decimal = book.createCellStyle();
            decimal.setDataFormat(book.createDataFormat().getFormat("0.0"));

            Cell title = sheet.createRow(0).createCell(0);
            title.setCellValue(report.quarter().label() + "承办单位办理情况通报");
            title.setCellStyle(bold);
            Row header = sheet.createRow(1);
            for (int i = 0; i < COLUMNS.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(COLUMNS.get(i));
                cell.setCellStyle(bold);
            }
            int rowNo = 2;
            for (DepartmentFigures f : lines(report)) {
                Row row = sheet.createRow(rowNo++);
                row.createCell(0).setCellValue(f.name());
                int[] counts = {f.received(), f.answered(), f.onTime(), f.overdue()};
                for (int i = 0; i < counts.length; i++) {
                    row.createCell(1 + i).setCellValue(counts[i]);
                }
                number(row, 5, f.averageWorkingDays(), decimal);
                row.createCell(6).setCellValue(f.rated());
                row.createCell(7).setCellValue(f.satisfied());
                number(row, 8, f.satisfactionRate(), percent);
                row.createCell(9).setCellValue(f.unrated());
                row.createCell(10).setCellValue(f.reopened());
                number(row, 11, f.reopenRate(), percent);
                row.createCell(12).setCellValue(f.repeats());
                number(row, 13, f.repeatRate(), percent);
                if (f.departmentId() == null) {
                    row.getCell(0).setCellStyle(bold);
                }
            }
            sheet.setColumnWidth(0, 20 * 256);
            for (int i = 1; i < COLUMNS.size(); i++) {
                sheet.setColumnWidth(i, 12 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The departments' lines, then the totals. */
    private static List<DepartmentFigures> lines(QuarterlyReportData report) {
        List<DepartmentFigures> lines = new ArrayList<>(report.departments());
        lines.add(report.total());
        return lines;
    }

    /** A rate (or average) left empty when there is nothing to take it over. */
    private static void number(Row row, int column, Double value, CellStyle style) {
        Cell cell = row.createCell(column);
        if (value != null) {
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    static String percent(Double rate) {
        return rate == null ? "" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    static String decimal(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
