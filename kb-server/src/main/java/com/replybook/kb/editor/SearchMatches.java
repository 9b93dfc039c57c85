package com.replybook.kb.editor;

import com.replybook.kb.search.SearchHit;
import com.replybook.kb.search.SearchResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of a search's hits the entries list may call matches. The search always answers with neighbours (the
 * dense half of hybrid ranking finds some for any text, and one shared common character is a lexical hit), so
 * listing every hit "found" 49 of 64 entries for almost any query. A hit is a match when the search is
 * {@link SearchResult#confident() confident} about its best hit and the hit scores at least half of the best, or at
 * least a quarter while containing the searched words (the search marks them). The others are shown apart, as
 * weaker. Thresholds read off the sample library with lexical and hybrid ranking ({@code ConsoleSearchTest}).
 */
final class SearchMatches {

    /** Share of the best score that makes a match on its own. */
    static final float MATCH = 0.5f;
    /** Share of the best score that makes a match when the hit contains the searched words. */
    static final float MATCH_WITH_WORDS = 0.25f;

    /** The hits' entry ids, split: matches best first, then the weaker hits best first. */
    record Split(List<String> matches, List<String> weaker) {
    }

    private SearchMatches() {
    }

    static Split split(SearchResult result) {
        List<String> matches = new ArrayList<>();
        List<String> weaker = new ArrayList<>();
        float best = result.hits().isEmpty() ? 0 : result.hits().getFirst().score();
        for (SearchHit hit : result.hits()) {
            boolean match = result.confident() && best > 0 && (hit.score() >= MATCH * best
                    || hit.score() >= MATCH_WITH_WORDS * best && !hit.highlights().isEmpty());
            (match ? matches : weaker).add(hit.id());
        }
        return new Split(matches, weaker);
    }
}
