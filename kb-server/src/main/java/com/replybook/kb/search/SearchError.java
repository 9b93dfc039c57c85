package com.replybook.kb.search;

import com.replybook.kb.web.ErrorCode;

/** Messages about search requests (see {@link ErrorCode}). */
enum SearchError implements ErrorCode {
    LIMIT("search.limit", "limit must be a whole number from 1 to {max}", "max"),
    STATUS("search.status", "Unknown status '{value}'; use draft, in_review, published, archived or any "
            + "(comma-separated)", "value"),
    PUBLISHED_ONLY("search.publishedOnly", "Agents search published entries only; drop the status parameter"),
    TICKET("search.ticket", "Expected a ticket: {subject, messages:[{author, text}]}"),
    MESSAGE_TEXT("search.messageText", "Every message needs a text"),
    INDEX_BUILDING("search.indexBuilding", "The search index is being built; retry in a few seconds");

    private final Def def;

    SearchError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
