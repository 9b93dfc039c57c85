package com.replybook.kb.search;

import com.replybook.kb.bench.BenchEntries;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryScope;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.semantic.EntryVectors;
import com.replybook.kb.vocabulary.Visibility;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Does scoping searches by shop (issue 20) slow lexical search down? One generated corpus indexed twice, in process
 * (the server's own {@link EntryIndex} and {@link EntrySearcher}, no HTTP, no result cache): as the library was
 * before shops (every entry the whole team's) and spread over {@value #SHOPS} shops (a tenth of the entries for
 * every shop, the rest round-robin, and 1 % personal snippets of 100 agents). Each labelled query is timed on both,
 * one after the other so that both see the same machine: unscoped on the first (today's search), and on the second
 * as the widget asks in a ticket (one shop, the agent's own snippets; the shop rotates) and as a user limited to
 * three shops searches without naming one. Prints wall and on-CPU percentiles of each and the p99 ratios; the target
 * is a scoped p99 within 10 % of today's.
 *
 * <pre>{@code
 * EVAL_DIR=../shared/eval java -cp … com.replybook.kb.search.ShopScopeLatency 100000 [work-dir] [passes]
 * }</pre>
 * The indexes are built in {@code work-dir} (default {@code $TMPDIR/replybook-scope-bench-<size>}) and reused by the
 * next run of the same size.
 */
public final class ShopScopeLatency {

    static final int SHOPS = 20;
    static final int AGENTS = 100;

    private ShopScopeLatency() {
    }

    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        Path dir = args.length > 1 ? Path.of(args[1])
                : Path.of(System.getProperty("java.io.tmpdir"), "replybook-scope-bench-" + size);
        int passes = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Entry> library = BenchEntries.generate(size, BenchEntries.evalDir());
        List<Entry> scoped = new ArrayList<>(library.size());
        for (int i = 0; i < library.size(); i++) scoped.add(spread(library.get(i), i));
        List<String> queries = BenchEntries.queries(BenchEntries.evalDir());
        try (EntryIndex today = open(dir.resolve("today"), library, size, "library of the whole team");
             EntryIndex shops = open(dir.resolve("shops"), scoped, size, SHOPS + " shops")) {
            EntrySearcher before = EntrySearcher.over(today);
            EntrySearcher after = EntrySearcher.over(shops);
            for (String q : queries) { // warm-up pass: the JIT compiles both paths
                before.search(SearchRequest.of(q, 10));
                after.search(inShop(q, 0));
                after.search(limited(q, 0));
            }
            int n = queries.size() * passes;
            Timings unscoped = new Timings(n), inShop = new Timings(n), limited = new Timings(n);
            for (int p = 0, k = 0; p < passes; p++) {
                for (String q : queries) {
                    unscoped.time(k, () -> before.search(SearchRequest.of(q, 10)));
                    final int at = k;
                    inShop.time(k, () -> after.search(inShop(q, at)));
                    limited.time(k++, () -> after.search(limited(q, at)));
                }
            }
            unscoped.print(size, "today: every entry, no scope        ");
            inShop.print(size, "one shop + own snippets (widget)    ");
            limited.print(size, "user of 3 shops, no shop named      ");
            System.out.printf("[%d] p99 ratio to today: one shop wall %.2f cpu %.2f | 3 shops wall %.2f cpu %.2f"
                            + " (target: within 1.10)%n", size, inShop.wallP99() / unscoped.wallP99(),
                    inShop.cpuP99() / unscoped.cpuP99(), limited.wallP99() / unscoped.wallP99(),
                    limited.cpuP99() / unscoped.cpuP99());
        }
    }

    /**
     * Entry {@code i} of the library spread over the shops: every tenth of every shop, every hundredth (of the rest)
     * a personal snippet of one of {@value #AGENTS} agents, the others round-robin over {@value #SHOPS} shops.
     */
    static Entry spread(Entry e, int i) {
        List<String> shops = i % 10 == 0 ? List.of() : List.of(shop(i));
        boolean personal = i % 10 != 0 && i % 100 == 1;
        return new Entry(e.id(), e.key(), e.locale(), e.category(), e.tags(), e.problem(), e.questions(), e.cause(),
                e.script(), e.smsScript(), e.reviewScript(), e.diagnostics(), e.actions(), e.acceptedFallbacks(),
                e.status(), e.owner(),
                e.verifyEveryDays(), e.verifiedAt(), e.version(), e.createdAt(), personal ? agent(i) : e.createdBy(),
                e.updatedAt(), e.updatedBy(), shops, personal ? Visibility.PERSONAL : Visibility.TEAM, e.toneScripts());
    }

    static String shop(int i) {
        return "shop-%02d".formatted(i % SHOPS + 1);
    }

    static String agent(int i) {
        return "agent-%03d".formatted(i % AGENTS);
    }

    /** A ticket search in one shop by an agent, as the widget sends it (the shop and agent rotate). */
    static SearchRequest inShop(String q, int k) {
        return new SearchRequest(q, 10, null, null, List.of(), Set.of(EntryStatus.PUBLISHED), false,
                new EntryScope(List.of(shop(k)), agent(k), false));
    }

    /** A search by a user limited to three shops who names none. */
    static SearchRequest limited(String q, int k) {
        return new SearchRequest(q, 10, null, null, List.of(), Set.of(EntryStatus.PUBLISHED), false,
                new EntryScope(List.of(shop(k), shop(k + 7), shop(k + 13)), agent(k), false));
    }

    private static EntryIndex open(Path dir, List<Entry> entries, int size, String what) throws Exception {
        Files.createDirectories(dir);
        long start = System.nanoTime();
        EntryIndex index = EntryIndex.open(dir, BenchEntries.feed(entries), EntryVectors.NONE);
        if (!index.awaitReady(Duration.ofMinutes(30))) throw new IllegalStateException("index not ready");
        System.out.printf("[%d] index of the %s %s in %.1f s%n", size, what,
                index.opening() == EntryIndex.Opening.REUSED ? "reopened" : "built", (System.nanoTime() - start) / 1e9);
        return index;
    }

    /** Wall and on-CPU times of one kind of search, in nanoseconds. */
    private static final class Timings {
        private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
        final long[] wall;
        final long[] cpu;
        long hits; // a scope that found nothing would be fast for the wrong reason

        Timings(int n) {
            wall = new long[n];
            cpu = new long[n];
        }

        void time(int k, Supplier<SearchResult> search) {
            long c0 = MX.getCurrentThreadCpuTime(), w0 = System.nanoTime();
            SearchResult result = search.get();
            wall[k] = System.nanoTime() - w0;
            cpu[k] = MX.getCurrentThreadCpuTime() - c0;
            hits += result.hits().size();
        }

        double wallP99() {
            return pct(wall, .99);
        }

        double cpuP99() {
            return pct(cpu, .99);
        }

        void print(int size, String label) {
            System.out.printf("[%d] %s n=%d  wall p50 %.2f ms p99 %.2f ms  |  cpu mean %.2f ms p50 %.2f ms p99 %.2f ms"
                            + "  |  hits/search %.1f%n", size, label, wall.length, pct(wall, .5), wallP99(),
                    Arrays.stream(cpu).average().orElse(0) / 1e6, pct(cpu, .5), cpuP99(), (double) hits / wall.length);
        }

        private static double pct(long[] values, double p) {
            long[] s = values.clone();
            Arrays.sort(s);
            return s[Math.min(s.length - 1, (int) Math.ceil(p * s.length) - 1)] / 1e6;
        }
    }
}
