package com.replybook.kb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.web.Json;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled query set in the {@code ../shared/eval} format ({@code {"qid","lang","text","expected"}}), with
 * {@code expected} mapped to the corpus key ({@code null} = out of scope). {@code locale} is the shop's locale the
 * set is labelled against (zh-shop: the zh-CN library, so its traditional-Chinese queries too); searches are
 * filtered to it, as the help-desk plugin does, so that the zh-TW twin of an entry is not counted as a miss.
 */
public record QuerySet(String name, String locale, List<Query> queries) {

    public record Query(String qid, String lang, String text, String expected) {
    }

    /** zh-shop (in the repo) plus every set of {@code evalDir} that the corpus has entries for. */
    public static List<QuerySet> all(Path evalDir) {
        List<QuerySet> sets = new ArrayList<>();
        sets.add(read("zh-shop", "zh-CN", BenchCorpus.class.getResourceAsStream("/eval/zh-shop/queries_dev.jsonl"), false));
        if (evalDir != null) {
            for (String name : List.of("bitext", "hint3-sofmattress")) {
                Path file = evalDir.resolve(name).resolve("queries_dev.jsonl");
                if (!Files.exists(file)) continue;
                try {
                    sets.add(read(name, "en", Files.newInputStream(file), true));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return sets;
    }

    /** Every query text of every set, in file order (the load runs rotate through them). */
    static List<String> texts(List<QuerySet> sets) {
        return located(sets).stream().map(Query::text).toList();
    }

    /** Every query of every set, in file order, each with its set's locale in {@link Query#lang}. */
    static List<Query> located(List<QuerySet> sets) {
        List<Query> out = new ArrayList<>();
        for (QuerySet s : sets) for (Query q : s.queries) out.add(new Query(q.qid, s.locale, q.text, q.expected));
        return out;
    }

    List<Query> inScope() {
        return queries.stream().filter(q -> q.expected != null).toList();
    }

    private static QuerySet read(String name, String locale, InputStream in, boolean evalIds) {
        if (in == null) throw new IllegalStateException("Query set " + name + " is not on the classpath");
        List<Query> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JsonNode n = Json.MAPPER.readTree(line);
                String expected = n.path("expected").isTextual() ? n.get("expected").asText() : null;
                if (expected != null && evalIds) expected = BenchCorpus.keyOf(expected);
                out.add(new Query(n.path("qid").asText(), n.path("lang").asText(), n.get("text").asText(), expected));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QuerySet(name, locale, out);
    }
}
