package com.replybook.kb.search;

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
import java.util.List;
import java.util.TreeSet;

/**
 * The dense score of the fused candidates (lexical top-N ∪ nearest centroids): a mix of the cosine to the entry's
 * nearest example ({@link ExampleVectors}) and to its centroid. The centroid alone blurs entries whose questions
 * are varied; the nearest example alone overrates an entry with one stray question. Measured on the dev sets
 * (docs/search-quality.md): the even mix beat either alone on SOFMattress and zh-shop and tied on Bitext.
 */
final class NearestExamples {

    /** Weight of the nearest example's cosine; the centroid's is {@code 1 − EXAMPLE_WEIGHT}. */
    static final float EXAMPLE_WEIGHT = 0.5f;

    private NearestExamples() {
    }

    /**
     * Scores every document of {@code lexical} and {@code nearest} that has a vector in {@code space}, best first;
     * an entry without example vectors (not re-embedded yet) scores by its centroid.
     */
    static TopDocs rescore(IndexSearcher searcher, Embedders.Space space, float[] query, TopDocs lexical,
                           TopDocs nearest) throws IOException {
        TreeSet<Integer> docs = new TreeSet<>();
        for (ScoreDoc d : lexical.scoreDocs) docs.add(d.doc);
        for (ScoreDoc d : nearest.scoreDocs) docs.add(d.doc);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<ScoreDoc> scored = new ArrayList<>(docs.size());
        LeafReaderContext leaf = null;
        FloatVectorValues centroids = null;
        KnnVectorValues.DocIndexIterator centroidDocs = null;
        BinaryDocValues examples = null;
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

            float centroid = VectorUtil.dotProduct(query, centroids.vectorValue(centroidDocs.index()));
            float example = Float.NaN;
            if (examples.advanceExact(local)) {
                BytesRef b = examples.binaryValue();
                example = ExampleVectors.maxDot(b.bytes, b.offset, b.length, query);
            }
            float score = Float.isNaN(example) ? centroid
                    : EXAMPLE_WEIGHT * example + (1 - EXAMPLE_WEIGHT) * centroid;
            scored.add(new ScoreDoc(doc, score));
        }
        scored.sort((a, b) -> Float.compare(b.score, a.score));
        return new TopDocs(new TotalHits(scored.size(), TotalHits.Relation.EQUAL_TO), scored.toArray(ScoreDoc[]::new));
    }
}
