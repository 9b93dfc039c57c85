package com.replybook.kb.analytics;

import com.replybook.kb.analytics.InsightTables.Table;
import com.replybook.kb.exchange.EntryTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes the insights' tables ({@link InsightTables}) as CSV or XLSX. CSV: UTF-8 with a byte-order mark (Excel
 * needs it for Chinese), one section per list (a {@code # name} line, the header, the rows, an empty line), cells a
 * spreadsheet would run as formulas escaped as the entry export does. XLSX: one sheet per list, numbers as numbers.
 */
final class InsightsExport {

    /** The export formats, by the path's extension: {@code insights.csv}, {@code insights.xlsx}. */
    enum Format {
        CSV("text/csv;charset=UTF-8"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        String extension() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private InsightsExport() {
    }

    static void write(Format format, List<Table> tables, OutputStream out) throws IOException {
        if (format == Format.CSV) csv(tables, out); else xlsx(tables, out);
    }

    private static void csv(List<Table> tables, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
        for (Table t : tables) {
            p.printRecord("# " + t.name());
            p.printRecord(t.columns());
            for (List<Object> row : t.rows()) {
                p.printRecord(row.stream().map(c -> c instanceof String s ? EntryTable.toCsvCell(s) : c).toList());
            }
            p.println();
        }
        p.flush();
    }

    private static void xlsx(List<Table> tables, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            for (Table t : tables) {
                Sheet sheet = wb.createSheet(t.name());
                Row header = sheet.createRow(0);
                for (int i = 0; i < t.columns().size(); i++) header.createCell(i).setCellValue(t.columns().get(i));
                for (int r = 0; r < t.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> cells = t.rows().get(r);
                    for (int i = 0; i < cells.size(); i++) set(row.createCell(i), cells.get(i));
                }
            }
            wb.write(out);
        }
    }

    private static void set(Cell cell, Object value) {
        if (value instanceof Number n) cell.setCellValue(n.doubleValue()); else cell.setCellValue(String.valueOf(value));
    }
}
