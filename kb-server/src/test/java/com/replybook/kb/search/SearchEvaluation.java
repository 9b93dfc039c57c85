package com.replybook.kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replybook.kb.db.Database;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.search.analysis.Synonyms;
import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.index.MemoryFeed;
import com.replybook.kb.search.ranking.HybridFusion;
import com.replybook.kb.search.ranking.RankingWeights;
import com.replybook.kb.search.ranking.QueryCascade;
import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.search.semantic.OnnxSettings;
import com.replybook.kb.search.semantic.EntryVectors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The search evaluation command: indexes each labelled set in-process (the real analyzers, index and ranking,
 * the seeded synonyms) and prints Recall@1, Recall@3, MRR@10, the confidence figures and the latency per set.
 *
 * <p>Run it with {@code scripts/search-eval} from the repository root. Sets: every folder of
 * {@code ../shared/eval} with {@code faq_entries.jsonl} and {@code queries_dev.jsonl}, and {@code zh-shop}
 * (the sample library's zh-CN entries against {@code kb-server/src/test/resources/eval/zh-shop}).
 * In-scope metrics skip queries whose {@code expected} is null; those count for "out-of-scope not confident".
 * {@code -Dsearch.eval.sets=bitext,zh-shop} limits the sets, {@code -Dsearch.eval.fold=A|B} the queries to one
 * deterministic half of each set ({@link #fold}). {@code -Dsearch.eval.learn=A|B} measures questions learned from
 * agents' searches ({@link #learnedFrom}): each set twice on the other half, as it is and after learning.
 */
public final class SearchEvaluation {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Query(String qid, String lang, String text, String expected, JsonNode meta) {
    }

    record EvalSet(String name, List<Entry> entries, List<Query> queries) {
    }

    /** Per-query outcome: rank of the expected entry (0 = not in the top 10), confidence, latency. */
    record Outcome(Query query, int rank, boolean confident, long nanos, double similarity, double coverage,
                   boolean completed) {
    }

    /** -Dsearch.semantic=false evaluates lexical search alone. */
    static final boolean SEMANTIC = Boolean.parseBoolean(System.getProperty("search.semantic", "true"));
    /**
     * -Dsearch.eval.leaveOut=bge-small-en-v1.5-q measures a space without the models named (comma-separated);
     * -Dsearch.eval.onnx=1,basic,true runs the models as --embedding-threads, -optimization and -memory-arena would.
     */
    static final Embedders EMBEDDERS = SEMANTIC ? new Embedders(onnx(),
            Arrays.stream(System.getProperty("search.eval.leaveOut", "").split(",")).map(String::strip)
                    .filter(s -> !s.isEmpty()).collect(Collectors.toSet())) : null;
    static final SearchSettings SETTINGS = settings();
    static final String PROBE = System.getProperty("search.eval.probe");

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        Path shared = repo.resolve(args.length > 1 ? args[1] : "../shared/eval").normalize();
        List<EvalSet> sets = new ArrayList<>();
        try (var dirs = Files.list(shared)) {
            for (Path d : dirs.sorted().toList()) {
                if (Files.exists(d.resolve("faq_entries.jsonl"))) sets.add(sharedSet(d));
            }
        }
        sets.add(zhShop(repo));
        String only = System.getProperty("search.eval.sets");
        if (only != null) sets.removeIf(s -> !List.of(only.split(",")).contains(s.name));
        String learn = System.getProperty("search.eval.learn");
        if (learn != null) sets = learnedFrom(sets, learn);
        String fold = System.getProperty("search.eval.fold");
        if (fold != null) sets.replaceAll(s -> new EvalSet(s.name, s.entries, s.queries.stream()
                .filter(q -> fold(q.text).equals(fold)).toList()));
        Synonyms synonyms = new Synonyms(seedSynonyms());
        System.out.printf("%-18s %6s %6s %6s %7s %7s %9s %9s %8s %8s %9s%n", "set", "n", "R@1", "R@3", "MRR@10",
                "conf+", "oos-unsure", "n-oos", "p50 ms", "p99 ms", "completed");
        String ranksFile = System.getProperty("search.eval.ranks");
        List<String> ranks = new ArrayList<>();
        for (EvalSet set : sets) {
            List<Outcome> outcomes = run(set, synonyms);
            if (outcomes.isEmpty()) continue; // probed only
            print(set.name, outcomes);
            for (Outcome o : outcomes) {
                ranks.add(set.name + "\t" + o.rank + "\t" + o.confident + "\t" + o.query.expected + "\t" + o.query.text);
            }
            if (Boolean.getBoolean("search.eval.sweep")) sweep(outcomes);
            if (set.name.startsWith("zh-shop")) {
                print("  zh-shop simpl.", filter(outcomes, o -> o.query.lang.equals("zh-CN")));
                print("  zh-shop trad.", filter(outcomes, o -> o.query.lang.equals("zh-TW")));
                // Traditional conversions of simplified messages next to their originals: what folding alone does
                // (the two lines above also differ in which messages they hold).
                Set<String> paired = outcomes.stream().filter(o -> o.query.lang.equals("zh-TW"))
                        .map(o -> o.query.meta.path("pair").asText("")).filter(q -> !q.isEmpty())
                        .collect(Collectors.toSet());
                print("  trad. conversions", filter(outcomes, o -> o.query.lang.equals("zh-TW")
                        && !o.query.meta.path("pair").asText("").isEmpty()));
                print("  their originals", filter(outcomes, o -> paired.contains(o.query.qid)));
                for (String style : List.of("colloquial", "typo", "pinyin", "mixed-en", "long-message")) {
                    print("  " + style, filter(outcomes, o -> style.equals(o.query.meta.path("style").asText())));
                }
            }
        }
        // One line per query (set, rank or 0, confident, expected key, text): to diff two versions query by query.
        if (ranksFile != null) Files.write(Path.of(ranksFile), ranks);
    }

    /** How the models run: {@code -Dsearch.eval.onnx=threads,optimization,arena,shared}, or the server's defaults. */
    static OnnxSettings onnx() {
        String onnx = System.getProperty("search.eval.onnx");
        if (onnx == null) return OnnxSettings.DEFAULTS;
        String[] p = onnx.split(",");
        return new OnnxSettings(Integer.parseInt(p[0].strip()), p[1].strip(), Boolean.parseBoolean(p[2].strip()),
                p.length > 3 && Boolean.parseBoolean(p[3].strip()));
    }

    /**
     * The settings searched with: the defaults, or for tuning runs {@code -Dsearch.whiten.spaces=EN,ZH} (empty: no
     * space whitened), {@code -Dsearch.whiten.shrinkage=0.9} and {@code -Dsearch.eval.cascade=OFF|ON|FIRST_ONLY}.
     */
    static SearchSettings settings() {
        String spaces = System.getProperty("search.whiten.spaces");
        String shrinkage = System.getProperty("search.whiten.shrinkage");
        String cascade = System.getProperty("search.eval.cascade");
        return new SearchSettings(cascade == null ? SearchSettings.DEFAULTS.cascade() : QueryCascade.valueOf(cascade),
                spaces == null ? SearchSettings.DEFAULTS.whitenedSpaces()
                : Arrays.stream(spaces.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .map(SearchSettings.Space::valueOf).collect(Collectors.toSet()),
                shrinkage == null ? SearchSettings.DEFAULTS.whiteningShrinkage() : Double.parseDouble(shrinkage));
    }

    /**
     * Questions learned from agents' searches, measured: the in-scope queries of fold {@code fold} are replayed as
     * agents' typed searches, each in two tickets and followed there by an insert of its expected entry; the
     * suggestions {@link LearnedQuestions} makes of them (two tickets or more, not already a question) are all
     * accepted into the entries' questions. Each set then comes twice, both with the queries of the other fold only:
     * as it is, and named {@code <set>+learned} with the learned questions.
     */
    static List<EvalSet> learnedFrom(List<EvalSet> sets, String fold) {
        List<EvalSet> out = new ArrayList<>();
        for (EvalSet set : sets) {
            List<Query> held = set.queries.stream().filter(q -> !fold(q.text).equals(fold)).toList();
            List<LearnedQuestions.Event> events = new ArrayList<>();
            Instant t = Instant.parse("2026-12-01T00:00:00Z");
            int n = 0;
            for (Query q : set.queries) {
                if (q.expected == null || !fold(q.text).equals(fold)) continue;
                for (String ticket : List.of(q.qid + "-1", q.qid + "-2")) {
                    t = t.plusSeconds(60);
                    events.add(new LearnedQuestions.Event("rt", ticket, t, q.text, null));
                    events.add(new LearnedQuestions.Event("rt", ticket, t.plusSeconds(20), null, q.expected));
                }
                n++;
            }
            Map<String, Set<String>> excluded = new java.util.HashMap<>();
            for (Entry e : set.entries) {
                Set<String> own = new java.util.HashSet<>();
                own.add(LearnedQuestions.normalize(e.problem()));
                e.questions().forEach(x -> own.add(LearnedQuestions.normalize(x)));
                excluded.put(e.id(), own);
            }
            Map<String, List<LearnedQuestions.Suggestion>> learned = LearnedQuestions.suggest(events, excluded);
            List<Entry> entries = set.entries.stream().map(e -> withQuestions(e, learned.getOrDefault(e.id(), List.of()))).toList();
            System.out.printf("%s: %d queries of fold %s replayed, %d questions learned%n", set.name, n, fold,
                    learned.values().stream().mapToInt(List::size).sum());
            out.add(new EvalSet(set.name, set.entries, held));
            out.add(new EvalSet(set.name + "+learned", entries, held));
        }
        return out;
    }

    private static Entry withQuestions(Entry e, List<LearnedQuestions.Suggestion> accepted) {
        List<String> questions = new ArrayList<>(e.questions());
        accepted.forEach(s -> questions.add(s.text()));
        return entry(e.key(), e.locale(), e.category(), e.problem(), questions, e.cause(), e.script(), e.actions());
    }

    /**
     * The half of a set a query belongs to, {@code A} or {@code B}, by the parity of the SHA-1 of its text: for
     * 2-fold checks of a tuned parameter ({@code -Dsearch.eval.fold=A|B}), choosing it on one half and reporting
     * it on the other.
     */
    static String fold(String text) {
        try {
            byte[] sha = java.security.MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return (sha[sha.length - 1] & 1) == 0 ? "A" : "B";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Outcome> filter(List<Outcome> all, java.util.function.Predicate<Outcome> p) {
        return all.stream().filter(p).toList();
    }

    static List<Outcome> run(EvalSet set, Synonyms synonyms) throws Exception {
        MemoryFeed feed = new MemoryFeed();
        set.entries.forEach(feed::put);
        Path dir = Files.createTempDirectory("search-eval");
        EntryVectors vectors = SEMANTIC ? EMBEDDERS::entry : EntryVectors.NONE;
        try (EntryIndex index = EntryIndex.open(dir, feed, vectors, SETTINGS.whitening())) {
            if (!index.awaitReady(Duration.ofMinutes(10))) throw new IllegalStateException("index not ready");
            // Every query ranked with the whitening, as a server does once it has fitted it.
            if (!index.whitening().awaitFits(Duration.ofMinutes(10))) throw new IllegalStateException("no fit");
            float lexicalWeight = Float.parseFloat(System.getProperty("search.weight.lexical",
                    Float.toString(HybridFusion.LEXICAL_WEIGHT)));
            EntrySearcher searcher = new EntrySearcher(index, synonyms, RankingWeights.fromSystemProperties(),
                    EMBEDDERS, lexicalWeight, SETTINGS.cascade());
            if (PROBE != null) {
                probe(set, index, synonyms, lexicalWeight);
                return List.of();
            }
            for (Query q : set.queries.subList(0, Math.min(50, set.queries.size()))) {
                searcher.search(SearchRequest.of(q.text, 10)); // warm-up
            }
            List<Outcome> out = new ArrayList<>();
            for (Query q : set.queries) {
                long t0 = System.nanoTime();
                EntrySearcher.Ranked ranked = searcher.searchRanked(SearchRequest.of(q.text, 10));
                long nanos = System.nanoTime() - t0;
                out.add(new Outcome(q, rank(ranked, q), ranked.result().confident(), nanos, ranked.similarity(),
                        ranked.coverage(), ranked.completed()));
            }
            return out;
        }
    }

    private static int rank(EntrySearcher.Ranked ranked, Query q) {
        List<SearchHit> hits = ranked.result().hits();
        for (int i = 0; i < hits.size(); i++) if (hits.get(i).key().equals(q.expected)) return i + 1;
        return 0;
    }

    /**
     * {@code -Dsearch.eval.probe=FILE}: each query ranked by its space's first model alone, then by every model,
     * one line each (set, fold, expected, rank, confident, similarity, coverage, then the same for the first
     * stage and its signals: the lexical first hit's shortfall, the fused first hit's lead, the twin cosine): to choose
     * {@link QueryCascade}'s rule offline.
     */
    private static void probe(EvalSet set, EntryIndex index, Synonyms synonyms, float lexicalWeight) throws IOException {
        RankingWeights weights = RankingWeights.fromSystemProperties();
        EntrySearcher first = new EntrySearcher(index, synonyms, weights, EMBEDDERS, lexicalWeight,
                QueryCascade.FIRST_ONLY);
        EntrySearcher all = new EntrySearcher(index, synonyms, weights, EMBEDDERS, lexicalWeight, QueryCascade.OFF);
        List<String> lines = new ArrayList<>();
        for (Query q : set.queries) {
            EntrySearcher.Ranked a = first.searchRanked(SearchRequest.of(q.text, 10));
            EntrySearcher.Ranked b = all.searchRanked(SearchRequest.of(q.text, 10));
            QueryCascade.Signals sig = a.firstStage();
            lines.add(String.join("\t", set.name, fold(q.text), String.valueOf(q.expected),
                    String.valueOf(rank(b, q)), String.valueOf(b.result().confident()), String.valueOf(b.similarity()),
                    String.valueOf(b.coverage()), String.valueOf(rank(a, q)), String.valueOf(a.result().confident()),
                    String.valueOf(a.similarity()), String.valueOf(a.coverage()),
                    sig == null ? "" : String.valueOf(sig.shortfall()), sig == null ? "" : String.valueOf(sig.margin()),
                    sig == null ? "" : String.valueOf(sig.twins())));
        }
        Files.write(Path.of(PROBE), lines, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    static void print(String name, List<Outcome> outcomes) {
        List<Outcome> in = filter(outcomes, o -> o.query.expected != null);
        List<Outcome> oos = filter(outcomes, o -> o.query.expected == null);
        double r1 = in.stream().filter(o -> o.rank == 1).count() / (double) in.size();
        double r3 = in.stream().filter(o -> o.rank >= 1 && o.rank <= 3).count() / (double) in.size();
        double mrr = in.stream().mapToDouble(o -> o.rank == 0 ? 0 : 1.0 / o.rank).sum() / in.size();
        double confidentRight = in.stream().filter(o -> o.rank == 1 && o.confident).count() / (double) in.size();
        double oosUnsure = oos.isEmpty() ? Double.NaN
                : oos.stream().filter(o -> !o.confident).count() / (double) oos.size();
        long[] ns = outcomes.stream().mapToLong(Outcome::nanos).sorted().toArray();
        double completed = outcomes.stream().filter(Outcome::completed).count() / (double) outcomes.size();
        System.out.printf("%-18s %6d %6.3f %6.3f %7.3f %7.3f %9.3f %9d %8.2f %8.2f %9.3f%n", name, in.size(), r1, r3,
                mrr, confidentRight, oosUnsure, oos.size(), pct(ns, 0.50), pct(ns, 0.99), completed);
    }

    /** Prints, per similarity threshold, confident-and-right (in scope) and unsure (out of scope) rates. */
    static void sweep(List<Outcome> outcomes) {
        List<Outcome> in = filter(outcomes, o -> o.query.expected != null);
        List<Outcome> oos = filter(outcomes, o -> o.query.expected == null);
        for (double min : new double[]{0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7}) {
            for (double high : new double[]{0.7, 0.75, 0.8, 0.85, 0.9}) {
                for (double cov : new double[]{0.25, 0.5}) {
                    java.util.function.Predicate<Outcome> conf = o -> Double.isNaN(o.similarity)
                            ? o.coverage >= cov : o.similarity >= high || (o.similarity >= min && o.coverage >= cov);
                    double right = in.stream().filter(o -> o.rank == 1 && conf.test(o)).count() / (double) in.size();
                    double wrong = in.stream().filter(o -> o.rank != 1 && conf.test(o)).count() / (double) in.size();
                    double unsure = oos.isEmpty() ? Double.NaN
                            : oos.stream().filter(o -> !conf.test(o)).count() / (double) oos.size();
                    System.out.printf("    sweep min=%.2f high=%.2f cov=%.2f  conf-right=%.3f conf-wrong=%.3f oos-unsure=%.3f%n",
                            min, high, cov, right, wrong, unsure);
                }
            }
        }
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static EvalSet sharedSet(Path dir) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode n : jsonl(dir.resolve("faq_entries.jsonl"))) {
            List<String> examples = new ArrayList<>();
            n.path("examples").forEach(e -> examples.add(e.asText()));
            String problem = n.path("problem").isNull() ? n.path("title").asText() : n.path("problem").asText();
            entries.add(entry(n.get("id").asText(), n.get("lang").asText(), n.path("category").asText(""),
                    problem, examples, text(n, "cause"), text(n, "reply"),
                    n.path("action").isNull() ? List.of() : List.of(n.path("action").asText())));
        }
        return new EvalSet(dir.getFileName().toString(), entries, queries(dir.resolve("queries_dev.jsonl")));
    }

    static EvalSet zhShop(Path repo) throws IOException {
        List<Entry> entries = new ArrayList<>();
        JsonNode sample = JSON.readTree(repo.resolve("kb-server/src/main/resources/sample/entries.zh-CN.json").toFile());
        for (JsonNode n : sample) {
            if (!"published".equals(n.path("status").asText("published"))) continue;
            entries.add(entry(n.get("key").asText(), n.get("locale").asText(), n.path("category").asText(""),
                    n.path("problem").asText(), strings(n.path("questions")), text(n, "cause"), text(n, "script"),
                    strings(n.path("actions"))));
        }
        Path queries = repo.resolve("kb-server/src/test/resources/eval/zh-shop/queries_dev.jsonl");
        return new EvalSet("zh-shop", entries, queries(queries));
    }

    /**
     * The synonyms a new server starts with: the migrations run on a scratch SQLite file and the table read back, so
     * the figures are those of a new server whichever migrations seed or amend the lists.
     */
    static Map<String, String> seedSynonyms() throws IOException {
        Path dir = Files.createTempDirectory("seed-synonyms");
        Database db = Database.open("jdbc:sqlite:" + dir.resolve("seed.db"), null, null);
        try {
            return new SynonymStore(db).all();
        } finally {
            db.close();
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
    }

    private static List<Query> queries(Path file) throws IOException {
        return jsonl(file).stream().map(n -> new Query(n.get("qid").asText(), n.path("lang").asText(),
                n.get("text").asText(), n.path("expected").isNull() ? null : n.path("expected").asText(),
                n.path("meta"))).toList();
    }

    private static List<JsonNode> jsonl(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) if (!line.isBlank()) out.add(JSON.readTree(line));
        return out;
    }

    private static String text(JsonNode n, String field) {
        return n.path(field).isNull() || n.path(field).isMissingNode() ? "" : n.path(field).asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(e -> out.add(e.asText()));
        return out;
    }

    static Entry entry(String key, String locale, String category, String problem, List<String> questions,
                       String cause, String script, List<String> actions) {
        return new Entry(key, key, locale, category, List.of(), problem, questions, cause, script, "",
                "", List.of(), actions, EntryStatus.PUBLISHED, "eval", 0, null, 0, Instant.now(), "eval", Instant.now(), "eval");
    }
}
