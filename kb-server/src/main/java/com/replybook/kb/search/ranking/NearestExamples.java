package com.replybook.kb.search.ranking;

import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.search.semantic.ExampleVectors;
import com.replybook.kb.search.semantic.QueryWhitening;
import com.replybook.kb.search.semantic.WithinEntryWhitening;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.VectorUtil;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The dense score of the fused candidates (lexical top-N ∪ nearest centroids): a mix of the cosine to the entry's
 * nearest example ({@link ExampleVectors}) and to its centroid. The centroid alone blurs entries whose questions
 * are varied; the nearest example alone overrates an entry with one stray question. Measured on the dev sets
 * (docs/search-quality.md): the even mix beat either alone on SOFMattress and zh-shop and tied on Bitext; the English
 * space (two models concatenated, whitened) does best with more weight on the centroid ({@link #exampleWeight}).
 *
 * <p>In the whitened spaces ({@link QueryWhitening.Settings}) the ranking score takes the query through the library's
 * {@link WithinEntryWhitening} first, as the index's {@link QueryWhitening} has it fitted at the time;
 * {@link #cosine} gives the plain score of the top hit for {@link Confidence}, whose thresholds are on that scale.
 * One per searcher. Thread-safe.
 */
public final class NearestExamples {

    /**
     * Weight of the nearest example's cosine in the Chinese space; the centroid's is {@code 1 − EXAMPLE_WEIGHT}.
     */
    static final float EXAMPLE_WEIGHT = 0.5f;
    /**
     * The same in the English space (MiniLM + bge-small-en, whitened): chosen on each half of the dev sets
     * separately, both chose 0.3 (docs/search-quality.md).
     */
    static final float EXAMPLE_WEIGHT_EN = 0.3f;

    private final QueryWhitening whitening;

    public NearestExamples(QueryWhitening whitening) {
        this.whitening = whitening;
    }

    /**
     * Scores every document of {@code lexical} and {@code nearest} that has a vector in {@code space}, best first;
     * an entry without example vectors (not re-embedded yet) scores by its centroid.
     */
    public TopDocs rescore(IndexSearcher searcher, Embedders.Space space, float[] query, TopDocs lexical,
                           TopDocs nearest) throws IOException {
        WithinEntryWhitening whitened = whitening.of(space);
        float[] ranked = whitened == null ? query : whitened.apply(query);
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
     * The documents of {@code lexical} that {@code rescored} could not score because they have no vector in any space:
     * entries not embedded yet (just written, or a library whose vectors are still being computed). An entry of
     * the other language has a vector in its own space and is not among them.
     */
    public static Set<Integer> notEmbedded(IndexSearcher searcher, TopDocs lexical, TopDocs rescored)
            throws IOException {
        Set<Integer> scored = new HashSet<>();
        for (ScoreDoc d : rescored.scoreDocs) scored.add(d.doc);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Set<Integer> out = new HashSet<>();
        for (ScoreDoc d : lexical.scoreDocs) {
            if (scored.contains(d.doc)) continue;
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(d.doc, leaves));
            if (!hasVector(leaf, d.doc - leaf.docBase)) out.add(d.doc);
        }
        return out;
    }

    private static boolean hasVector(LeafReaderContext leaf, int local) throws IOException {
        for (Embedders.Space space : Embedders.Space.values()) {
            FloatVectorValues centroids = leaf.reader().getFloatVectorValues(space.field);
            if (centroids != null && centroids.iterator().advance(local) == local) return true;
        }
        return false;
    }

    /**
     * The plain dense score of one document (not whitened: the {@link Confidence} thresholds are on this scale);
     * NaN when it has no vector in {@code space} (not embedded yet, or an entry of the other language): there is no
     * dense evidence then, and the confidence is judged as lexical search judges it.
     */
    public static float cosine(IndexSearcher searcher, Embedders.Space space, float[] query, int doc)
            throws IOException {
        Centroid c = Centroid.of(searcher, space, doc);
        if (c == null) return Float.NaN;
        BinaryDocValues examples = DocValues.getBinary(c.leaf().reader(), space.examplesField);
        BytesRef b = examples.advanceExact(c.local()) ? examples.binaryValue() : null;
        return score(query, c.vector(), b, new float[query.length], exampleWeight(space));
    }

    /**
     * The cosine between two documents' centroids in {@code space} (both models' parts in the English space): how
     * alike the library itself holds the two entries. NaN when either has no vector there.
     */
    public static float centroidCosine(IndexSearcher searcher, Embedders.Space space, int a, int b)
            throws IOException {
        Centroid first = Centroid.of(searcher, space, a);
        float[] firstVector = first == null ? null : first.vector().clone(); // the reader may reuse its buffer
        Centroid second = first == null ? null : Centroid.of(searcher, space, b);
        return second == null ? Float.NaN : VectorUtil.dotProduct(firstVector, second.vector());
    }

    /** A document's centroid in a space, with the segment it is in; null when it has no vector there. */
    private record Centroid(LeafReaderContext leaf, int local, float[] vector) {
        static Centroid of(IndexSearcher searcher, Embedders.Space space, int doc) throws IOException {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            int local = doc - leaf.docBase;
            FloatVectorValues centroids = leaf.reader().getFloatVectorValues(space.field);
            if (centroids == null) return null;
            KnnVectorValues.DocIndexIterator it = centroids.iterator();
            if (it.advance(local) != local) return null;
            return new Centroid(leaf, local, centroids.vectorValue(it.index()));
        }
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
}
