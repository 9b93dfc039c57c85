package com.replybook.kb.guardrails;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values read from the database, kept for a short while per key: long enough that a burst of renders or checks
 * reads each locale's rules once, short enough that a change made on another node is seen within seconds (the
 * database is the record; nothing else has to tell this node). A change made here is seen at once
 * ({@link #forget}). Thread-safe.
 */
public final class ShortCache<K, V> {

    /** How long a value is served before it is read again. */
    public static final Duration TTL = Duration.ofSeconds(3);

    private record Held<V>(V value, long readAt) {
    }

    private final Map<K, Held<V>> held = new ConcurrentHashMap<>();
    private final Function<K, V> load;
    private final Clock clock;

    public ShortCache(Function<K, V> load, Clock clock) {
        this.load = load;
        this.clock = clock;
    }

    public V get(K key) {
        long now = clock.millis();
        Held<V> h = held.get(key);
        if (h == null || now - h.readAt() >= TTL.toMillis() || now < h.readAt()) {
            h = new Held<>(load.apply(key), now);
            held.put(key, h);
        }
        return h.value();
    }

    public void forget(K key) {
        held.remove(key);
    }

    /** Forgets every value: after a change that others derive from (a locale's rules, which its shops inherit). */
    public void clear() {
        held.clear();
    }
}
