package com.replybook.kb.entries;

import java.util.List;

/** One page of a listing with the total count of matching entries. */
public record EntryPage(long total, int page, int pageSize, List<Entry> items) {
}
