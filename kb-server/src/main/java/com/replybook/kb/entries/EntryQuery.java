package com.replybook.kb.entries;

import com.replybook.kb.vocabulary.Visibility;

/**
 * A filter for listing entries; null fields do not filter. {@code category} matches the path and its
 * sub-paths ({@code 物流} matches {@code 物流/延误}). {@code scope} is what the reader may see
 * ({@link EntryScope}); {@code visibility} narrows it to team or personal entries. Pages start at 1.
 */
public record EntryQuery(EntryStatus status, String category, String locale, String owner, String tag,
                         int page, int pageSize, EntryScope scope, Visibility visibility) {

    public static final int MAX_PAGE_SIZE = 200;

    public EntryQuery {
        if (page < 1) throw new IllegalArgumentException("page starts at 1");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) throw new IllegalArgumentException("pageSize 1.." + MAX_PAGE_SIZE);
        scope = scope == null ? EntryScope.TEAM_LIBRARY : scope;
    }

    /** A listing of the team library of every shop. */
    public EntryQuery(EntryStatus status, String category, String locale, String owner, String tag, int page,
                      int pageSize) {
        this(status, category, locale, owner, tag, page, pageSize, EntryScope.TEAM_LIBRARY, null);
    }
}
