package com.replybook.kb.db;

import java.util.function.Supplier;

/**
 * A value shared by every node, held in memory and reloaded by {@link SettingsChanges} whenever its kind changes on
 * any node. {@link #get} never touches the database. Thread-safe.
 *
 * @param <T> an immutable value, e.g. {@code List<ToneRule>}
 */
public final class SharedValue<T> implements Supplier<T> {

    private final Supplier<T> loader;
    private volatile T current;

    SharedValue(Supplier<T> loader) {
        this.loader = loader;
    }

    /** The value in force on this node. */
    @Override
    public T get() {
        return current;
    }

    void reload() {
        current = loader.get();
    }
}
