package com.replybook.kb.cases;

import com.replybook.kb.web.ErrorCode;

/** Messages about cases and collections (see {@link ErrorCode}). */
public enum CaseError implements ErrorCode {
    NOT_OBJECT("case.notObject", "A case must be a JSON object"),
    EXCERPT_REQUIRED("case.excerptRequired", "excerptHtml or excerptText is required: the conversation excerpt"),
    ENTRY_KEY("case.entryKey", "entryKeys: '{key}' is not an entry key", "key"),
    RATING("case.rating", "rating must be a whole number from 1 to 5 (0 = not rated)"),
    NOT_FOUND("case.notFound", "No case {id}", "id"),
    COLLECTION_NOT_FOUND("case.collectionNotFound", "No collection {id}", "id"),
    COLLECTION_NAME("case.collectionName", "name is required, at most 200 characters"),
    ITEM_TYPE("case.itemType", "item type must be case or entry"),
    BASED_ON("case.basedOn", "basedOn (the updatedAt the edit started from) is required; reload the page and try again"),
    CHANGED("case.changed", "Someone else saved this in the meantime; reload it and apply your change again"),
    INDEX("case.index", "index out of range");

    private final Def def;

    CaseError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
