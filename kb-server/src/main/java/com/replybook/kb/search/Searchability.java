package com.replybook.kb.search;

/**
 * Whether a set of written entries has become fully searchable, as an import that waited for it reports it, e.g.
 * {@code {"searchable":false,"waitedMs":30000,"indexed":true,"pendingEmbeddings":120}}.
 *
 * @param searchable        every entry is visible to searches with its vectors (when search is hybrid)
 * @param waitedMs          how long the caller waited
 * @param indexed           every write up to the import's last one is visible to searches on this node
 * @param pendingEmbeddings how many of the entries still wait for their vectors (ranked by their words alone)
 */
public record Searchability(boolean searchable, long waitedMs, boolean indexed, int pendingEmbeddings) {
}
