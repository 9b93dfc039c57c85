package com.replybook.kb.search.ranking;

import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Weighted fusion of min-max-normalised scores: {@code lexical·w + dense·(1−w)}, a document missing from one list
 * scoring 0 there (but see {@link #fuse(TopDocs, TopDocs, float, int, Set)} for entries not embedded yet). Measured
 * better than either list alone and than reciprocal-rank fusion (PRODUCT.md §4).
 */
public final class HybridFusion {

    /** Candidates taken from each list before fusing. */
    public static final int CANDIDATES = 50;
    /** Weight of the lexical score; tuned on the dev sets (docs/search-quality.md). */
    public static final float LEXICAL_WEIGHT = 0.2f;

    private HybridFusion() {
    }

    static TopDocs fuse(TopDocs lexical, TopDocs dense, float lexicalWeight, int limit) {
        return fuse(lexical, dense, lexicalWeight, limit, Set.of());
    }

    /**
     * With {@code lexicalOnly}: documents that have no dense score because they are not embedded yet (see
     * {@link NearestExamples#notEmbedded}) are fused with their lexical score in place of the dense one. Scoring them
     * 0 there would bury a new entry under every embedded one, even when the query is one of its own questions, for
     * as long as its embedding waits (seconds after an edit; an hour or more after a large import).
     */
    public static TopDocs fuse(TopDocs lexical, TopDocs dense, float lexicalWeight, int limit,
                               Set<Integer> lexicalOnly) {
        Map<Integer, Float> lexicalNorm = normalised(lexical);
        Map<Integer, Float> fused = new HashMap<>();
        lexicalNorm.forEach((doc, norm) -> fused.merge(doc, lexicalWeight * norm, Float::sum));
        normalised(dense).forEach((doc, norm) -> fused.merge(doc, (1 - lexicalWeight) * norm, Float::sum));
        for (Integer doc : lexicalOnly) {
            Float norm = lexicalNorm.get(doc);
            if (norm != null) fused.merge(doc, (1 - lexicalWeight) * norm, Float::sum);
        }
        ScoreDoc[] docs = fused.entrySet().stream().map(e -> new ScoreDoc(e.getKey(), e.getValue()))
                .sorted((a, b) -> a.score != b.score ? Float.compare(b.score, a.score) : Integer.compare(a.doc, b.doc))
                .limit(limit).toArray(ScoreDoc[]::new);
        long total = Math.max(lexical.totalHits.value(), docs.length);
        return new TopDocs(new TotalHits(total, lexical.totalHits.relation()), docs);
    }

    /** Each document's score min-max normalised into [0, 1] (1 when all scores are equal). */
    private static Map<Integer, Float> normalised(TopDocs top) {
        Map<Integer, Float> out = new HashMap<>();
        if (top.scoreDocs.length == 0) return out;
        float max = Arrays.stream(top.scoreDocs).map(d -> d.score).max(Float::compare).orElse(0f);
        float min = Arrays.stream(top.scoreDocs).map(d -> d.score).min(Float::compare).orElse(0f);
        for (ScoreDoc d : top.scoreDocs) out.put(d.doc, max > min ? (d.score - min) / (max - min) : 1f);
        return out;
    }
}
