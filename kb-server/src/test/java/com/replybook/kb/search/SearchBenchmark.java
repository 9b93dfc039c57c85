package com.replybook.kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.search.analysis.Synonyms;
import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.index.MemoryFeed;
import com.replybook.kb.search.ranking.HybridFusion;
import com.replybook.kb.search.ranking.RankingWeights;
import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.search.semantic.EntryEmbedding;
import com.replybook.kb.search.semantic.EntryVectors;
import org.apache.lucene.search.KnnFloatVectorQuery;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-side search benchmark on a generated corpus (the sample library multiplied with varied products, wording
 * and locales): full index rebuild time (stored vectors reused), lexical search, type-ahead and hybrid search
 * latency percentiles, lexical throughput with as many threads as cores, and heap with the models loaded.
 * Run with {@code scripts/search-bench 100000}. Numbers depend on the machine's load: run it on a quiet machine.
 */
public final class SearchBenchmark {

    static final String[] ZH_PRODUCTS = {"连衣裙", "蓝牙耳机", "行李箱", "电饭煲", "运动鞋", "面霜", "保温杯", "手机壳",
            "羽绒服", "儿童玩具", "床单四件套", "咖啡机", "机械键盘", "登山包", "茶叶礼盒", "智能手表"};
    static final String[] EN_PRODUCTS = {"dress", "headphones", "suitcase", "rice cooker", "sneakers", "face cream",
            "thermos", "phone case", "down jacket", "toy car", "bed sheets", "coffee machine", "keyboard", "backpack"};
    static final String[] ZH_PREFIX = {"", "亲，", "你好，", "急！", "请问", "麻烦看下，"};
    static final String[] EN_PREFIX = {"", "hi, ", "hello, ", "urgent: ", "please help, "};

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--write-ndjson")) {
            writeNdjson(Integer.parseInt(args[1]), Path.of(args[2]));
            return;
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean hybrid = Boolean.parseBoolean(System.getProperty("search.semantic", "true"));
        Path repo = Path.of(".");
        List<Entry> base = sample(repo);
        Embedders embedders = hybrid ? new Embedders() : null;
        Map<String, EntryEmbedding> baseVectors = new HashMap<>();
        if (hybrid) for (Entry e : base) baseVectors.put(e.key(), embedders.entry(e));
        List<Entry> corpus = generate(base, n, new Random(42));
        MemoryFeed feed = new MemoryFeed();
        corpus.forEach(feed::put);
        // Variants reuse their base entry's embedding (no model runs during a rebuild either), with the centroid
        // moved slightly (cosine ~0.95 to the base): a real variant, with its own product and wording, embeds
        // nearby but not identically, and thousands of identical vectors would make the HNSW graph degenerate.
        EntryVectors vectors = hybrid ? e -> jitter(baseVectors.get(e.key().substring(0, e.key().lastIndexOf('~'))),
                e.key().hashCode()) : EntryVectors.NONE;
        Path dir = Files.createTempDirectory("search-bench");
        long t0 = System.nanoTime();
        try (EntryIndex index = EntryIndex.open(dir, feed, vectors, SearchEvaluation.settings().whitening())) {
            index.awaitReady(Duration.ofMinutes(30));
            System.out.printf("entries %d, full rebuild %.1f s (searchable)%n", n, (System.nanoTime() - t0) / 1e9);
            // Until the merge has built the graphs, a nearest-neighbour search compares with every vector.
            List<Long> whileMerging = new ArrayList<>();
            while (index.merging()) {
                if (hybrid) whileMerging.add(nearest(index, base, baseVectors, whileMerging.size()));
                else Thread.sleep(100);
            }
            index.refresh();
            System.out.printf("merged into one segment%s %.1f s after the start%n", hybrid ? " with its vector graphs" : "",
                    (System.nanoTime() - t0) / 1e9);
            if (hybrid) {
                report("nearest-neighbour search while merging", whileMerging.stream().mapToLong(Long::longValue).toArray());
                long[] after = new long[Math.max(whileMerging.size(), 200)];
                for (int i = 0; i < after.length; i++) after[i] = nearest(index, base, baseVectors, i);
                report("nearest-neighbour search after the merge", after);
            }
            long fitting = System.nanoTime();
            index.whitening().awaitFits(Duration.ofMinutes(5)); // not measured into the searches' latency
            System.out.printf("query whitening fitted %.1f s after ready%n", (System.nanoTime() - fitting) / 1e9);
            if (Boolean.getBoolean("bench.rebuildOnly")) return;
            Synonyms synonyms = new Synonyms(SearchEvaluation.seedSynonyms());
            EntrySearcher lexical = new EntrySearcher(index, synonyms, RankingWeights.DEFAULT);
            List<String> queries = queries(repo);
            measure("lexical search", queries, 3, q -> lexical.search(SearchRequest.of(q, 10)));
            List<String> prefixes = queries.stream().map(q -> q.substring(0, Math.min(q.length(), 1 + (q.length() % 3))))
                    .toList();
            measure("type-ahead", prefixes, 3, q -> lexical.suggest(SearchRequest.of(q, 8)));
            throughput("lexical search", queries, lexical, Runtime.getRuntime().availableProcessors(), 10);
            if (hybrid) {
                EntrySearcher fused = new EntrySearcher(index, synonyms, RankingWeights.DEFAULT, embedders,
                        HybridFusion.LEXICAL_WEIGHT, SearchSettings.DEFAULTS.cascade());
                measure("hybrid, first time (embeds the query)", queries, 1, q -> fused.search(SearchRequest.of(q, 10)));
                // The pass above also compiles the dense path; texts never seen before, on a warmed JVM, are what a
                // running server embeds. Two passes of new openers: the first finishes the compilation.
                measure("hybrid, new texts, first pass", unseen(queries, 1), 1, q -> fused.search(SearchRequest.of(q, 10)));
                measure("hybrid, new texts, warmed JVM", unseen(queries, 2), 1, q -> fused.search(SearchRequest.of(q, 10)));
                throughput("hybrid (new texts)", withOrderNumbers(queries, 20_000), fused,
                        Runtime.getRuntime().availableProcessors(), 10);
                measure("hybrid, cached query vector", queries, 2, q -> fused.search(SearchRequest.of(q, 10)));
                throughput("hybrid (cached vectors)", queries, fused, Runtime.getRuntime().availableProcessors(), 10);
            }
            System.gc();
            Thread.sleep(500);
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            System.out.printf("heap used after GC: %d MB%n", heap / (1024 * 1024));
        }
    }

    /** Nanoseconds of one 50-nearest search with base entry {@code i}'s (cyclic) centroid, in its space. */
    private static long nearest(EntryIndex index, List<Entry> base, Map<String, EntryEmbedding> vectors, int i)
            throws Exception {
        Entry e = base.get(i % base.size());
        Embedders.Space space = Embedders.Space.of(e);
        float[] v = vectors.get(e.key()).centroid();
        long start = System.nanoTime();
        index.withSearcher(s -> s.search(new KnnFloatVectorQuery(space.field, v, 50), 50));
        return System.nanoTime() - start;
    }

    interface Op {
        void run(String q) throws Exception;
    }

    /** {@code base} with its centroid moved by seeded Gaussian noise to a cosine of about 0.95, normalised. */
    public static EntryEmbedding jitter(EntryEmbedding base, long seed) {
        if (base == null) return null;
        float[] c = base.centroid().clone();
        Random random = new Random(seed);
        double sigma = Math.sqrt(0.108 / c.length);
        double norm = 0;
        for (int i = 0; i < c.length; i++) {
            c[i] += (float) (random.nextGaussian() * sigma);
            norm += c[i] * c[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < c.length; i++) c[i] *= scale;
        return new EntryEmbedding(c, base.examples());
    }

    static void measure(String name, List<String> queries, int rounds, Op op) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (String q : queries) {
                long t = System.nanoTime();
                op.run(q);
                if (r > 0 || rounds == 1) nanos.add(System.nanoTime() - t);
            }
        }
        report(name, nanos.stream().mapToLong(Long::longValue).toArray());
    }

    static void report(String name, long[] nanos) {
        if (nanos.length == 0) {
            System.out.printf("%-40s n=0%n", name);
            return;
        }
        long[] s = nanos.clone();
        java.util.Arrays.sort(s);
        System.out.printf("%-40s n=%d p50 %.2f ms  p99 %.2f ms  max %.2f ms%n", name, s.length, s[s.length / 2] / 1e6,
                s[(int) Math.ceil(0.99 * s.length) - 1] / 1e6, s[s.length - 1] / 1e6);
    }

    static void throughput(String name, List<String> queries, EntrySearcher searcher, int threads, int seconds)
            throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 97;
            Thread w = new Thread(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    searcher.search(SearchRequest.of(queries.get(i % queries.size()), 10));
                    done.incrementAndGet();
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) w.join();
        System.out.printf("%-40s %d threads: %.0f searches/s%n", name + " throughput", threads,
                done.get() / (double) seconds);
    }

    static List<Entry> sample(Path repo) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Entry> out = new ArrayList<>();
        for (String locale : List.of("zh-CN", "zh-TW", "en")) {
            for (JsonNode n : json.readTree(repo.resolve("kb-server/src/main/resources/sample/entries." + locale
                    + ".json").toFile())) {
                List<String> qs = new ArrayList<>();
                n.path("questions").forEach(q -> qs.add(q.asText()));
                List<String> actions = new ArrayList<>();
                n.path("actions").forEach(a -> actions.add(a.asText()));
                out.add(new Entry(n.get("key").asText(), n.get("key").asText(), n.get("locale").asText(),
                        n.path("category").asText(), List.of(), n.path("problem").asText(), qs,
                        n.path("cause").asText(""), n.path("script").asText(""), "", "", List.of(), actions,
                        EntryStatus.PUBLISHED, "bench", 90, null, 0, Instant.now(), "bench", Instant.now(), "bench"));
            }
        }
        return out;
    }

    /** {@code n} variants of the sample entries: a product named in the problem and questions, varied openers. */
    static List<Entry> generate(List<Entry> base, int n, Random random) {
        List<Entry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Entry b = base.get(i % base.size());
            boolean zh = b.locale().startsWith("zh");
            String product = zh ? ZH_PRODUCTS[random.nextInt(ZH_PRODUCTS.length)]
                    : EN_PRODUCTS[random.nextInt(EN_PRODUCTS.length)];
            String[] prefixes = zh ? ZH_PREFIX : EN_PREFIX;
            List<String> qs = new ArrayList<>();
            for (String q : b.questions()) {
                String p = prefixes[random.nextInt(prefixes.length)];
                qs.add(random.nextInt(3) == 0 ? p + q + (zh ? "（" + product + "）" : " (" + product + ")") : p + q);
            }
            String problem = (zh ? "【" + product + "】" : "[" + product + "] ") + b.problem();
            String key = b.key() + "~" + i;
            out.add(new Entry(key, key, b.locale(), b.category() + "/" + product, List.of(product), problem, qs,
                    b.cause(), b.script(), "", "", List.of(), b.actions(), EntryStatus.PUBLISHED, "bench", 90, null, 0,
                    Instant.now(), "bench", Instant.now(), "bench"));
        }
        return out;
    }

    /** Writes the generated corpus as import files of 10,000 entries each ({@code corpus-0.ndjson}, …). */
    static void writeNdjson(int n, Path dir) throws Exception {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        List<Entry> corpus = generate(sample(Path.of(".")), n, new Random(42));
        for (int file = 0; file * 10_000 < n; file++) {
            StringBuilder out = new StringBuilder();
            for (Entry e : corpus.subList(file * 10_000, Math.min(n, (file + 1) * 10_000))) {
                Map<String, Object> m = new java.util.LinkedHashMap<>();
                m.put("key", e.key().replace('~', '-').replace(".", "-") + "-v");
                m.put("locale", e.locale());
                m.put("category", e.category());
                m.put("tags", e.tags());
                m.put("problem", e.problem());
                m.put("questions", e.questions());
                m.put("cause", e.cause());
                m.put("script", e.script());
                m.put("actions", e.actions());
                m.put("status", "published");
                out.append(json.writeValueAsString(m)).append('\n');
            }
            Files.writeString(dir.resolve("corpus-" + file + ".ndjson"), out);
        }
    }

    /**
     * The distinct {@code queries}, each behind an opener of its language it has not had ({@code ZH_PREFIX[k]},
     * {@code EN_PREFIX[k]}): texts whose vectors no cache holds yet.
     */
    static List<String> unseen(List<String> queries, int k) {
        return queries.stream().distinct()
                .map(q -> (Embedders.Space.ofText(q) == Embedders.Space.ZH ? ZH_PREFIX[k] : EN_PREFIX[k]) + q)
                .toList();
    }

    /** {@code n} distinct texts: the distinct queries in turn, each with an order number of its own. */
    static List<String> withOrderNumbers(List<String> queries, int n) {
        List<String> distinct = queries.stream().distinct().toList();
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(distinct.get(i % distinct.size()) + " #" + (880_000 + i));
        return out;
    }

    /** The benchmark's queries: the zh-shop dev messages and common English ones. */
    static List<String> queries(Path repo) throws Exception {
        List<String> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(repo.resolve("kb-server/src/test/resources/eval/zh-shop/queries_dev.jsonl"))) {
            if (!line.isBlank()) out.add(json.readTree(line).get("text").asText());
        }
        List<String> en = new ArrayList<>(List.of("where is my refund", "my parcel has not arrived yet",
                "the item arrived broken", "I want to cancel my order", "wrong size, how do I exchange",
                "can I change the delivery address", "price dropped right after I bought it", "I need an invoice",
                "package says delivered but I never got it", "the colour faded after one wash"));
        for (int i = 0; i < 20; i++) out.addAll(en);
        return out;
    }
}
