package com.replybook.kb.search;

import com.replybook.kb.entries.Entry;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry vectors for the index: a stored vector is reused while the entry's text is unchanged (so a rebuild never
 * re-embeds); otherwise the entry is indexed at once without one, embedded on a background thread (never on the
 * store's writing thread: an import of 10,000 entries must not wait for the model), stored, and re-indexed
 * through {@code onEmbedded}. Thread-safe.
 */
final class StoredVectors implements EntryVectors, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StoredVectors.class.getName());

    private final VectorStore store;
    private final java.util.function.Function<Entry, float[]> embed;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "search-embed");
        t.setDaemon(true);
        return t;
    });
    private volatile Consumer<Entry> onEmbedded = e -> { };

    /** {@code embed} computes an entry's vector, e.g. {@code embedders::entry}. */
    StoredVectors(VectorStore store, java.util.function.Function<Entry, float[]> embed) {
        this.store = store;
        this.embed = embed;
    }

    /** Called with an entry once its new vector is stored, to re-index it. */
    void onEmbedded(Consumer<Entry> callback) {
        this.onEmbedded = callback;
    }

    @Override
    public float[] vectorOf(Entry entry) {
        String hash = VectorStore.hash(Embedders.entryText(entry));
        var stored = store.get(entry.id());
        if (stored.isPresent() && stored.get().textHash().equals(hash)) return stored.get().vector();
        worker.execute(() -> embed(entry, hash));
        return null;
    }

    private void embed(Entry entry, String hash) {
        try {
            var stored = store.get(entry.id());
            if (stored.isPresent() && stored.get().textHash().equals(hash)) return; // queued twice
            float[] vector = embed.apply(entry);
            if (vector == null) return;
            store.put(entry.id(), Embedders.Space.of(entry).name(), hash, vector);
            onEmbedded.accept(entry);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Embedding entry " + entry.key() + " failed; it is searched lexically only", e);
        }
    }

    /** Stored vector of {@code entry} if it matches the entry's text; never embeds. */
    float[] storedVectorOf(Entry entry) {
        String hash = VectorStore.hash(Embedders.entryText(entry));
        return store.get(entry.id()).filter(s -> s.textHash().equals(hash)).map(VectorStore.Stored::vector)
                .orElse(null);
    }

    @Override
    public void close() throws InterruptedException {
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
