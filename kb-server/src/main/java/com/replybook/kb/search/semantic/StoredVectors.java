package com.replybook.kb.search.semantic;

import com.replybook.kb.db.Database;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryFeed;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * <p>The backlog holds entry ids, not entries: turning semantic search on for a library of 100,000 entries queues
 * all of them, and each is looked up again when its turn comes (an entry edited meanwhile is embedded once, with
 * its latest text; one deleted meanwhile not at all). Thread-safe.
 */
public final class StoredVectors implements EntryVectors, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StoredVectors.class.getName());

    private final VectorStore store;
    private final Function<Entry, EntryEmbedding> embed;
    private final Function<String, Optional<Entry>> current;
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-embed");
        t.setDaemon(true);
        return t;
    });
    private volatile Consumer<Entry> onEmbedded = e -> { };

    /**
     * {@code embed} computes an entry's vectors, e.g. {@code embedders::entry}; {@code current} finds an entry as
     * stored now by id, e.g. {@code entryStore::find}.
     */
    StoredVectors(VectorStore store, Function<Entry, EntryEmbedding> embed, Function<String, Optional<Entry>> current) {
        this.store = store;
        this.embed = embed;
        this.current = current;
    }

    /**
     * The vectors stored in {@code db} ({@link VectorStore}), computed by {@code embedders}; each entry waiting to
     * be embedded is looked up in {@code feed} again when its turn comes.
     */
    public static StoredVectors of(Database db, Embedders embedders, EntryFeed feed) {
        return new StoredVectors(new VectorStore(db), embedders::entry, feed::find);
    }

    /** How many entries wait for their vectors (ids queued, an entry at most once). */
    public int backlog() {
        return queued.size();
    }

    /** Called with an entry once its new vector is stored, to re-index it. */
    public void onEmbedded(Consumer<Entry> callback) {
        this.onEmbedded = callback;
    }

    @Override
    public EntryEmbedding vectorOf(Entry entry) {
        EntryEmbedding stored = storedVectorOf(entry);
        if ((stored == null || stored.examples() == null) && queued.add(entry.id())) {
            String id = entry.id();
            worker.execute(() -> embed(id));
        }
        return stored;
    }

    private void embed(String id) {
        queued.remove(id); // an edit from now on queues the entry again
        Entry entry = current.apply(id).orElse(null);
        if (entry == null) return; // deleted while it waited
        try {
            EntryEmbedding stored = storedVectorOf(entry);
            if (stored != null && stored.examples() != null) return; // queued twice
            EntryEmbedding vectors = embed.apply(entry);
            if (vectors == null) return;
            store.put(entry.id(), Embedders.Space.of(entry).model, VectorStore.hash(Embedders.entryText(entry)),
                    vectors);
            onEmbedded.accept(entry);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Embedding entry " + entry.key() + " failed; it is searched lexically only", e);
        }
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
