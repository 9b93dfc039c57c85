package com.replybook.kb.search.semantic;

import org.apache.lucene.util.VectorUtil;

import java.util.List;

/**
 * The embeddings of an entry's problem and similar questions ("examples"), packed for the database and the index
 * (a binary doc value): each vector as int8 with its own float scale, {@code 4 + dims} bytes, a quarter of float32.
 * Ranking by the nearest example finds an entry when one of its phrasings matches a message whose centroid (the
 * average of all its phrasings) is elsewhere: entries with many, varied questions are the rule in real libraries.
 */
public final class ExampleVectors {

    /**
     * Examples kept per entry (problem first, then the questions in order): bounds the index at about 12 KB per
     * entry for the largest libraries; every dev-set entry but one (35 phrasings) fits.
     */
    static final int MAX = 32;

    private ExampleVectors() {
    }

    /** Packs the first {@link #MAX} of {@code vectors} (normalised, all of one length); null when there are none. */
    static byte[] pack(List<float[]> vectors) {
        if (vectors.isEmpty()) return null;
        int n = Math.min(MAX, vectors.size());
        int dims = vectors.get(0).length;
        byte[] out = new byte[n * (4 + dims)];
        int at = 0;
        for (float[] v : vectors.subList(0, n)) {
            float max = 0;
            for (float x : v) max = Math.max(max, Math.abs(x));
            float scale = max == 0 ? 1 : max / 127f;
            int bits = Float.floatToIntBits(scale);
            out[at++] = (byte) bits;
            out[at++] = (byte) (bits >>> 8);
            out[at++] = (byte) (bits >>> 16);
            out[at++] = (byte) (bits >>> 24);
            for (float x : v) out[at++] = (byte) Math.round(x / scale);
        }
        return out;
    }

    /**
     * The packed vectors in {@code bytes[offset, offset + length)}, dequantised; empty when they are not of
     * {@code dims} dimensions.
     */
    static float[][] unpack(byte[] bytes, int offset, int length, int dims) {
        int stride = 4 + dims;
        if (length == 0 || length % stride != 0) return new float[0][];
        float[][] out = new float[length / stride][dims];
        for (int v = 0, at = offset; v < out.length; v++, at += stride) {
            float scale = scale(bytes, at);
            for (int i = 0; i < dims; i++) out[v][i] = bytes[at + 4 + i] * scale;
        }
        return out;
    }

    private static float scale(byte[] bytes, int at) {
        return Float.intBitsToFloat((bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8
                | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24);
    }

    /**
     * The highest dot product of {@code query} with the packed vectors in {@code bytes[offset, offset + length)};
     * NaN when they are not of the query's length (another model's space).
     */
    static float maxDot(byte[] bytes, int offset, int length, float[] query) {
        return maxDot(bytes, offset, length, query, new float[query.length]);
    }

    /** {@link #maxDot(byte[], int, int, float[])} widening each vector into {@code example} (the query's length). */
    public static float maxDot(byte[] bytes, int offset, int length, float[] query, float[] example) {
        int stride = 4 + query.length;
        if (length == 0 || length % stride != 0) return Float.NaN;
        float best = Float.NEGATIVE_INFINITY;
        // Widened into floats first, then Lucene's SIMD dot product: a plain multiply-add loop over the bytes is
        // a sequential float reduction the JIT cannot vectorise (the widening loop it can).
        for (int at = offset; at < offset + length; at += stride) {
            for (int i = 0; i < example.length; i++) example[i] = bytes[at + 4 + i];
            best = Math.max(best, VectorUtil.dotProduct(query, example) * scale(bytes, at));
        }
        return best;
    }
}
