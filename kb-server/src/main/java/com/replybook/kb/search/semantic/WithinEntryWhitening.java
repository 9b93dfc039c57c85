package com.replybook.kb.search.semantic;

import org.apache.lucene.util.VectorUtil;

import java.util.List;

/**
 * Within-entry covariance normalisation of the query vector (the "WCCN" of speaker verification): the directions in
 * which an entry's own phrasings differ from one another (wording, politeness, order numbers) are directions that
 * say nothing about which entry a message belongs to, so the query's component along them is damped before it is
 * compared with the examples. The statistic comes from the library itself, not from any labelled query: the
 * covariance {@code S} of every example minus its entry's mean, shrunk towards the isotropic matrix of the same
 * trace, {@code A = (1 − λ)·S + λ·(tr S / d)·I}; a query {@code q} becomes {@code A⁻¹q / √(qᵀA⁻¹q)}, so its dot
 * product with an example is the example's similarity in the whitened space up to the example's own length there.
 * Only the query is transformed (one d × d matrix-vector product, d = 768 for the English space): scoring an example
 * still costs one dot product, and nothing in the index changes.
 *
 * <p>Measured on the dev sets (docs/search-quality.md): in the English space (MiniLM alone, and MiniLM + bge-small-en)
 * it lifts both English sets; with bge-small-zh it costs zh-shop R@1, so by default it is used for the English
 * space only ({@link QueryWhitening.Settings}).
 */
public final class WithinEntryWhitening {

    /** Fewer entries with two or more examples than this give no estimate worth using: no whitening. */
    public static final int MIN_ENTRIES = 10;

    /** {@code A⁻¹}, one row per dimension: applying it is one matrix-vector product, {@code d²} operations. */
    private final float[][] inverse;

    private WithinEntryWhitening(float[][] inverse) {
        this.inverse = inverse;
    }

    /**
     * Fits on the examples of a sample of entries (each entry's examples, all of {@code dims} dimensions); null when
     * fewer than {@link #MIN_ENTRIES} entries have two or more examples. {@code shrinkage} is the weight λ of the
     * isotropic part; 1 leaves queries unchanged.
     */
    static WithinEntryWhitening fit(List<float[][]> entries, int dims, double shrinkage) {
        double[] cov = new double[dims * dims];
        double[] mean = new double[dims];
        double[] r = new double[dims];
        long rows = 0;
        int used = 0;
        for (float[][] examples : entries) {
            if (examples.length < 2) continue;
            used++;
            java.util.Arrays.fill(mean, 0);
            for (float[] e : examples) for (int i = 0; i < dims; i++) mean[i] += e[i];
            for (int i = 0; i < dims; i++) mean[i] /= examples.length;
            for (float[] e : examples) {
                for (int i = 0; i < dims; i++) r[i] = e[i] - mean[i];
                for (int i = 0; i < dims; i++) {
                    double ri = r[i];
                    int row = i * dims;
                    for (int j = 0; j <= i; j++) cov[row + j] += ri * r[j];
                }
                rows++;
            }
        }
        if (used < MIN_ENTRIES) return null;
        double trace = 0;
        for (int i = 0; i < dims; i++) trace += cov[i * dims + i] / rows;
        double iso = shrinkage * trace / dims;
        if (!(iso > 0)) return null;
        double[] a = new double[dims * dims]; // lower triangle of A
        for (int i = 0; i < dims; i++) {
            for (int j = 0; j <= i; j++) a[i * dims + j] = (1 - shrinkage) * cov[i * dims + j] / rows;
            a[i * dims + i] += iso;
        }
        return new WithinEntryWhitening(invert(cholesky(a, dims), dims));
    }

    /** {@code A⁻¹q / √(qᵀA⁻¹q)}: the query to take dot products with; {@code q} itself if of another length. */
    public float[] apply(float[] q) {
        if (q.length != inverse.length) return q;
        float[] out = new float[q.length];
        for (int i = 0; i < out.length; i++) out[i] = VectorUtil.dotProduct(inverse[i], q);
        float qx = VectorUtil.dotProduct(q, out);
        if (!(qx > 0)) return q;
        float norm = (float) Math.sqrt(qx);
        for (int i = 0; i < out.length; i++) out[i] /= norm;
        return out;
    }

    /** The inverse of {@code L·Lᵀ} from its Cholesky factor {@code lower}: column by column, two triangular solves. */
    private static float[][] invert(double[] lower, int n) {
        float[][] inverse = new float[n][n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) { // L y = e_k
                double s = i == k ? 1 : 0;
                for (int j = 0; j < i; j++) s -= lower[i * n + j] * y[j];
                y[i] = s / lower[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) { // Lᵀ x = y
                double s = y[i];
                for (int j = i + 1; j < n; j++) s -= lower[j * n + i] * y[j];
                y[i] = s / lower[i * n + i];
            }
            for (int i = 0; i < n; i++) inverse[i][k] = (float) y[i];
        }
        return inverse;
    }

    /** Cholesky factor of the symmetric positive definite matrix whose lower triangle is {@code a} (overwritten). */
    private static double[] cholesky(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) d -= a[j * n + k] * a[j * n + k];
            d = Math.sqrt(d);
            a[j * n + j] = d;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) s -= a[i * n + k] * a[j * n + k];
                a[i * n + j] = s / d;
            }
        }
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) a[i * n + j] = 0;
        return a;
    }
}
