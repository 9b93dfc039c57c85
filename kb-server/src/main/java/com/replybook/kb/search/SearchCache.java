package com.replybook.kb.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Recent search results, so that a repeated search costs a map look-up instead of a ranking. Agents repeat the
 * same few dozen problems all day and the plugin asks for a ticket's suggestions each time its view opens; at
 * 100,000 entries a ranking costs milliseconds of CPU, a hit microseconds.
 *
 * <p>A result is served only while the index generation and the synonyms it was computed with are current, and
 * for at most {@link #TTL_MS}; it then leaves memory too, so a steady stream of new searches holds one minute of
 * results, not the whole capacity. Beyond the capacity the results searched least often are dropped (Caffeine's
 * W-TinyLFU); capacity 0 turns the cache off. Thread-safe.
 */
final class SearchCache {

    static final long TTL_MS = 60_000;

    private record Cached(SearchResult result, long generation, Object synonyms) {
    }

    private final int capacity;
    private final LongSupplier generation;
    private final Supplier<Object> synonyms;
    private final Cache<Object, Cached> results;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * @param generation the index generation; it must change whenever searches may see different documents
     * @param synonyms   the synonyms in force, compared by identity
     * @param clock      milliseconds, for the time limit
     */
    SearchCache(int capacity, LongSupplier generation, Supplier<Object> synonyms, LongSupplier clock) {
        this.capacity = capacity;
        this.generation = generation;
        this.synonyms = synonyms;
        this.results = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfterWrite(Duration.ofMillis(TTL_MS))
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.getAsLong()))
                .executor(Runnable::run) // evictions on the calling thread: no pool threads for a few map removals
                .build();
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
        Cached cached = results.getIfPresent(key);
        if (cached != null && cached.generation == gen && cached.synonyms == syn) {
            hits.increment();
            return cached.result;
        }
        misses.increment();
        SearchResult result = search.get();
        results.put(key, new Cached(result, gen, syn));
        return result;
    }

    /** How many results are held now, expired ones removed first. */
    long size() {
        results.cleanUp();
        return results.estimatedSize();
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }
}
