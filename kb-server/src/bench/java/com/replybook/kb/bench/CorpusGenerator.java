package com.replybook.kb.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replybook.kb.web.Json;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a benchmark corpus as NDJSON for {@code POST /api/v1/entries/import}.
 *
 * <pre>{@code
 * java -cp … com.replybook.kb.bench.CorpusGenerator --size 100000 --out target/bench/corpus-100000.ndjson \
 *      [--seed 42] [--eval-dir ../shared/eval]
 * }</pre>
 */
public final class CorpusGenerator {

    private CorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Args a = Args.parse(args, "size", "out", "seed", "eval-dir");
        int size = a.integer("size", 10_000);
        Path out = Path.of(a.required("out"));
        List<ObjectNode> entries = BenchCorpus.generate(size, a.integer("seed", 42), a.path("eval-dir"));
        if (out.getParent() != null) Files.createDirectories(out.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (ObjectNode e : entries) {
                w.write(Json.MAPPER.writeValueAsString(e));
                w.newLine();
            }
        }
        System.out.printf("corpus: %d entries (%d bases) -> %s (%.1f MB)%n", entries.size(),
                BenchCorpus.bases(a.path("eval-dir")).size(), out, Files.size(out) / 1e6);
    }
}
