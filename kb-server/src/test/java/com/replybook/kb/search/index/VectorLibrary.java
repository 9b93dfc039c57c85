package com.replybook.kb.search.index;

import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.search.semantic.EntryEmbedding;
import com.replybook.kb.search.semantic.EntryVectors;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.util.VectorUtil;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Entries {@code vec-0}, {@code vec-1}, … with random unit vectors in the English space, for tests of the vector
 * graphs (Lucene builds none below about 650 vectors, so these libraries are larger than the sample one).
 */
record VectorLibrary(MemoryFeed feed, Map<String, float[]> vectors) {

    static VectorLibrary of(int entries, long seed) {
        MemoryFeed feed = new MemoryFeed();
        Map<String, float[]> vectors = new HashMap<>();
        Random random = new Random(seed);
        for (int i = 0; i < entries; i++) {
            String key = "vec-" + i;
            feed.put(MemoryFeed.entry(key, "en", "shipping", "parcel problem " + i, List.of("where is parcel " + i),
                    "", "We are on it."));
            float[] v = new float[768];
            for (int d = 0; d < v.length; d++) v[d] = (float) random.nextGaussian();
            vectors.put(key, VectorUtil.l2normalize(v));
        }
        return new VectorLibrary(feed, vectors);
    }

    /** The vectors as stored with the entries (a rebuild reuses them). */
    EntryVectors stored() {
        return entry -> new EntryEmbedding(vectors.get(entry.key()), null);
    }

    /** The nearest-neighbour search for {@code key}'s vector. */
    KnnFloatVectorQuery nearestTo(String key, int k) {
        return new KnnFloatVectorQuery(Embedders.Space.EN.field, vectors.get(key), k);
    }

    /** The key of the entry whose vector is nearest to {@code key}'s. */
    String nearest(EntryIndex index, String key) {
        return index.withSearcher(s -> HitCard.of(s, s.search(nearestTo(key, 1), 1).scoreDocs[0].doc).key());
    }
}
