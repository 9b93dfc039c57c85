package com.replybook.kb.entries;

/**
 * A filter for listing entries; null fields do not filter. {@code category} matches the path and its
 * sub-paths ({@code 物流} matches {@code 物流/延误}). Pages start at 1.
 */
public record EntryQuery(EntryStatus status, String category, String locale, String owner, String tag,
                         int page, int pageSize) {

    public static final int MAX_PAGE_SIZE = 200;

    public EntryQuery {
        if (page < 1) throw new IllegalArgumentException("page starts at 1");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new IllegalArgumentException("pageSize 1.." + MAX_PAGE_SIZE);
    }
}
