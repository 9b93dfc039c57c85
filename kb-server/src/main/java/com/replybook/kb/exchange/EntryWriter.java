package com.replybook.kb.exchange;

import com.fasterxml.jackson.core.JsonGenerator;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryView;
import com.replybook.kb.web.Json;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Writes entries as CSV (UTF-8 with a byte-order mark, which Excel needs to read Chinese; cells that a
 * spreadsheet would run as formulas are escaped, see {@link EntryTable#toCsvCell}), XLSX (streamed,
 * so large libraries need little memory), JSON (the API's entry objects, importable as they are) or NDJSON (the same,
 * one per line).
 */
public final class EntryWriter {

    private EntryWriter() {
    }

    public static void write(Format format, List<Entry> entries, OutputStream out, Instant now) throws IOException {
        switch (format) {
            case CSV -> csv(entries, out);
            case XLSX -> xlsx(entries, out);
            case JSON -> json(entries, out, now);
            case NDJSON -> ndjson(entries, out, now);
        }
    }

    private static void csv(List<Entry> entries, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180);
        p.printRecord(EntryTable.COLUMNS);
        for (Entry e : entries) p.printRecord(EntryTable.cells(e).stream().map(EntryTable::toCsvCell).toList());
        p.flush();
    }

    private static void xlsx(List<Entry> entries, OutputStream out) throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet("entries");
            write(sheet.createRow(0), EntryTable.COLUMNS);
            int r = 1;
            for (Entry e : entries) write(sheet.createRow(r++), EntryTable.cells(e));
            wb.write(out);
            wb.dispose();
        }
    }

    private static void write(Row row, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) row.createCell(i).setCellValue(cells.get(i));
    }

    private static void ndjson(List<Entry> entries, OutputStream out, Instant now) throws IOException {
        for (Entry e : entries) {
            out.write(Json.MAPPER.writeValueAsBytes(EntryView.of(e, now)));
            out.write('\n');
        }
        out.flush();
    }

    private static void json(List<Entry> entries, OutputStream out, Instant now) throws IOException {
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out)) {
            g.writeStartArray();
            for (Entry e : entries) Json.MAPPER.writeValue(g, EntryView.of(e, now));
            g.writeEndArray();
        }
    }
}
