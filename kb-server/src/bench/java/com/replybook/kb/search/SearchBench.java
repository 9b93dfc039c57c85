package com.replybook.kb.search;

import com.replybook.kb.bench.BenchEntries;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.semantic.EntryVectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * In-process search and type-ahead over a generated corpus (the server's own {@link EntryIndex} and
 * {@link EntrySearcher}, no HTTP): the server-side latency distribution. The index is built in setup, and the
 * build time printed, which is the lexical full-rebuild time without the database read.
 * The evaluation sets' directory comes from {@code EVAL_DIR} (default {@code ../shared/eval}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx768m", "--enable-native-access=ALL-UNNAMED", "--add-modules=jdk.incubator.vector"})
public class SearchBench {

    @Param({"10000", "100000"})
    public int size;

    private Path dir;
    private EntryIndex index;
    private EntrySearcher searcher;
    private List<String> queries;
    private List<String> prefixes;
    private int next;

    @Setup(Level.Trial)
    public void build() throws Exception {
        Path evalDir = BenchEntries.evalDir();
        List<Entry> entries = BenchEntries.generate(size, evalDir);
        queries = BenchEntries.queries(evalDir);
        prefixes = BenchEntries.prefixes(evalDir);
        // Built once per size and reused by the other benchmark methods' forks (the feed has no change log).
        dir = Path.of(System.getProperty("java.io.tmpdir"), "replybook-search-bench-" + size);
        long start = System.nanoTime();
        index = EntryIndex.open(dir, BenchEntries.feed(entries), EntryVectors.NONE);
        if (!index.awaitReady(Duration.ofMinutes(20))) throw new IllegalStateException("index not ready");
        System.out.printf("%n[index] %d entries %s in %.1f s%n", size, index.opening() == EntryIndex.Opening.REUSED
                ? "reopened" : "built", (System.nanoTime() - start) / 1e9);
        searcher = EntrySearcher.over(index);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        index.close();
    }

    @Benchmark
    public SearchResult search() {
        return searcher.search(SearchRequest.of(queries.get(next++ % queries.size()), 10));
    }

    @Benchmark
    public List<Suggestion> suggest() {
        return searcher.suggest(SearchRequest.of(prefixes.get(next++ % prefixes.size()), 8));
    }
}
