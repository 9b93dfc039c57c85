package com.replybook.kb.search;

import java.util.List;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total     how many entries matched (a lower bound when very many did)
 * @param confident whether the top hit is likely the right answer; false for out-of-scope messages
 */
public record SearchResult(long total, List<SearchHit> hits, boolean confident) {

    static final SearchResult EMPTY = new SearchResult(0, List.of(), false);
}
