package com.replybook.kb.search;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Recent search results, so that a repeated search costs a map look-up instead of a ranking. Agents repeat the
 * same few dozen problems all day and the plugin asks for a ticket's suggestions each time its view opens; at
 * 100,000 entries a ranking costs milliseconds of CPU, a hit microseconds.
 *
 * <p>A result is served only while the index generation and the synonyms it was computed with are current, and
 * for at most {@link #TTL_MS} (hits carry a stale flag that depends on the clock). Least recently used results
 * are dropped beyond the capacity; capacity 0 turns the cache off. Thread-safe.
 */
final class SearchCache {

    static final long TTL_MS = 60_000;

    private record Cached(SearchResult result, long generation, Object synonyms, long computedAt) {
    }

    private final int capacity;
    private final LongSupplier generation;
    private final Supplier<Object> synonyms;
    private final LongSupplier clock;
    private final Map<Object, Cached> results;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * @param generation the index generation; it must change whenever searches may see different documents
     * @param synonyms   the synonyms in force, compared by identity
     */
    SearchCache(int capacity, LongSupplier generation, Supplier<Object> synonyms, LongSupplier clock) {
        this.capacity = capacity;
        this.generation = generation;
        this.synonyms = synonyms;
        this.clock = clock;
        this.results = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Cached> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * The cached result for {@code key} (a value object: a request with every filter), or the one {@code search}
     * computes now. Two threads missing the same key at once both compute it; that is cheaper than a lock.
     */
    SearchResult get(Object key, Supplier<SearchResult> search) {
        if (capacity == 0) return search.get();
        // Read before searching: a refresh during the search then makes the stored result stale, never the reverse.
        long gen = generation.getAsLong();
        Object syn = synonyms.get();
        long now = clock.getAsLong();
        Cached cached;
        synchronized (results) {
            cached = results.get(key);
        }
        if (cached != null && cached.generation == gen && cached.synonyms == syn && now - cached.computedAt < TTL_MS) {
            hits.increment();
            return cached.result;
        }
        misses.increment();
        SearchResult result = search.get();
        synchronized (results) {
            results.put(key, new Cached(result, gen, syn, now));
        }
        return result;
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }
}
