package com.replybook.kb.search.semantic;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The concatenation of several models' embeddings (the English space); no model is loaded here. */
class EmbeddersTest {

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Test
    void concatenationNormalisesEachPartThenTheWhole() {
        float[] v = Embedders.concatenate(List.of(new float[]{3, 4}, new float[]{0, 0, 10}));
        float h = (float) Math.sqrt(0.5);
        assertArrayEquals(new float[]{0.6f * h, 0.8f * h, 0, 0, h}, v, 1e-6f);
        assertEquals(1f, dot(v, v), 1e-6f);
    }

    @Test
    void dotProductOfConcatenationsIsTheAverageOfThePartsCosines() {
        float[] a1 = {1, 0, 0}, a2 = {0.6f, 0.8f};
        float[] b1 = {0, 2, 0}, b2 = {6, 8};
        float[] a = Embedders.concatenate(List.of(a1, a2));
        float[] b = Embedders.concatenate(List.of(b1, b2));
        assertEquals((0f + 1f) / 2, dot(a, b), 1e-6f, "cosines 0 (first model) and 1 (second)");
    }

    @Test
    void aZeroPartStaysZero() {
        float[] v = Embedders.concatenate(List.of(new float[]{0, 0}, new float[]{0, 5}));
        assertArrayEquals(new float[]{0, 0, 0, 1}, v, 1e-6f);
    }

    @Test
    void englishSpaceNamesBothModels() {
        assertEquals("all-minilm-l6-v2-q+bge-small-en-v1.5-q", Embedders.Space.EN.model);
    }
}
