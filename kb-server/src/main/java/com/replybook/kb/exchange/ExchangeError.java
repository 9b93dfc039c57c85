package com.replybook.kb.exchange;

import com.replybook.kb.web.ErrorCode;

/** Messages about import files and jobs (see {@link ErrorCode}). */
enum ExchangeError implements ErrorCode {
    SHUTTING_DOWN("import.shuttingDown", "The server is shutting down; the import was written"),
    JSON_UNREADABLE("import.jsonUnreadable", "The file could not be read as JSON"),
    CSV_UNREADABLE("import.csvUnreadable", "The file could not be read as CSV (UTF-8, comma-separated, cells with "
            + "commas or line breaks in double quotes); check that every quoted cell is closed and nothing follows "
            + "its closing quote"),
    CSV_UNREADABLE_AT("import.csvUnreadableAt", "Line {line}: the file could not be read as CSV (UTF-8, "
            + "comma-separated, cells with commas or line breaks in double quotes); check that every quoted cell is "
            + "closed and nothing follows its closing quote", "line"),
    XLSX_BOMB("import.xlsxBomb", "The workbook unpacks to far more than its size (a damaged file, or built to exhaust "
            + "the server); it was not read"),
    XLSX_OLD("import.xlsxOld", "This is an old Excel file (.xls); save it as .xlsx (Excel 2007 or later)"),
    XLSX_NOT_WORKBOOK("import.xlsxNotWorkbook",
            "The file is not an Excel workbook (.xlsx); save it as .xlsx and upload it again"),
    JSON_NOT_ARRAY("import.jsonNotArray", "A JSON import must be an array of entries"),
    EMPTY_FILE("import.emptyFile", "The file is empty: the first row must name the columns"),
    UNKNOWN_COLUMN("import.unknownColumn", "Row 1: unknown column '{column}'; columns are {columns}", "column", "columns"),
    MISSING_COLUMN("import.missingColumn", "Row 1: the column '{column}' is missing", "column"),
    DUPLICATE_KEY_ROW("import.duplicateKeyRow", "key also appears in row {row} of this import", "row"),
    FILE_TYPE("import.fileType", "Upload a .csv, .xlsx, .json or .ndjson file"),
    FORMAT("import.format", "format must be csv, xlsx or json"),
    CHOOSE_FILE("import.chooseFile", "Choose a file to upload"),
    UPLOAD_UNREADABLE("import.uploadUnreadable", "The upload could not be read: send the file again, at most {mb} MB, "
            + "from the form on this page", "mb"),
    JOB_NOT_FOUND("import.jobNotFound", "No import {job}", "job"),
    JOB_NOT_READY("import.jobNotReady", "This import is {phase}; only a checked file (or an interrupted import) can be "
            + "imported", "phase"),
    ROWS_FIXED("import.rowsFixed", "Rows can be left out only before the import starts"),
    KEEP_POSITION("import.keepPosition", "Rows are named by their position, a whole number"),
    CHANGED_MEANWHILE("import.changedMeanwhile", "The entry changed while this import was prepared; nothing was "
            + "written for this row. Import it again."),
    WAIT("import.wait", "wait must be 'searchable' (answer once the import is fully searchable)"),
    TIMEOUT_WITHOUT_WAIT("import.timeoutWithoutWait", "timeoutSeconds applies to wait=searchable only"),
    CASES_SHAPE("import.casesShape", "Expected {\"cases\":[…],\"collections\":[…]}"),
    COLLECTION_NAME("import.collectionName", "name is required, at most 200 characters"),
    COLLECTION_ITEM("import.collectionItem", "each item needs type case|entry and a ref"),
    CASE_OF_OTHER_SHOP("import.caseOfOtherShop", "Case {id} belongs to a shop you do not work for; it was not replaced",
            "id");

    private final Def def;

    ExchangeError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
