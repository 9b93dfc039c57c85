package com.replybook.kb.followups;

import com.replybook.kb.web.ErrorCode;

/** Messages about promised follow-ups (see {@link ErrorCode}). */
enum FollowUpError implements ErrorCode {
    UNKNOWN_FIELD("followup.unknownField", "Unknown field '{field}'; send {known}", "field", "known"),
    STATUS("followup.status", "status must be open or done, was '{value}'", "value"),
    DUE_REQUIRED("followup.dueRequired", "dueAt is required: when the follow-up is due, e.g. 2026-12-08T17:00:00+08:00"),
    DUE_FORMAT("followup.dueFormat", "dueAt must be an ISO-8601 time with its offset, e.g. 2026-12-08T17:00:00+08:00 "
            + "or 2026-12-08T09:00:00Z"),
    DUE_PAST("followup.duePast", "dueAt is in the past ({due}); a follow-up is due later than now", "due"),
    DUE_TOO_FAR("followup.dueTooFar", "dueAt is more than {days} days ahead ({due}); promise a follow-up within {days} "
            + "days", "days", "due"),
    NOT_FOUND("followup.notFound", "No follow-up {id} of yours", "id"),
    ENTRY("followup.entry", "entryId names no entry you can read: '{ref}'", "ref");

    private final Def def;

    FollowUpError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
