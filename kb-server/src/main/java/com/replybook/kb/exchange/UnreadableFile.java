package com.replybook.kb.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.replybook.kb.web.JsonErrors;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why an uploaded file could not be read, in words for the person who uploaded it: what to do about it, where in
 * the file when that is known. The parsers' own messages name their classes and internals (POI's
 * {@code NotOfficeXmlFileException}, commons-csv's tokens), so they go no further than this class.
 */
final class UnreadableFile {

    private static final Pattern CSV_LINE = Pattern.compile("\\((?:start)?line (\\d+)\\)", Pattern.CASE_INSENSITIVE);

    private UnreadableFile() {
    }

    static String describe(Format format, Exception e) {
        return switch (format) {
            case JSON, NDJSON -> e instanceof JsonProcessingException json ? "The file is not valid JSON: " + JsonErrors.describe(json)
                    : "The file could not be read as JSON";
            case CSV -> csv(e);
            case XLSX -> xlsx(e);
        };
    }

    private static String csv(Exception e) {
        Matcher line = CSV_LINE.matcher(String.valueOf(e.getMessage()));
        String where = line.find() ? "Line " + line.group(1) + ": " : "";
        return where + "the file could not be read as CSV (UTF-8, comma-separated, cells with commas or line breaks in"
                + " double quotes); check that every quoted cell is closed and nothing follows its closing quote";
    }

    private static String xlsx(Exception e) {
        String chain = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain += " " + t.getClass().getSimpleName() + " " + t.getMessage();
        }
        chain = chain.toLowerCase(Locale.ROOT);
        if (chain.contains("zip bomb") || chain.contains("max size") || chain.contains("max. ratio")) {
            return "The workbook unpacks to far more than its size (a damaged file, or built to exhaust the server);"
                    + " it was not read";
        }
        if (chain.contains("ole2")) return "This is an old Excel file (.xls); save it as .xlsx (Excel 2007 or later)";
        return "The file is not an Excel workbook (.xlsx); save it as .xlsx and upload it again";
    }
}
