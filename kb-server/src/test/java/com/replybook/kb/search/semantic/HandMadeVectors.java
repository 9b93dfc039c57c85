package com.replybook.kb.search.semantic;

import com.replybook.kb.entries.Entry;
import com.replybook.kb.search.SearchSettings;
import com.replybook.kb.search.index.MemoryFeed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entries with hand-made English vectors of 8 dimensions (no model involved): an entry about axis 1 and one whose
 * phrasings lean on axes 0 and 2 ({@link #putTheTwoEntries}), and fillers whose phrasings differ along axis 0
 * ({@link #putFillers}). A query that is mostly axis 0 is nearer "axis-0-2" by plain cosine, and "axis-1" once the
 * whitening has damped axis 0, which only tells phrasings apart.
 */
public final class HandMadeVectors {

    /** English queries whitened, with the default shrinkage. */
    public static final QueryWhitening.Settings WHITENED_EN = new QueryWhitening.Settings(Set.of(Embedders.Space.EN),
            SearchSettings.DEFAULTS.whiteningShrinkage());

    private HandMadeVectors() {
    }

    public static float[] unit(float... v) {
        return Embedders.normalize(v);
    }

    /** Filler entries {@code from} to {@code to} (exclusive), on axes 0 and 5-7, phrasings differing along axis 0. */
    public static void putFillers(MemoryFeed feed, Map<String, List<float[]>> vectors, int from, int to) {
        List<float[][]> fillers = WithinEntryWhiteningTest.entriesVaryingAlongAxis0(to);
        for (int i = from; i < to; i++) {
            float[][] f = fillers.get(i);
            for (int k = 0; k < f.length; k++) {
                Arrays.fill(f[k], 1, 5, 0);
                f[k] = Embedders.normalize(f[k]);
            }
            put(feed, vectors, "filler-" + i, List.of(f));
        }
    }

    public static void putTheTwoEntries(MemoryFeed feed, Map<String, List<float[]>> vectors) {
        put(feed, vectors, "axis-1", List.of(unit(0, 1, 0, 0.05f, 0, 0, 0, 0), unit(0, 1, 0, -0.05f, 0, 0, 0, 0)));
        put(feed, vectors, "axis-0-2", List.of(unit(0.8f, 0, 0.6f, 0, 0.05f, 0, 0, 0),
                unit(0.8f, 0, 0.6f, 0, -0.05f, 0, 0, 0)));
    }

    /** The entries' vectors as {@code vectors} holds them: the examples and their normalised mean. */
    public static EntryVectors fixed(Map<String, List<float[]>> vectors) {
        return entry -> {
            List<float[]> examples = vectors.get(entry.key());
            float[] sum = new float[8];
            for (float[] e : examples) for (int d = 0; d < 8; d++) sum[d] += e[d];
            return new EntryEmbedding(Embedders.normalize(sum), ExampleVectors.pack(examples));
        };
    }

    private static void put(MemoryFeed feed, Map<String, List<float[]>> vectors, String key, List<float[]> examples) {
        vectors.put(key, examples);
        List<String> questions = new ArrayList<>();
        for (int i = 1; i < examples.size(); i++) questions.add(key + " question " + i);
        Entry entry = MemoryFeed.entry(key, "en", "test", key + " problem", questions, "", "");
        feed.put(entry);
    }
}
