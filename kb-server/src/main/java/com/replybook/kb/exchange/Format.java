package com.replybook.kb.exchange;

import java.util.Locale;

/** The file formats of entry import and export. */
public enum Format {
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    JSON("application/json", "json"),
    /** One entry JSON per line ({@code .ndjson} or {@code .jsonl}). */
    NDJSON("application/x-ndjson", "ndjson");

    public final String contentType;
    public final String extension;

    Format(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** By name ({@code csv}) or by a file name's extension ({@code faq.xlsx}); null when unknown. */
    public static Format of(String nameOrFile) {
        if (nameOrFile == null) return null;
        String s = nameOrFile.toLowerCase(Locale.ROOT).strip();
        if (s.equals("jsonl") || s.endsWith(".jsonl")) return NDJSON;
        for (Format f : values()) {
            if (s.equals(f.extension) || s.endsWith("." + f.extension)) return f;
        }
        return null;
    }
}
