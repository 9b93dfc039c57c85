package com.replybook.kb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.web.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replybook's search (over HTTP, against a running server holding the corpus) and PostgreSQL full-text search
 * (same corpus, same queries) in one run: relevance per labelled set (Recall@1, Recall@3, MRR@10, judged by
 * entry family, see {@link BenchCorpus#family}) and throughput/latency with the same number of concurrent clients.
 *
 * <pre>{@code
 * REPLYBOOK_ADMIN_TOKEN=… java -cp … com.replybook.kb.bench.SideBySide --url http://127.0.0.1:18080 \
 *     --corpus corpus-100000.ndjson --pg-dir target/bench/pg [--eval-dir ../shared/eval] [--threads 16] [--seconds 15]
 * }</pre>
 */
public final class SideBySide {

    /** Top-10 keys for a text; one per thread. */
    interface Engine extends LoadRun.Client {
        List<String> top10(String text) throws Exception;
    }

    private SideBySide() {
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args, "url", "corpus", "pg-dir", "eval-dir", "threads", "seconds");
        List<QuerySet> sets = QuerySet.all(a.path("eval-dir"));
        List<String> texts = QuerySet.texts(sets);
        int threads = a.integer("threads", 16);
        double seconds = a.integer("seconds", 15);
        String url = a.required("url");
        String token = Bench.token();
        Map<String, LoadRun.ClientFactory> engines = new LinkedHashMap<>();
        engines.put("replybook", () -> replybook(url, token, texts));
        try (PostgresFts pg = PostgresFts.start(Path.of(a.required("pg-dir")))) {
            System.out.printf("postgresql %s: loaded and indexed %s in %.1f s%n", pg.version(), a.required("corpus"),
                    pg.load(Path.of(a.required("corpus"))));
            for (PostgresFts.Method m : PostgresFts.Method.values()) engines.put(m.label(), () -> postgres(pg, m, texts));
            for (Map.Entry<String, LoadRun.ClientFactory> e : engines.entrySet()) {
                relevance(e.getKey(), e.getValue(), sets);
            }
            System.out.printf("%nthroughput: %d clients, %.0f s each, %d query texts rotated%n", threads, seconds, texts.size());
            for (Map.Entry<String, LoadRun.ClientFactory> e : engines.entrySet()) {
                LoadRun.run(e.getValue(), texts.size(), threads, 3);    // warm-up
                System.out.printf("  %-16s %s%n", e.getKey(), LoadRun.run(e.getValue(), texts.size(), threads, seconds));
            }
        }
    }

    private static void relevance(String name, LoadRun.ClientFactory factory, List<QuerySet> sets) throws Exception {
        try (Engine engine = (Engine) factory.open()) {
            for (QuerySet set : sets) {
                List<QuerySet.Query> in = set.inScope();
                double r1 = 0, r3 = 0, mrr = 0;
                long start = System.nanoTime();
                for (QuerySet.Query q : in) {
                    int rank = rank(engine.top10(q.text()), q.expected());
                    if (rank == 1) r1++;
                    if (rank >= 1 && rank <= 3) r3++;
                    if (rank >= 1) mrr += 1.0 / rank;
                }
                double ms = (System.nanoTime() - start) / 1e6 / Math.max(1, in.size());
                System.out.printf("relevance %-16s %-18s n=%4d  R@1 %.3f  R@3 %.3f  MRR@10 %.3f  (%.2f ms/query, 1 client)%n",
                        name, set.name(), in.size(), r1 / in.size(), r3 / in.size(), mrr / in.size(), ms);
            }
        }
    }

    /** 1-based rank of the first hit of the expected entry's family, or 0. */
    static int rank(List<String> keys, String expected) {
        for (int i = 0; i < keys.size(); i++) {
            if (BenchCorpus.family(keys.get(i)).equals(expected)) return i + 1;
        }
        return 0;
    }

    private static Engine replybook(String url, String token, List<String> texts) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new Engine() {
            public List<String> top10(String text) throws Exception {
                HttpRequest req = HttpRequest.newBuilder(URI.create(url + "/api/v1/search?limit=10&q="
                                + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                        .header("Authorization", "Bearer " + token).build();
                HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (resp.statusCode() != 200) throw new IllegalStateException(resp.statusCode() + " " + resp.body());
                List<String> keys = new ArrayList<>();
                for (JsonNode hit : Json.MAPPER.readTree(resp.body()).path("hits")) keys.add(hit.path("key").asText());
                return keys;
            }

            public void call(int i) throws Exception {
                top10(texts.get(i));
            }

            public void close() {
                http.close();
            }
        };
    }

    private static Engine postgres(PostgresFts pg, PostgresFts.Method method, List<String> texts) throws Exception {
        PostgresFts.Searcher s = pg.new Searcher(method);
        return new Engine() {
            public List<String> top10(String text) throws Exception {
                return s.top10(text);
            }

            public void call(int i) throws Exception {
                s.top10(texts.get(i));
            }

            public void close() throws Exception {
                s.close();
            }
        };
    }
}
