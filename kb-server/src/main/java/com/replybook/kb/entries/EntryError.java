package com.replybook.kb.entries;

import com.replybook.kb.web.ErrorCode;

/** Messages about entries: their fields, who may change them, versions and imports (see {@link ErrorCode}). */
public enum EntryError implements ErrorCode {
    NOT_OBJECT("entry.notObject", "Each entry must be a JSON object"),
    KEY_PATTERN("entry.keyPattern", "key must match [a-z0-9][a-z0-9._-]{0,127}, e.g. logistics-delay.zh-cn"),
    LOCALE("entry.locale", "locale must be a BCP 47 tag such as zh-CN, zh-TW or en"),
    CATEGORY("entry.category", "category must be a path like 物流/延误 without empty parts"),
    STATUS("entry.status", "status must be one of draft, in_review, published, archived"),
    VERIFY_EVERY_DAYS("entry.verifyEveryDays", "verifyEveryDays must be a whole number of days, 0 to 3650"),
    NOT_FOUND("entry.notFound", "No entry with id or key '{ref}'", "ref"),
    KEY_TAKEN("entry.keyTaken", "Another entry already uses key '{key}'", "key"),
    STALE_VERSION("entry.staleVersion", "The entry was changed by someone else: you edited version {expected} but it "
            + "is now at version {current}. Reload, merge your changes and save again.", "expected", "current"),
    IF_MATCH_REQUIRED("entry.ifMatchRequired",
            "Send If-Match with the version you edited (the ETag of GET), e.g. If-Match: \"3\""),
    IF_MATCH_INVALID("entry.ifMatchInvalid", "If-Match must be an entry version such as \"3\", was {value}", "value"),
    LEAD_ONLY_STATUS("entry.leadOnlyStatus",
            "Only a lead can set status {status}; submit it for review (in_review) instead", "status"),
    LEAD_ONLY_CHANGE("entry.leadOnlyChange", "Only a lead can change a {status} entry directly; save it with "
            + "status published to propose the change for review", "status"),
    LEAD_ONLY_UNARCHIVE("entry.leadOnlyUnarchive",
            "Only a lead can change a {status} entry directly; ask a lead to publish it again first", "status"),
    PUBLISHED_ONLY("entry.publishedOnly", "Agents see published entries only"),
    NO_FALLBACK("entry.noFallback", "acceptedFallbacks lists '{variable}', which has no stand-in word; only {allowed} "
            + "may fall back", "variable", "allowed"),
    REVISION_NOT_FOUND("entry.revisionNotFound", "No revision {version}", "version"),
    IMPORT_NOT_ARRAY("import.notArray", "Expected a JSON array of entries (or send application/x-ndjson)"),
    IMPORT_ARRAY_NOT_CLOSED("import.arrayNotClosed", "The JSON array is not closed"),
    IMPORT_AFTER_ARRAY("import.afterArray", "Malformed JSON at line {line}, column {column}: there is more after the "
            + "array of entries", "line", "column"),
    IMPORT_LINE_NOT_JSON("import.lineNotJson", "Line {line} is not valid JSON; nothing was imported", "line"),
    IMPORT_DUPLICATE_KEY("import.duplicateKey", "key also appears at index {index} of this import", "index");

    private final Def def;

    EntryError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
