package com.replybook.kb.search.index;

import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryChange;
import com.replybook.kb.entries.EntryFeed;
import com.replybook.kb.entries.EntryStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** An in-memory {@link EntryFeed} with a change log, standing in for the JDBC store in index tests. */
public final class MemoryFeed implements EntryFeed {

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final List<EntryChange> log = new ArrayList<>();
    private final List<Consumer<EntryChange>> listeners = new CopyOnWriteArrayList<>();
    private boolean silent;

    /** Stops calling listeners, as if the index were closed while the store was written. */
    public synchronized MemoryFeed silent(boolean value) {
        silent = value;
        return this;
    }

    /** Stores {@code e} with the next version and returns it as stored. */
    public Entry put(Entry e) {
        EntryChange change;
        synchronized (this) {
            Entry old = entries.get(e.id());
            long version = old == null ? 1 : old.version() + 1;
            Entry stored = withVersion(e, version);
            entries.put(e.id(), stored);
            change = new EntryChange(log.size() + 1, e.id(), stored);
            log.add(change);
        }
        notifyListeners(change);
        return change.entry();
    }

    @Override
    public synchronized Optional<Entry> find(String id) {
        return Optional.ofNullable(entries.get(id));
    }

    public void delete(String id) {
        EntryChange change;
        synchronized (this) {
            entries.remove(id);
            change = new EntryChange(log.size() + 1, id, null);
            log.add(change);
        }
        notifyListeners(change);
    }

    private void notifyListeners(EntryChange change) {
        if (silent) return;
        for (Consumer<EntryChange> l : listeners) l.accept(change);
    }

    @Override
    public synchronized void forEachEntry(Consumer<Entry> sink) {
        List.copyOf(entries.values()).forEach(sink);
    }

    @Override
    public synchronized List<EntryChange> changesSince(long afterSeq, int limit) {
        return log.stream().filter(c -> c.seq() > afterSeq).limit(limit).toList();
    }

    @Override
    public void addListener(Consumer<EntryChange> listener) {
        listeners.add(listener);
    }

    public static Entry entry(String key, String locale, String category, String problem, List<String> questions,
                       String cause, String script) {
        return new Entry(key, key, locale, category, List.of(category.split("/")), problem, questions, cause,
                script, "", "", List.of(), List.of(), EntryStatus.PUBLISHED, "test", 90, Instant.now(), 0,
                Instant.now(), "test", Instant.now(), "test");
    }

    public static Entry withStatus(Entry e, EntryStatus status) {
        return new Entry(e.id(), e.key(), e.locale(), e.category(), e.tags(), e.problem(), e.questions(), e.cause(),
                e.script(), e.smsScript(), e.reviewScript(), e.diagnostics(), e.actions(), status, e.owner(), e.verifyEveryDays(), e.verifiedAt(),
                e.version(), e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy());
    }

    public static Entry withVerification(Entry e, Instant verifiedAt, int verifyEveryDays) {
        return new Entry(e.id(), e.key(), e.locale(), e.category(), e.tags(), e.problem(), e.questions(), e.cause(),
                e.script(), e.smsScript(), e.reviewScript(), e.diagnostics(), e.actions(), e.status(), e.owner(), verifyEveryDays, verifiedAt,
                e.version(), e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy());
    }

    public static Entry withProblem(Entry e, String problem) {
        return new Entry(e.id(), e.key(), e.locale(), e.category(), e.tags(), problem, e.questions(), e.cause(),
                e.script(), e.smsScript(), e.reviewScript(), e.diagnostics(), e.actions(), e.status(), e.owner(), e.verifyEveryDays(), e.verifiedAt(),
                e.version(), e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy());
    }

    private static Entry withVersion(Entry e, long version) {
        return new Entry(e.id(), e.key(), e.locale(), e.category(), e.tags(), e.problem(), e.questions(), e.cause(),
                e.script(), e.smsScript(), e.reviewScript(), e.diagnostics(), e.actions(), e.status(), e.owner(), e.verifyEveryDays(), e.verifiedAt(),
                version, e.createdAt(), e.createdBy(), e.updatedAt(), e.updatedBy());
    }
}
