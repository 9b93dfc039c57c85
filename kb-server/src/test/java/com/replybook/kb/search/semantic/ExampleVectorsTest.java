package com.replybook.kb.search.semantic;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExampleVectorsTest {

    @Test
    void theNearestPackedExampleScoresWithinInt8Precision() {
        Random random = new Random(7);
        List<float[]> examples = new ArrayList<>();
        for (int i = 0; i < 5; i++) examples.add(randomUnit(random, 384));
        float[] query = randomUnit(random, 384);
        float exact = Float.NEGATIVE_INFINITY;
        for (float[] e : examples) exact = Math.max(exact, dot(query, e));
        byte[] packed = ExampleVectors.pack(examples);
        assertEquals(5 * (4 + 384), packed.length, "int8 plus one float scale per vector");
        assertEquals(exact, ExampleVectors.maxDot(packed, 0, packed.length, query), 0.01);
        assertEquals(1f, ExampleVectors.maxDot(packed, 0, packed.length, examples.get(3)), 0.01);
    }

    @Test
    void atMostMaxExamplesArePackedAndOtherDimensionsDoNotScore() {
        Random random = new Random(11);
        List<float[]> examples = new ArrayList<>();
        for (int i = 0; i < ExampleVectors.MAX + 5; i++) examples.add(randomUnit(random, 8));
        byte[] packed = ExampleVectors.pack(examples);
        assertEquals(ExampleVectors.MAX * (4 + 8), packed.length);
        float[] last = examples.get(examples.size() - 1);
        assertTrue(ExampleVectors.maxDot(packed, 0, packed.length, last) < 0.99f, "examples past MAX are dropped");
        assertTrue(Float.isNaN(ExampleVectors.maxDot(packed, 0, packed.length, new float[16])));
        assertNull(ExampleVectors.pack(List.of()));
    }

    @Test
    void unpackedVectorsMatchTheOriginalsWithinInt8Precision() {
        Random random = new Random(5);
        List<float[]> examples = List.of(randomUnit(random, 16), randomUnit(random, 16), randomUnit(random, 16));
        byte[] packed = ExampleVectors.pack(examples);
        float[][] unpacked = ExampleVectors.unpack(packed, 0, packed.length, 16);
        assertEquals(3, unpacked.length);
        for (int v = 0; v < 3; v++) {
            for (int i = 0; i < 16; i++) assertEquals(examples.get(v)[i], unpacked[v][i], 0.01f);
        }
        assertEquals(0, ExampleVectors.unpack(packed, 0, packed.length, 13).length, "another space's length");
    }

    private static float[] randomUnit(Random random, int dims) {
        float[] v = new float[dims];
        for (int i = 0; i < dims; i++) v[i] = (float) random.nextGaussian();
        return Embedders.normalize(v);
    }

    private static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }
}
