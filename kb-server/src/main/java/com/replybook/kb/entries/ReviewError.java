package com.replybook.kb.entries;

import com.replybook.kb.web.ErrorCode;

/** Messages of the review loop: pending changes, send-back comments, workflow steps that do not fit (see {@link ErrorCode}). */
public enum ReviewError implements ErrorCode {
    NO_PENDING("review.noPending", "Entry '{ref}' has no pending change", "ref"),
    NO_REVISION("review.noRevision", "Entry '{ref}' has no revision {version}", "ref", "version"),
    COMMENT_REQUIRED("review.commentRequired", "Say what should change: comment is required to send work back"),
    COMMENT_TOO_LONG("review.commentTooLong", "comment is longer than {max} characters", "max"),
    RESTORE_VERSION("review.restoreVersion", "version must name the revision to restore, e.g. {\"version\": 3}"),
    PUBLISHED_NO_PENDING("review.publishedNoPending",
            "Nothing to {step}: it is published and has no pending change", "step"),
    PENDING_IS("review.pendingIs", "Nothing to {step}: its pending change is {status}", "step", "status"),
    ALREADY_IN_REVIEW("review.alreadyInReview", "Nothing to {step}: it is already in review", "step"),
    ENTRY_IS("review.entryIs", "Nothing to {step}: it is {status}", "step", "status"),
    NOT_LIVE("review.notLive",
            "Only a published entry takes a proposed change; this one is {status}, so save it directly", "status"),
    NOTHING_TO("review.nothingTo", "Nothing to {step}", "step"),
    NOTHING_TO_DO("review.nothingToDo", "Nothing to do"),
    CHANGED("review.changed", "The entry was changed by someone else"),
    DISCARD_NOT_YOURS("review.discardNotYours",
            "Only {user}, who proposed this change, or a lead can discard it", "user"),
    BULK_ACTION("review.bulkAction", "Choose an action"),
    BULK_TOO_MANY("review.bulkTooMany", "At most {max} entries at once", "max"),
    BULK_IDS("review.bulkIds", "ids must be id@version");

    private final Def def;

    ReviewError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
