package com.replybook.kb.search.semantic;

import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.db.Database;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.search.SearchBenchmark;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores vectors for every entry of a generated corpus without running the models on each: a base entry is
 * embedded once, its variants ({@code <key>.v<n>}) get the base's vectors with the centroid moved to a cosine of
 * about 0.95 ({@link SearchBenchmark#jitter}), as {@code scripts/search-bench} does in-process. Embedding 100,000
 * entries takes hours on 2 cores; with this the server's hybrid search can be measured over HTTP at that size.
 * Each vector is stored under the variant's own text hash, so the server takes it as current.
 * Usage: {@code SeedVectors --data-dir kb-server/target/bench/data-100000-hybrid} (the server stopped).
 */
public final class SeedVectors {

    public static void main(String[] args) throws Exception {
        if (args.length != 2 || !args[0].equals("--data-dir")) throw new IllegalArgumentException("--data-dir DIR");
        Path dataDir = Path.of(args[1]);
        long start = System.nanoTime();
        try (Database db = Database.open(ServerConfig.defaults(dataDir))) {
            List<Entry> entries = new ArrayList<>();
            new EntryStore(db, Clock.systemUTC()).forEachEntry(entries::add);
            Map<String, Entry> byKey = new HashMap<>();
            for (Entry e : entries) byKey.put(e.key(), e);
            Embedders embedders = new Embedders();
            Map<String, EntryEmbedding> bases = new HashMap<>();
            List<VectorStore.Row> rows = new ArrayList<>();
            for (Entry e : entries) {
                int v = e.key().lastIndexOf(".v");
                String baseKey = v > 0 ? e.key().substring(0, v) : e.key();
                Entry base = byKey.getOrDefault(baseKey, e);
                EntryEmbedding vectors = bases.computeIfAbsent(base.key(), k -> embedders.entry(base));
                if (vectors == null) continue;
                EntryEmbedding own = e == base ? vectors : SearchBenchmark.jitter(vectors, e.key().hashCode());
                rows.add(new VectorStore.Row(e.id(), Embedders.Space.of(e).model,
                        VectorStore.hash(Embedders.entryText(e)), own));
            }
            VectorStore store = new VectorStore(db);
            for (int from = 0; from < rows.size(); from += 5_000) {
                store.putAll(rows.subList(from, Math.min(rows.size(), from + 5_000)));
            }
            System.out.printf("vectors stored for %d of %d entries (%d embedded) in %.1f s%n", rows.size(),
                    entries.size(), bases.size(), (System.nanoTime() - start) / 1e9);
        }
    }
}
