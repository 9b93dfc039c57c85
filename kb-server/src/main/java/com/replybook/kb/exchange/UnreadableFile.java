package com.replybook.kb.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.replybook.kb.web.FieldError;
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

    /** Why {@code e} stopped the reading of a {@code format} file, coded for the user's language. */
    static FieldError describe(Format format, Exception e) {
        return switch (format) {
            case JSON, NDJSON -> e instanceof JsonProcessingException json
                    ? JsonErrors.problem(json).withMessage("The file is not valid JSON: " + JsonErrors.describe(json))
                    : FieldError.of(null, ExchangeError.JSON_UNREADABLE);
            case CSV -> csv(e);
            case XLSX -> FieldError.of(null, xlsx(e));
        };
    }

    private static FieldError csv(Exception e) {
        Matcher line = CSV_LINE.matcher(String.valueOf(e.getMessage()));
        return line.find() ? FieldError.of(null, ExchangeError.CSV_UNREADABLE_AT, Integer.parseInt(line.group(1)))
                : FieldError.of(null, ExchangeError.CSV_UNREADABLE);
    }

    private static ExchangeError xlsx(Exception e) {
        String chain = "";
        for (Throwable t = e; t != null; t = t.getCause()) {
            chain += " " + t.getClass().getSimpleName() + " " + t.getMessage();
        }
        chain = chain.toLowerCase(Locale.ROOT);
        if (chain.contains("zip bomb") || chain.contains("max size") || chain.contains("max. ratio")) {
            return ExchangeError.XLSX_BOMB;
        }
        if (chain.contains("ole2")) return ExchangeError.XLSX_OLD;
        return ExchangeError.XLSX_NOT_WORKBOOK;
    }
}
