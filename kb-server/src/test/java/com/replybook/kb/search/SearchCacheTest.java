package com.replybook.kb.search;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void resultsLeaveMemoryOnceTheyExpireNotOnlyWhenTheCacheIsFull() {
        SearchCache cache = cache(1000);
        for (int i = 0; i < 50; i++) cache.get("early " + i, () -> search("early"));
        now.addAndGet(SearchCache.TTL_MS / 2);
        for (int i = 0; i < 30; i++) cache.get("later " + i, () -> search("later"));
        assertEquals(80, cache.size());
        now.addAndGet(SearchCache.TTL_MS / 2);
        assertEquals(30, cache.size(), "the first minute's results are gone, the last half minute's kept");
        now.addAndGet(SearchCache.TTL_MS);
        assertEquals(0, cache.size());
    }

    @Test
    void beyondCapacityResultsAreDroppedAndZeroTurnsTheCacheOff() {
        SearchCache cache = cache(2);
        for (String key : List.of("a", "b", "c", "d", "a", "a")) cache.get(key, () -> search(key));
        assertTrue(cache.size() <= 2, "held " + cache.size());

        int before = searches.get();
        SearchCache off = cache(0);
        off.get("a", () -> search("a"));
        off.get("a", () -> search("a"));
        assertEquals(before + 2, searches.get());
        assertEquals(0, off.size());
    }
}
