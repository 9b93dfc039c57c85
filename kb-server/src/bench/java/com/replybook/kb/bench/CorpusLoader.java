package com.replybook.kb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.web.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Loads an NDJSON corpus into a running server through {@code POST /api/v1/entries/import}, in chunks below
 * the request-size limit. The bearer token comes from {@code REPLYBOOK_ADMIN_TOKEN}. Fails on any rejected entry.
 *
 * <pre>{@code
 * java -cp … com.replybook.kb.bench.CorpusLoader --url http://127.0.0.1:18080 --file corpus.ndjson [--chunk 5000]
 * }</pre>
 */
public final class CorpusLoader {

    private CorpusLoader() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Args a = Args.parse(args, "url", "file", "chunk");
        String token = Bench.token();
        List<String> lines = Files.readAllLines(Path.of(a.required("file")), StandardCharsets.UTF_8);
        int chunk = a.integer("chunk", 5000);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long start = System.nanoTime();
        int created = 0, updated = 0, unchanged = 0;
        for (int from = 0; from < lines.size(); from += chunk) {
            String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + chunk)));
            HttpRequest req = HttpRequest.newBuilder(URI.create(a.required("url") + "/api/v1/entries/import"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                    .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            JsonNode r = Json.MAPPER.readTree(resp.body());
            if (resp.statusCode() != 200 || !r.path("failed").isEmpty()) {
                throw new IllegalStateException("Import of lines " + from + "… failed: " + resp.statusCode() + " "
                        + resp.body().substring(0, Math.min(2000, resp.body().length())));
            }
            created += r.path("created").asInt();
            updated += r.path("updated").asInt();
            unchanged += r.path("unchanged").asInt();
        }
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf("import: %d entries in %.1f s (%.0f entries/s): created %d, updated %d, unchanged %d%n",
                lines.size(), s, lines.size() / s, created, updated, unchanged);
    }
}
