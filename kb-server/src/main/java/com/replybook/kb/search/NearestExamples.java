package com.replybook.kb.search;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The dense score of the fused candidates (lexical top-N ∪ nearest centroids): a mix of the cosine to the entry's
 * nearest example ({@link ExampleVectors}) and to its centroid. The centroid alone blurs entries whose questions
 * are varied; the nearest example alone overrates an entry with one stray question. Measured on the dev sets
 * (docs/search-quality.md): the even mix beat either alone on SOFMattress and zh-shop and tied on Bitext; the English
 * space (two models concatenated, whitened) does best with more weight on the centroid ({@link #exampleWeight}).
 *
 * <p>In the spaces of {@link #WHITENED} the ranking score takes the query through the library's
 * {@link WithinEntryWhitening} first; {@link #cosine} gives the plain score of the top hit for {@link Confidence},
 * whose thresholds are on that scale. One per {@link EntrySearcher}: it holds the whitening fitted on the index,
 * refitted when the number of entries in the space has changed by a tenth (in the background, the previous one
 * serving meanwhile; the first fit is made by the first search that needs it). Thread-safe.
 */
final class NearestExamples {

    /**
     * Weight of the nearest example's cosine in the Chinese space; the centroid's is {@code 1 − EXAMPLE_WEIGHT}.
     */
    static final float EXAMPLE_WEIGHT = 0.5f;
    /**
     * The same in the English space (MiniLM + bge-small-en, whitened): chosen on each half of the dev sets
     * separately, both chose 0.3 (docs/search-quality.md).
     */
    static final float EXAMPLE_WEIGHT_EN = 0.3f;

    /**
     * The spaces whose queries are whitened: English (MiniLM, and MiniLM + bge-small-en) gained on both English
     * sets, Chinese (bge-small-zh) lost on zh-shop (docs/search-quality.md). {@code -Dsearch.whiten.spaces=EN,ZH} or
     * {@code =} (none) for tuning.
     */
    static final Set<Embedders.Space> WHITENED = spaces(System.getProperty("search.whiten.spaces", "EN"));

    private static final Logger LOG = Logger.getLogger(NearestExamples.class.getName());

    /** At most this many entries (evenly spread over the index) are read to fit the whitening. */
    static final int FIT_ENTRIES = 500;

    /** A whitening, the entry count it was fitted at and the reader it was last checked against. */
    private record Fit(Object reader, int entries, WithinEntryWhitening whitening) {
    }

    private final AtomicReferenceArray<Fit> fits = new AtomicReferenceArray<>(Embedders.Space.values().length);

    /**
     * Scores every document of {@code lexical} and {@code nearest} that has a vector in {@code space}, best first;
     * an entry without example vectors (not re-embedded yet) scores by its centroid.
     */
    TopDocs rescore(IndexSearcher searcher, Embedders.Space space, float[] query, TopDocs lexical, TopDocs nearest)
            throws IOException {
        WithinEntryWhitening whitening = WHITENED.contains(space) ? whitening(searcher.getIndexReader(), space) : null;
        float[] ranked = whitening == null ? query : whitening.apply(query);
        TreeSet<Integer> docs = new TreeSet<>();
        for (ScoreDoc d : lexical.scoreDocs) docs.add(d.doc);
        for (ScoreDoc d : nearest.scoreDocs) docs.add(d.doc);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<ScoreDoc> scored = new ArrayList<>(docs.size());
        LeafReaderContext leaf = null;
        FloatVectorValues centroids = null;
        KnnVectorValues.DocIndexIterator centroidDocs = null;
        BinaryDocValues examples = null;
        float[] scratch = new float[ranked.length];
        for (int doc : docs) { // ascending, so each leaf's iterators only move forward
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                centroids = leaf.reader().getFloatVectorValues(space.field);
                centroidDocs = centroids == null ? null : centroids.iterator();
                examples = DocValues.getBinary(leaf.reader(), space.examplesField);
            }
            int local = doc - leaf.docBase;
            if (centroidDocs == null) continue;
            int at = centroidDocs.docID() < local ? centroidDocs.advance(local) : centroidDocs.docID();
            if (at != local) continue; // no vector yet: lexical only

            BytesRef b = examples.advanceExact(local) ? examples.binaryValue() : null;
            scored.add(new ScoreDoc(doc, score(ranked, centroids.vectorValue(centroidDocs.index()), b, scratch,
                    exampleWeight(space))));
        }
        scored.sort((a, b) -> Float.compare(b.score, a.score));
        return new TopDocs(new TotalHits(scored.size(), TotalHits.Relation.EQUAL_TO), scored.toArray(ScoreDoc[]::new));
    }

    /**
     * The plain dense score of one document (not whitened: the {@link Confidence} thresholds are on this scale);
     * 0 when it has no vector in {@code space}.
     */
    static float cosine(IndexSearcher searcher, Embedders.Space space, float[] query, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
        FloatVectorValues centroids = leaf.reader().getFloatVectorValues(space.field);
        if (centroids == null) return 0;
        KnnVectorValues.DocIndexIterator it = centroids.iterator();
        if (it.advance(local) != local) return 0;
        BinaryDocValues examples = DocValues.getBinary(leaf.reader(), space.examplesField);
        BytesRef b = examples.advanceExact(local) ? examples.binaryValue() : null;
        return score(query, centroids.vectorValue(it.index()), b, new float[query.length], exampleWeight(space));
    }

    /** The weight of the nearest example's cosine in {@code space}; the centroid's is one minus it. */
    static float exampleWeight(Embedders.Space space) {
        return space == Embedders.Space.EN ? EXAMPLE_WEIGHT_EN : EXAMPLE_WEIGHT;
    }

    private static float score(float[] query, float[] centroid, BytesRef examples, float[] scratch, float weight) {
        float c = VectorUtil.dotProduct(query, centroid);
        float example = examples == null ? Float.NaN
                : ExampleVectors.maxDot(examples.bytes, examples.offset, examples.length, query, scratch);
        return Float.isNaN(example) ? c : weight * example + (1 - weight) * c;
    }

    /**
     * The whitening of {@code space} for this index: the cached one while the reader is the same, fitted anew when
     * the space's entry count has moved by a tenth since the last fit.
     */
    private WithinEntryWhitening whitening(IndexReader reader, Embedders.Space space) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        Object key = helper == null ? null : helper.getKey();
        Fit fit = fits.get(space.ordinal());
        if (fit != null && key != null && fit.reader == key) return fit.whitening;
        synchronized (fits) {
            fit = fits.get(space.ordinal());
            if (fit != null && key != null && fit.reader == key) return fit.whitening;
            int entries = 0;
            for (LeafReaderContext leaf : reader.leaves()) {
                FloatVectorValues v = leaf.reader().getFloatVectorValues(space.field);
                if (v != null) entries += v.size();
            }
            if (fit != null && Math.abs(entries - fit.entries) * 10 <= fit.entries) {
                fit = new Fit(key, fit.entries, fit.whitening);
            } else if (fit != null && fit.whitening != null && reader.tryIncRef()) {
                refitInBackground(reader, space, entries);
                fit = new Fit(key, entries, fit.whitening); // the previous one serves meanwhile
            } else {
                fit = new Fit(key, entries, fit(reader, space, entries));
            }
            fits.set(space.ordinal(), fit);
            return fit.whitening;
        }
    }

    /**
     * Refits on {@code reader} (whose reference the caller took) off the searching thread: a fit reads up to
     * {@link #FIT_ENTRIES} entries and takes 2–2.5 s at 768 dimensions (a few hundred milliseconds at 384).
     */
    private void refitInBackground(IndexReader reader, Embedders.Space space, int entries) {
        CompletableFuture.runAsync(() -> {
            try {
                WithinEntryWhitening whitening = fit(reader, space, entries);
                synchronized (fits) {
                    Fit current = fits.get(space.ordinal());
                    if (current != null && current.entries == entries) {
                        fits.set(space.ordinal(), new Fit(current.reader, entries, whitening));
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.WARNING, "Refitting the query whitening of " + space
                        + " failed; keeping the previous one", e);
            } finally {
                try {
                    reader.decRef();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Releasing the index reader failed", e);
                }
            }
        });
    }

    /** Fits on the examples of at most {@link #FIT_ENTRIES} entries of the space, evenly spread. */
    private static WithinEntryWhitening fit(IndexReader reader, Embedders.Space space, int entries)
            throws IOException {
        int stride = Math.max(1, (entries + FIT_ENTRIES - 1) / FIT_ENTRIES);
        List<float[][]> sample = new ArrayList<>();
        int dims = -1;
        int seen = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues centroids = leaf.reader().getFloatVectorValues(space.field);
            if (centroids == null) continue;
            dims = centroids.dimension();
            BinaryDocValues examples = DocValues.getBinary(leaf.reader(), space.examplesField);
            KnnVectorValues.DocIndexIterator it = centroids.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (seen++ % stride != 0 || !examples.advanceExact(doc)) continue;
                BytesRef b = examples.binaryValue();
                sample.add(ExampleVectors.unpack(b.bytes, b.offset, b.length, dims));
            }
        }
        return dims < 0 ? null : WithinEntryWhitening.fit(sample, dims, WithinEntryWhitening.SHRINKAGE);
    }

    private static Set<Embedders.Space> spaces(String names) {
        Set<Embedders.Space> out = EnumSet.noneOf(Embedders.Space.class);
        Arrays.stream(names.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .forEach(s -> out.add(Embedders.Space.valueOf(s)));
        return out;
    }
}
