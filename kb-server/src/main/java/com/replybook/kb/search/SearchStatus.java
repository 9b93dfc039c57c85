package com.replybook.kb.search;

/**
 * Whether what is stored is fully searchable on this node, as {@code GET /api/v1/search/status} answers it, e.g.
 * {@code {"ready":false,"entries":10000,"pendingEmbeddings":2400,"generation":57}}.
 *
 * @param ready             the index is built, every change in the change log is visible to searches, and no entry
 *                          waits for its vectors: searches rank as well as they will
 * @param entries           entries in this node's index (every status)
 * @param pendingEmbeddings entries searched by their words alone until their vectors are stored (0 with lexical
 *                          search)
 * @param generation        this node's index generation: it changes whenever what searches see changes
 */
public record SearchStatus(boolean ready, int entries, long pendingEmbeddings, long generation) {
}
