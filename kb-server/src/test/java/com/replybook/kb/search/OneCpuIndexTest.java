package com.replybook.kb.search;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index on a machine (or container) with one CPU: its graph merges then run without a thread pool, which
 * Lucene requires. Checked in a child JVM told it has one processor.
 */
class OneCpuIndexTest {

    @TempDir
    Path dir;

    @Test
    void indexWithGraphsWorksOnOneCpu() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process child = new ProcessBuilder(java, "-XX:ActiveProcessorCount=1", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), OneCpuIndexTest.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "child finished");
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("workers=1 nearest=vec-42"), output);
    }

    /** The child: a rebuild with enough vectors for a graph, then a nearest-neighbour search. */
    public static void main(String[] args) throws Exception {
        int entries = 700; // Lucene builds no graph below about 650 vectors
        MemoryFeed feed = new MemoryFeed();
        Map<String, float[]> vectors = new HashMap<>();
        Random random = new Random(3);
        for (int i = 0; i < entries; i++) {
            String key = "vec-" + i;
            feed.put(MemoryFeed.entry(key, "en", "shipping", "parcel problem " + i, List.of("where is parcel " + i),
                    "", "We are on it."));
            float[] v = new float[768];
            for (int d = 0; d < v.length; d++) v[d] = (float) random.nextGaussian();
            vectors.put(key, org.apache.lucene.util.VectorUtil.l2normalize(v));
        }
        EntryVectors stored = entry -> new EntryEmbedding(vectors.get(entry.key()), null);
        try (EntryIndex index = EntryIndex.open(Path.of(args[0]), feed, stored)) {
            if (!index.awaitReady(Duration.ofSeconds(60))) throw new IllegalStateException("index not ready");
            String nearest = EntrySearcher.over(index).withSearcher(s -> HitCard.of(s, s.search(
                    new org.apache.lucene.search.KnnFloatVectorQuery(Embedders.Space.EN.field, vectors.get("vec-42"), 1),
                    1).scoreDocs[0].doc).key());
            System.out.println("workers=" + EntryIndex.MERGE_WORKERS + " nearest=" + nearest);
        }
    }
}
