package com.replybook.kb.search.semantic;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WithinEntryWhiteningTest {

    /** 12 entries in 8 dimensions whose phrasings differ from one another along axis 0 only. */
    static List<float[][]> entriesVaryingAlongAxis0(int count) {
        Random random = new Random(3);
        List<float[][]> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] content = new float[8];
            for (int d = 1; d < 8; d++) content[d] = (float) random.nextGaussian();
            float[][] examples = new float[4][];
            float[] shifts = {-1, -0.5f, 0.5f, 1};
            for (int k = 0; k < 4; k++) {
                float[] e = content.clone();
                e[0] = shifts[k] * 2;
                examples[k] = Embedders.normalize(e);
            }
            entries.add(examples);
        }
        return entries;
    }

    @Test
    void theDirectionInWhichPhrasingsDifferIsDampedInTheQuery() {
        WithinEntryWhitening w = WithinEntryWhitening.fit(entriesVaryingAlongAxis0(12), 8, 0.5);
        assertNotNull(w);
        float[] q = Embedders.normalize(new float[]{1, 1, 0, 0, 0, 0, 0, 0});
        float[] v = w.apply(q);
        assertTrue(Math.abs(v[0]) < 0.5 * Math.abs(v[1]), "axis 0 damped: " + v[0] + " vs " + v[1]);
    }

    @Test
    void fullShrinkageLeavesTheQueryAsItIs() {
        WithinEntryWhitening w = WithinEntryWhitening.fit(entriesVaryingAlongAxis0(12), 8, 1.0);
        float[] q = Embedders.normalize(new float[]{1, 2, 3, 0, 0, 0, 0, -1});
        assertArrayEquals(q, Embedders.normalize(w.apply(q)), 1e-5f, "only scaled");
    }

    @Test
    void tooFewEntriesWithSeveralPhrasingsGiveNoWhitening() {
        List<float[][]> entries = new ArrayList<>(entriesVaryingAlongAxis0(WithinEntryWhitening.MIN_ENTRIES - 1));
        for (int i = 0; i < 5; i++) entries.add(new float[][]{Embedders.normalize(new float[]{1, 0, 0, 0, 0, 0, 0, i})});
        assertNull(WithinEntryWhitening.fit(entries, 8, 0.5), "an entry with one phrasing says nothing");
        assertNotNull(WithinEntryWhitening.fit(entriesVaryingAlongAxis0(WithinEntryWhitening.MIN_ENTRIES), 8, 0.5));
    }

    @Test
    void aQueryOfAnotherSpaceIsLeftAlone() {
        WithinEntryWhitening w = WithinEntryWhitening.fit(entriesVaryingAlongAxis0(12), 8, 0.5);
        float[] other = new float[16];
        assertTrue(other == w.apply(other));
    }
}
