package com.replybook.kb.search;

import com.replybook.kb.bench.BenchEntries;
import com.replybook.kb.bench.QuerySet;
import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.db.Database;
import com.replybook.kb.db.SettingsChanges;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.module.Platform;
import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.semantic.EntryVectors;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Server-side latency without HTTP: every labelled query (or type-ahead prefix) through the server's own
 * {@link EntrySearcher} on one thread, a few passes, reporting wall-clock and on-CPU percentiles. On a shared
 * machine the CPU time is the steadier figure: it is what a query costs when it has a core to itself.
 *
 * <pre>{@code
 * EVAL_DIR=../shared/eval java -cp … com.replybook.kb.search.SearchLatency 100000 [index-dir] [passes]
 * EVAL_DIR=../shared/eval java -cp … com.replybook.kb.search.SearchLatency --data-dir kb-server/target/bench/data-100000 [passes]
 * }</pre>
 * The second form opens a server's data directory (stopped server: the index is locked while it runs) exactly as
 * the server does — database, synonyms, index — and filters each set's queries to its locale, as the plugin does;
 * the search cache is off, so every search is ranked.
 */
public final class SearchLatency {

    private SearchLatency() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--data-dir")) {
            serverDataDir(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3);
            return;
        }
        int size = Integer.parseInt(args[0]);
        Path dir = args.length > 1 ? Path.of(args[1])
                : Path.of(System.getProperty("java.io.tmpdir"), "replybook-search-bench-" + size);
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Files.createDirectories(dir);
        List<Entry> entries = BenchEntries.generate(size, BenchEntries.evalDir());
        long start = System.nanoTime();
        try (EntryIndex index = EntryIndex.open(dir, BenchEntries.feed(entries), EntryVectors.NONE)) {
            if (!index.awaitReady(Duration.ofMinutes(30))) throw new IllegalStateException("index not ready");
            System.out.printf("[%d] index %s in %.1f s (in-process, no database)%n", size,
                    index.opening() == EntryIndex.Opening.REUSED ? "reopened" : "built", (System.nanoTime() - start) / 1e9);
            EntrySearcher searcher = EntrySearcher.over(index);
            List<String> queries = BenchEntries.queries(BenchEntries.evalDir());
            List<String> prefixes = BenchEntries.prefixes(BenchEntries.evalDir());
            measure(size, "search ", queries, passes, q -> searcher.search(SearchRequest.of(q, 10)));
            measure(size, "suggest", prefixes, passes, q -> searcher.suggest(SearchRequest.of(q, 8)));
        }
    }

    private static void serverDataDir(Path dataDir, int passes) throws Exception {
        ServerConfig config = ServerConfig.defaults(dataDir).with(ServerConfig.SEMANTIC_SEARCH, false);
        try (Database db = Database.open(config);
             SettingsChanges settings = SettingsChanges.manual(db, Clock.systemUTC());
             SearchService search = SearchService.start(new Platform(config.with(ServerConfig.SEARCH_CACHE_ENTRIES, 0),
                     db, Clock.systemUTC(), settings, new SimpleMeterRegistry()), new EntryStore(db, Clock.systemUTC()))) {
            long start = System.nanoTime();
            if (!search.index().awaitReady(Duration.ofMinutes(30))) throw new IllegalStateException("index not ready");
            System.out.printf("index %s, ready in %.1f s%n", search.index().opening(), (System.nanoTime() - start) / 1e9);
            List<SearchRequest> requests = new ArrayList<>();
            for (QuerySet set : QuerySet.all(BenchEntries.evalDir())) {
                for (QuerySet.Query q : set.queries()) {
                    requests.add(new SearchRequest(q.text(), 10, set.locale(), null, List.of(),
                            Set.of(EntryStatus.PUBLISHED)));
                }
            }
            Map<String, Long> slowest = new HashMap<>();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Consumer<SearchRequest> timed = r -> {
                long c0 = mx.getCurrentThreadCpuTime();
                search.search(r);
                slowest.merge(r.text(), mx.getCurrentThreadCpuTime() - c0, Math::max);
            };
            int size = search.searcher().withSearcher(s -> s.getIndexReader().numDocs());
            measure(size, "search ", requests, passes, timed);
            System.out.println("slowest on CPU:");
            slowest.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15)
                    .forEach(e -> System.out.printf("  %6.2f ms  %s%n", e.getValue() / 1e6, e.getKey()));
        }
    }

    static <T> void measure(int size, String label, List<T> inputs, int passes, Consumer<T> call) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (T q : inputs) call.accept(q);                          // warm-up pass
        long[] wall = new long[inputs.size() * passes];
        long[] cpu = new long[wall.length];
        for (int p = 0, k = 0; p < passes; p++) {
            for (T q : inputs) {
                long c0 = mx.getCurrentThreadCpuTime(), w0 = System.nanoTime();
                call.accept(q);
                wall[k] = System.nanoTime() - w0;
                cpu[k++] = mx.getCurrentThreadCpuTime() - c0;
            }
        }
        System.out.printf("[%d] %s n=%d  wall p50 %.2f ms p99 %.2f ms  |  cpu mean %.2f ms p50 %.2f ms p99 %.2f ms%n",
                size, label, wall.length, pct(wall, .5), pct(wall, .99), Arrays.stream(cpu).average().orElse(0) / 1e6,
                pct(cpu, .5), pct(cpu, .99));
    }

    private static double pct(long[] values, double p) {
        long[] s = values.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)] / 1e6;
    }
}
