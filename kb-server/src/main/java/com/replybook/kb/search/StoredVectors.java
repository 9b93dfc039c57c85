package com.replybook.kb.search;

import com.replybook.kb.entries.Entry;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry vectors for the index: stored vectors are reused while the entry's text and its space's model are unchanged
 * (so a rebuild never re-embeds); otherwise the entry is indexed at once without them, embedded on a background thread (never on the
 * store's writing thread: an import of 10,000 entries must not wait for the model), stored, and re-indexed
 * through {@code onEmbedded}. A centroid stored before example vectors were (migration V13) is indexed as it is
 * and the entry re-embedded the same way, so an upgrade keeps dense search while it completes. Thread-safe.
 */
final class StoredVectors implements EntryVectors, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StoredVectors.class.getName());

    private final VectorStore store;
    private final java.util.function.Function<Entry, EntryEmbedding> embed;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-embed");
        t.setDaemon(true);
        return t;
    });
    private volatile Consumer<Entry> onEmbedded = e -> { };

    /** {@code embed} computes an entry's vectors, e.g. {@code embedders::entry}. */
    StoredVectors(VectorStore store, java.util.function.Function<Entry, EntryEmbedding> embed) {
        this.store = store;
        this.embed = embed;
    }

    /** Called with an entry once its new vector is stored, to re-index it. */
    void onEmbedded(Consumer<Entry> callback) {
        this.onEmbedded = callback;
    }

    @Override
    public EntryEmbedding vectorOf(Entry entry) {
        EntryEmbedding stored = storedVectorOf(entry);
        if (stored == null || stored.examples() == null) worker.execute(() -> embed(entry));
        return stored;
    }

    private void embed(Entry entry) {
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
