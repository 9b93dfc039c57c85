package com.replybook.kb.search.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
        VectorLibrary library = VectorLibrary.of(700, 3);
        try (EntryIndex index = EntryIndex.open(Path.of(args[0]), library.feed(), library.stored())) {
            if (!index.awaitReady(Duration.ofSeconds(60))) throw new IllegalStateException("index not ready");
            EntryIndexTest.awaitMerged(index);
            System.out.println("workers=" + EntryIndex.MERGE_WORKERS + " nearest=" + library.nearest(index, "vec-42"));
        }
    }
}
