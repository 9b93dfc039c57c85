package com.replybook.kb.search;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total       how many entries matched (a lower bound when very many did)
 * @param confident   whether the top hit is likely the right answer; false for out-of-scope messages
 * @param searchedFor the text as searched when misspelt words were corrected ({@code cancle my ordr} →
 *                    {@code cancel my order}), for the widget to say so; absent (null) when the text was searched as
 *                    typed
 */
public record SearchResult(long total, List<SearchHit> hits, boolean confident,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String searchedFor) {

    static final SearchResult EMPTY = new SearchResult(0, List.of(), false);

    public SearchResult(long total, List<SearchHit> hits, boolean confident) {
        this(total, hits, confident, null);
    }

    SearchResult searchedFor(String text) {
        return new SearchResult(total, hits, confident, text);
    }
}
