package com.replybook.kb.search.ranking;

import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TotalHits;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class HybridFusionTest {

    @Test
    void fusionNormalisesEachListAndWeighsThem() {
        TopDocs lexical = new TopDocs(new TotalHits(2, TotalHits.Relation.EQUAL_TO),
                new ScoreDoc[]{new ScoreDoc(1, 10f), new ScoreDoc(2, 5f)});
        TopDocs dense = new TopDocs(new TotalHits(2, TotalHits.Relation.EQUAL_TO),
                new ScoreDoc[]{new ScoreDoc(2, 0.9f), new ScoreDoc(3, 0.5f)});
        TopDocs fused = HybridFusion.fuse(lexical, dense, 0.3f, 10);
        assertArrayEquals(new int[]{2, 1, 3}, java.util.Arrays.stream(fused.scoreDocs).mapToInt(d -> d.doc).toArray());
        assertEquals(0.7f, fused.scoreDocs[0].score, 1e-6);
        assertEquals(0.3f, fused.scoreDocs[1].score, 1e-6);
    }
}
