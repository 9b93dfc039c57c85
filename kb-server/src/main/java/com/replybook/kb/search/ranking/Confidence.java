package com.replybook.kb.search.ranking;

import com.replybook.kb.search.index.SearchFields;
import com.replybook.kb.search.semantic.Embedders;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Judges whether the top hit answers the query, so that an out-of-scope message gets {@code confident: false}
 * rather than a confident wrong answer. Two signals: the share of the query's content words found in the top
 * entry's problem and similar questions ({@link #coverage}), and, with hybrid search on, the top entry's dense score
 * ({@link NearestExamples}: cosines to its nearest example and its centroid). Thresholds tuned on the dev sets
 * (SOFMattress has out-of-scope queries).
 */
public final class Confidence {

    /** Lexical only: this share of the query's content words must be in the top entry's problem or questions. */
    static final double MIN_COVERAGE = 0.5;
    /** Hybrid: with a cosine above the space's minimum, this share of the query's words suffices. */
    static final double MIN_COVERAGE_HYBRID = 0.25;

    /**
     * Dense-score thresholds per model (their similarity scales differ: bge-small-zh scores everything higher than
     * MiniLM): at or above {@code high} confident on its own; below {@code min} never. Tuned by sweeping on the
     * dev sets (SOFMattress for English out-of-scope, zh-shop for Chinese): docs/search-quality.md. EN's scale is
     * the average of MiniLM's and bge-small-en's cosines; bge-small-en scores everything higher, out of scope too,
     * hence its min 0.60 (MiniLM alone: 0.45). EN_FIRST_MODEL is MiniLM's own cosine, for a query whose vector stopped
     * at the cascade's first stage ({@link QueryCascade}): the rankings agreed there, and MiniLM's cosines run about
     * 0.2 below the pair's average, so 0.40 keeps as many out-of-scope messages unsure on either half of SOFMattress.
     */
    enum Thresholds {
        ZH(0.60, 0.85), EN(0.60, 0.80), EN_FIRST_MODEL(0.40, 0.70);

        final double min;
        final double high;

        Thresholds(double min, double high) {
            this.min = min;
            this.high = high;
        }

        static Thresholds of(Embedders.Space space, boolean firstModelOnly) {
            return space == Embedders.Space.ZH ? ZH : firstModelOnly ? EN_FIRST_MODEL : EN;
        }
    }
    private static final Set<String> FIELDS = Set.of(SearchFields.PROBLEM, SearchFields.QUESTIONS);

    /**
     * {@code similarity} is NaN when there is no dense score: hybrid search off ({@code space} null then), or a top
     * entry without a vector in the query's space (still being embedded, or of the other language).
     * {@code firstModelOnly}: the similarity is the space's first model's alone (the query's vector stopped there).
     */
    public boolean judge(double coverage, double similarity, Embedders.Space space, boolean firstModelOnly,
                         TopDocs top) {
        if (top.scoreDocs.length == 0) return false;
        if (Double.isNaN(similarity)) return coverage >= MIN_COVERAGE;
        Thresholds t = Thresholds.of(space, firstModelOnly);
        if (similarity >= t.high) return true;
        return similarity >= t.min && coverage >= MIN_COVERAGE_HYBRID;
    }

    /**
     * Share of the query's content words ({@link LexicalQueries#words}, analysed already) that occur in the top
     * entry's problem or questions.
     */
    public double coverage(Set<String> query, TopDocs top, IndexSearcher searcher) throws IOException {
        return top.scoreDocs.length == 0 ? 0 : coverage(query, top.scoreDocs[0].doc, searcher);
    }

    /** Looks the query's words up in the postings of the top document: no stored text is read or re-analysed. */
    private static double coverage(Set<String> query, int doc, IndexSearcher searcher) throws IOException {
        if (query.isEmpty()) return 0;
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        int local = doc - leaf.docBase;
        long found = 0;
        for (String term : query) {
            for (String field : FIELDS) {
                if (contains(leaf, SearchFields.words(field), term, local)) {
                    found++;
                    break;
                }
            }
        }
        return (double) found / query.size();
    }

    private static boolean contains(LeafReaderContext leaf, String field, String term, int doc) throws IOException {
        Terms terms = leaf.reader().terms(field);
        if (terms == null) return false;
        TermsEnum te = terms.iterator();
        if (!te.seekExact(new BytesRef(term))) return false;
        PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
        return postings.advance(doc) == doc;
    }
}
