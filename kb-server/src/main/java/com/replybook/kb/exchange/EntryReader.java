package com.replybook.kb.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.entries.EntryError;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.ErrorCode;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Json;
import com.replybook.kb.web.JsonErrors;
import com.replybook.kb.web.JsonText;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an uploaded file into numbered rows of entry JSON. Row numbers are what the user sees in their tool:
 * the spreadsheet row (the header is row 1, so the first entry is row 2), or the 1-based position in a JSON
 * array. A file that cannot be read at all throws {@link FileProblem} naming why.
 */
final class EntryReader {

    /** One row: its number, the entry JSON built from it. */
    record SourceRow(int number, JsonNode json) {
    }

    /** The whole file is unusable (wrong format, unknown column…); {@code row} is where, 0 when not tied to a row. */
    static final class FileProblem extends RuntimeException {
        final int row;
        /** The input at fault, e.g. {@code [3].key} (the fourth entry's key); {@code body} for the file as a whole. */
        final String field;
        /** What is wrong, with its code for the user's language; its message is this exception's. */
        final FieldError problem;

        FileProblem(int row, ErrorCode code, Object... args) {
            this(row, FieldError.of(null, code, args), "body");
        }

        FileProblem(int row, FieldError problem, String field) {
            super(problem.message());
            this.row = row;
            this.field = field;
            this.problem = problem;
        }
    }

    /**
     * The rows of {@code bytes} read as {@code format}; throws {@link FileProblem} with a message for the user (never
     * a parser's own words, which name its classes and features) when the file cannot be read.
     */
    static List<SourceRow> read(Format format, byte[] bytes) {
        List<SourceRow> rows;
        try {
            rows = switch (format) {
                case JSON -> json(bytes);
                case NDJSON -> ndjson(bytes);
                case CSV -> table(csvRows(bytes));
                case XLSX -> table(xlsxRows(bytes));
            };
        } catch (FileProblem e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw notJson(0, e);
        } catch (IOException | RuntimeException e) {
            throw new FileProblem(0, UnreadableFile.describe(format, e), "body");
        }
        for (int i = 0; i < rows.size(); i++) {
            SourceRow row = rows.get(i);
            try {
                JsonText.check(row.json(), "[" + i + "]");
            } catch (ApiException e) {
                throw new FileProblem(row.number(), e.toFieldError(null).withMessage("Row " + row.number() + ": "
                        + e.getMessage()), e.field());
            }
        }
        return rows;
    }

    /** {@code e} in plain words with its place (on {@code line} of an NDJSON file, when not 0). */
    private static FileProblem notJson(int line, JsonProcessingException e) {
        FieldError coded = line > 0 ? FieldError.of(null, EntryError.IMPORT_LINE_NOT_JSON, line) : JsonErrors.problem(e);
        return new FileProblem(line, coded.withMessage("The file is not valid JSON" + (line > 0 ? " (line " + line + ")" : "")
                + ": " + JsonErrors.describe(e) + "; expected an array of entries, [{\"key\":…}, …], or one entry per line "
                + "(NDJSON)"), "body");
    }

    private static List<SourceRow> json(byte[] bytes) throws IOException {
        JsonNode root = Json.DOCUMENT.readTree(bytes);
        if (root != null && root.isObject() && root.has("entries")) root = root.get("entries");
        if (root == null || !root.isArray()) throw new FileProblem(0, ExchangeError.JSON_NOT_ARRAY);
        List<SourceRow> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) out.add(new SourceRow(i + 1, root.get(i)));
        return out;
    }

    /** Rows of cells, the first being the header. */
    private static List<SourceRow> table(List<List<String>> rows) {
        if (rows.isEmpty()) throw new FileProblem(1, ExchangeError.EMPTY_FILE);
        Map<Integer, String> header = EntryTable.header(rows.getFirst());
        for (String name : header.values()) {
            if (!EntryTable.COLUMNS.contains(name)) {
                throw new FileProblem(1, ExchangeError.UNKNOWN_COLUMN, name, String.join(", ", EntryTable.COLUMNS));
            }
        }
        for (String required : EntryTable.REQUIRED) {
            if (!header.containsValue(required)) throw new FileProblem(1, ExchangeError.MISSING_COLUMN, required);
        }
        List<SourceRow> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) continue;
            Map<String, String> row = new HashMap<>();
            header.forEach((i, name) -> row.put(name, i < cells.size() && cells.get(i) != null ? cells.get(i) : ""));
            out.add(new SourceRow(r + 1, EntryTable.toJson(row)));
        }
        return out;
    }

    /** One entry per line; blank lines are skipped and rows are numbered by their line. */
    private static List<SourceRow> ndjson(byte[] bytes) {
        List<SourceRow> out = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            try {
                out.add(new SourceRow(i + 1, Json.DOCUMENT.readTree(lines[i])));
            } catch (JsonProcessingException e) {
                throw notJson(i + 1, e);
            }
        }
        return out;
    }

    private static List<List<String>> csvRows(byte[] bytes) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().get().parse(in)) {
            for (CSVRecord rec : parser) rows.add(rec.toList().stream().map(EntryTable::fromCsvCell).toList());
        }
        return rows;
    }

    private static List<List<String>> xlsxRows(byte[] bytes) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = wb.getSheetAt(0);
            int last = sheet.getLastRowNum();
            for (int r = 0; r <= last; r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : fmt.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
