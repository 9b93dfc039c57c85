package com.replybook.kb.search;

import java.util.List;

/**
 * The texts agents searched for lately, which a starting server replays to warm up ({@link SearchWarmUp}). Offered
 * by search and given to {@link SearchModule} by the composition root (the events feature keeps the search log).
 */
@FunctionalInterface
public interface RecentSearches {

    /** No search log: the warm-up replays its bundled texts. */
    RecentSearches NONE = limit -> List.of();

    /** At most {@code limit} distinct texts, newest first; never null, maybe empty. */
    List<String> texts(int limit);
}
