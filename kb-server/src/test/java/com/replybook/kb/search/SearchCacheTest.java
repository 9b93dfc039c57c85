package com.replybook.kb.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class SearchCacheTest {

    private final AtomicLong generation = new AtomicLong();
    private final AtomicReference<Object> synonyms = new AtomicReference<>(new Object());
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicInteger searches = new AtomicInteger();

    private SearchCache cache(int capacity) {
        return new SearchCache(capacity, generation::get, synonyms::get, now::get);
    }

    private SearchResult search(String text) {
        searches.incrementAndGet();
        return new SearchResult(searches.get(), List.of(), true);
    }

    @Test
    void aRepeatedSearchIsAnsweredWithoutSearching() {
        SearchCache cache = cache(10);
        SearchRequest request = SearchRequest.of("快递三天没动了", 10);
        SearchResult first = cache.get(request, () -> search("a"));
        SearchResult again = cache.get(SearchRequest.of("快递三天没动了", 10), () -> search("a"));
        assertSame(first, again);
        assertEquals(1, searches.get());
        assertEquals(1, cache.hits());
        cache.get(SearchRequest.of("快递三天没动了", 5), () -> search("a"));
        assertEquals(2, searches.get(), "another limit is another search");
    }

    @Test
    void anIndexRefreshOrNewSynonymsOrAMinuteMakeResultsStale() {
        SearchCache cache = cache(10);
        SearchRequest request = SearchRequest.of("where is my refund", 10);
        cache.get(request, () -> search("a"));
        generation.incrementAndGet();
        cache.get(request, () -> search("a"));
        assertEquals(2, searches.get(), "refreshed index");
        synonyms.set(new Object());
        cache.get(request, () -> search("a"));
        assertEquals(3, searches.get(), "new synonyms");
        now.addAndGet(SearchCache.TTL_MS);
        cache.get(request, () -> search("a"));
        assertEquals(4, searches.get(), "older than the time limit");
        cache.get(request, () -> search("a"));
        assertEquals(4, searches.get());
    }

    @Test
    void theLeastRecentlyUsedResultIsDroppedBeyondCapacityAndZeroTurnsTheCacheOff() {
        SearchCache cache = cache(2);
        cache.get("a", () -> search("a"));
        cache.get("b", () -> search("b"));
        cache.get("a", () -> search("a"));
        cache.get("c", () -> search("c"));      // drops b, the least recently used
        cache.get("a", () -> search("a"));
        assertEquals(3, searches.get());
        cache.get("b", () -> search("b"));
        assertEquals(4, searches.get());

        SearchCache off = cache(0);
        off.get("a", () -> search("a"));
        off.get("a", () -> search("a"));
        assertEquals(6, searches.get());
    }
}
