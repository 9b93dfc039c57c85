package com.replybook.kb.search.semantic;

import com.replybook.kb.db.Database;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryFeed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry vectors for the index: stored vectors are reused while the entry's text and its space's model are unchanged
 * (so a rebuild never re-embeds); otherwise the entry is indexed at once without them, embedded on a background thread (never on the
 * store's writing thread: an import of 10,000 entries must not wait for the model), stored, and re-indexed
 * through {@code onEmbedded}. A centroid stored before example vectors were (migration V13) is indexed as it is
 * and the entry re-embedded the same way, so an upgrade keeps dense search while it completes.
 *
 * <p>The backlog is bounded: it holds at most {@code capacity} entry ids (not entries), oldest first, each once, and
 * each is looked up again when its turn comes (an entry edited meanwhile is embedded once, with its latest text; one
 * deleted meanwhile not at all). Beyond that, ids are not kept but counted; once the backlog has drained, a sweep
 * re-reads every entry from the database and queues those still without matching vectors, so turning semantic search
 * on for a library of 100,000 entries costs a few megabytes at most. {@link #backlog()} counts what waits (exactly
 * after a sweep, at most a few over before one). Thread-safe.
 */
public final class StoredVectors implements EntryVectors, AutoCloseable {

    /** Entry ids held in memory at most: about a megabyte. */
    public static final int CAPACITY = 10_000;
    private static final Logger LOG = Logger.getLogger(StoredVectors.class.getName());

    private final VectorStore store;
    private final Function<Entry, EntryEmbedding> embed;
    private final Function<String, Optional<Entry>> current;
    private final Consumer<Consumer<Entry>> everyEntry;
    private final int capacity;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-embed");
        t.setDaemon(true);
        return t;
    });
    /** Guards the fields below. */
    private final Object lock = new Object();
    private final LinkedHashSet<String> queue = new LinkedHashSet<>();
    /** The id being embedded now, or null. */
    private String inFlight;
    /** Ids left out of a full queue since the last sweep (an entry edited twice counts twice). */
    private long overflow;
    /** While a sweep runs: the ids left out before it that it has not queued yet. */
    private long sweepEstimate;
    /** True while the worker is draining the queue (a drain is scheduled or running). */
    private boolean draining;
    private volatile Consumer<Entry> onEmbedded = e -> { };

    /**
     * {@code embed} computes an entry's vectors, e.g. {@code embedders::entry}; {@code feed} finds an entry as stored
     * now by id and lists them all for a sweep; at most {@code capacity} ids wait in memory.
     */
    StoredVectors(VectorStore store, Function<Entry, EntryEmbedding> embed, EntryFeed feed, int capacity) {
        this(store, embed, feed::find, feed::forEachEntry, capacity);
    }

    /** Without sweeps: for tests whose backlog never fills. */
    StoredVectors(VectorStore store, Function<Entry, EntryEmbedding> embed, Function<String, Optional<Entry>> current) {
        this(store, embed, current, sink -> { }, CAPACITY);
    }

    private StoredVectors(VectorStore store, Function<Entry, EntryEmbedding> embed,
                          Function<String, Optional<Entry>> current, Consumer<Consumer<Entry>> everyEntry,
                          int capacity) {
        this.store = store;
        this.embed = embed;
        this.current = current;
        this.everyEntry = everyEntry;
        this.capacity = capacity;
    }

    /**
     * The vectors stored in {@code db} ({@link VectorStore}), computed by {@code embedders}; each entry waiting to
     * be embedded is looked up in {@code feed} again when its turn comes.
     */
    public static StoredVectors of(Database db, Embedders embedders, EntryFeed feed) {
        return new StoredVectors(new VectorStore(db), embedders::entry, feed, CAPACITY);
    }

    /** Called with an entry once its new vector is stored, to re-index it. */
    public void onEmbedded(Consumer<Entry> callback) {
        this.onEmbedded = callback;
    }

    @Override
    public EntryEmbedding vectorOf(Entry entry) {
        EntryEmbedding stored = storedVectorOf(entry);
        if (stored == null || stored.examples() == null) enqueue(entry.id());
        return stored;
    }

    /** Entries waiting for their vectors, the one being embedded included. */
    public long backlog() {
        synchronized (lock) {
            return queue.size() + overflow + sweepEstimate + (inFlight == null ? 0 : 1);
        }
    }

    /** Ids waiting in memory now; never more than the capacity. */
    int queued() {
        synchronized (lock) {
            return queue.size();
        }
    }

    /**
     * How many of {@code ids} still wait for their vectors: queued, being embedded, or, while ids were left out of a
     * full queue, stored without vectors that match their text (read from the database).
     */
    public int pendingAmong(Collection<String> ids) {
        int pending = 0;
        boolean overflowed;
        List<String> unsure = new ArrayList<>();
        synchronized (lock) {
            overflowed = overflow + sweepEstimate > 0;
            for (String id : ids) {
                if (queue.contains(id) || id.equals(inFlight)) pending++;
                else if (overflowed) unsure.add(id);
            }
        }
        if (overflowed) {
            for (String id : unsure) {
                if (current.apply(id).filter(this::needsVectors).isPresent()) pending++;
            }
        }
        return pending;
    }

    private void enqueue(String id) {
        synchronized (lock) {
            if (queue.contains(id)) return;
            if (queue.size() >= capacity) {
                overflow++;
                return;
            }
            queue.add(id);
            if (draining) return;
            draining = true;
        }
        worker.execute(this::drain);
    }

    /** Embeds queued entries until none is left; sweeps when ids were left out meanwhile. */
    private void drain() {
        while (true) {
            String id;
            synchronized (lock) {
                Iterator<String> next = queue.iterator();
                if (!next.hasNext() && overflow > 0) {
                    sweepEstimate = overflow;
                    overflow = 0;
                    id = null;
                } else if (!next.hasNext()) {
                    draining = false;
                    return;
                } else {
                    id = next.next();
                    next.remove(); // an edit from now on queues the entry again
                    inFlight = id;
                }
            }
            if (id == null) sweep();
            else embed(id);
        }
    }

    private void embed(String id) {
        try {
            Entry entry = current.apply(id).orElse(null);
            if (entry == null) return; // deleted while it waited
            if (!needsVectors(entry)) return; // queued twice
            EntryEmbedding vectors = embed.apply(entry);
            if (vectors == null) return;
            store.put(entry.id(), Embedders.Space.of(entry).model, VectorStore.hash(Embedders.entryText(entry)),
                    vectors);
            onEmbedded.accept(entry);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Embedding entry " + id + " failed; it is searched lexically only", e);
        } finally {
            synchronized (lock) {
                inFlight = null;
            }
        }
    }

    /** Re-reads every entry and queues those without matching vectors, counting those that do not fit. */
    private void sweep() {
        long start = System.nanoTime();
        long[] missing = {0};
        try {
            everyEntry.accept(entry -> {
                if (!needsVectors(entry)) return;
                missing[0]++;
                enqueueFromSweep(entry.id());
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweeping for entries without vectors failed; the next write retries", e);
        } finally {
            synchronized (lock) {
                sweepEstimate = 0;
            }
        }
        LOG.info(() -> "Embedding backlog: " + missing[0] + " entries without vectors found in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    private void enqueueFromSweep(String id) {
        synchronized (lock) {
            if (queue.contains(id) || id.equals(inFlight)) return;
            if (queue.size() >= capacity) {
                overflow++;
            } else {
                queue.add(id);
                if (sweepEstimate > 0) sweepEstimate--;
            }
        }
    }

    /** True unless complete vectors of {@code entry}'s text by its space's model are stored (no vectors read). */
    private boolean needsVectors(Entry entry) {
        return !store.hasComplete(entry.id(), Embedders.Space.of(entry).model,
                VectorStore.hash(Embedders.entryText(entry)));
    }

    /** Stored vectors of {@code entry} if they match the entry's text and its space's model; never embeds. */
    EntryEmbedding storedVectorOf(Entry entry) {
        String model = Embedders.Space.of(entry).model;
        String hash = VectorStore.hash(Embedders.entryText(entry));
        return store.get(entry.id()).filter(s -> s.model().equals(model) && s.textHash().equals(hash))
                .map(VectorStore.Stored::vectors).orElse(null);
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
