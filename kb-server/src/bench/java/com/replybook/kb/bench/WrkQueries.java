package com.replybook.kb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.web.Json;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Writes the request paths that {@code wrk.lua} rotates through, one per line, URL-encoded:
 * {@code search.paths} (every labelled query), {@code suggest.paths} (what an agent has typed after 1–4
 * characters or 1–2 words) and {@code render.paths} (entries of the corpus to render).
 *
 * <pre>{@code
 * java -cp … com.replybook.kb.bench.WrkQueries --out target/bench/wrk --corpus corpus.ndjson [--eval-dir ../shared/eval]
 * }</pre>
 */
public final class WrkQueries {

    private WrkQueries() {
    }

    public static void main(String[] args) throws IOException {
        Args a = Args.parse(args, "out", "corpus", "eval-dir");
        Path out = Path.of(a.required("out"));
        Files.createDirectories(out);
        List<String> texts = QuerySet.texts(QuerySet.all(a.path("eval-dir")));
        Collections.shuffle(texts, new Random(7));
        List<String> search = texts.stream().map(t -> "/api/v1/search?limit=10&q=" + enc(t)).toList();
        List<String> suggest = prefixes(texts).stream().map(t -> "/api/v1/suggest?limit=8&q=" + enc(t)).toList();
        Files.write(out.resolve("search.paths"), search);
        Files.write(out.resolve("suggest.paths"), suggest);
        Files.write(out.resolve("render.paths"), renderPaths(Path.of(a.required("corpus"))));
        System.out.printf("wrk paths: %d search, %d suggest -> %s%n", search.size(), suggest.size(), out);
    }

    /** Type-ahead inputs: the first 1–4 characters of Chinese texts, the first word and a half of English ones. */
    static List<String> prefixes(List<String> texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : texts) {
            String s = t.strip();
            if (s.isEmpty()) continue;
            if (s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
                for (int n = 1; n <= 4 && n <= s.length(); n++) out.add(s.substring(0, n));
            } else {
                String[] words = s.split("\\s+");
                out.add(words[0].substring(0, Math.min(3, words[0].length())));
                if (words.length > 1) out.add(words[0] + " " + words[1].substring(0, Math.min(2, words[1].length())));
            }
        }
        return new ArrayList<>(out);
    }

    /** Every 97th published entry of the corpus, by key (render works on keys as on ids). */
    private static List<String> renderPaths(Path corpus) throws IOException {
        List<String> out = new ArrayList<>();
        int i = 0;
        for (String line : Files.readAllLines(corpus, StandardCharsets.UTF_8)) {
            if (i++ % 97 != 0) continue;
            JsonNode e = Json.MAPPER.readTree(line);
            if ("published".equals(e.path("status").asText())) {
                out.add("/api/v1/entries/" + enc(e.get("key").asText()) + "/render");
            }
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
