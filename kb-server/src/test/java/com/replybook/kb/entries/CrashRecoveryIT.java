package com.replybook.kb.entries;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.WarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A server killed with SIGKILL in the middle of an import loses no acknowledged write, and comes back with a
 * consistent database and index.
 */
class CrashRecoveryIT {

    static final String TOKEN = "rb_crash_test_admin_token_0123456789";

    @TempDir
    Path dir;

    @Test
    void sigkillDuringImportLosesNoAcknowledgedEntry() throws Exception {
        Path data = dir.resolve("data");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger batches = new AtomicInteger();
        WarProcess server = WarProcess.start(data, Map.of("REPLYBOOK_ADMIN_TOKEN", TOKEN), "--no-sample-data");
        ApiClient client = server.client(TOKEN);
        Thread importer = Thread.ofPlatform().start(() -> {
            for (int b = 0; b < 1_000; b++) {
                List<Map<String, Object>> batch = batch(b);
                Response r;
                try {
                    r = client.post("/api/v1/entries/import", batch);
                } catch (RuntimeException connectionLost) {
                    return;
                }
                if (r.status() != 200) return;
                batch.forEach(e -> acknowledged.add((String) e.get("key")));
                batches.incrementAndGet();
            }
        });
        while (batches.get() < 4) Thread.sleep(20);
        Thread.sleep(137); // land in the middle of a later import
        server.kill();
        importer.join();

        try (WarProcess restarted = WarProcess.start(data, Map.of("REPLYBOOK_ADMIN_TOKEN", TOKEN), "--no-sample-data")) {
            ApiClient after = restarted.client(TOKEN);
            long total = after.get("/api/v1/entries?pageSize=1").json().get("total").asLong();
            assertTrue(total >= acknowledged.size(), "stored " + total + " < acknowledged " + acknowledged.size());
            List<String> missing = new ArrayList<>();
            for (String key : acknowledged) {
                if (after.get("/api/v1/entries/" + key).status() != 200) missing.add(key);
            }
            assertEquals(List.of(), missing, "acknowledged but lost");
            // Every stored entry (acknowledged or from the interrupted batch) is complete: it has its revision.
            for (String key : List.copyOf(acknowledged).subList(0, Math.min(50, acknowledged.size()))) {
                assertEquals(1, after.get("/api/v1/entries/" + key + "/revisions").json().get("revisions").size());
            }
            assertIndexMatchesDatabase(after, total);
        }
    }

    /** Every entry in the database, including any from the interrupted batch, is found by its own word. */
    private static void assertIndexMatchesDatabase(ApiClient client, long total) {
        List<String> unsearchable = new ArrayList<>();
        for (int page = 1; (long) (page - 1) * 200 < total; page++) {
            client.get("/api/v1/entries?pageSize=200&page=" + page).json().get("items").forEach(e -> {
                String key = e.get("key").asText();
                String[] parts = key.substring("crash-".length(), key.indexOf('.')).split("-");
                Response hits = client.get("/api/v1/search?limit=3&q=" + token(Integer.parseInt(parts[0]), Integer.parseInt(parts[1])));
                if (hits.json().get("total").asInt() != 1 || !hits.json().get("hits").get(0).get("key").asText().equals(key)) {
                    unsearchable.add(key + " → " + hits.text());
                }
            });
        }
        assertEquals(List.of(), unsearchable, "stored but not (only) found by search");
    }

    /** A word that occurs in exactly one entry, so a search for it must return exactly that entry. */
    static String token(int b, int i) {
        return "crashb" + b + "x" + i;
    }

    static List<Map<String, Object>> batch(int b) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Map<String, Object> e = Fixtures.entry("crash-" + b + "-" + i + ".zh-cn");
            e.put("problem", "崩溃测试 " + token(b, i) + "：包裹三天没有更新物流");
            e.put("status", "published");
            out.add(e);
        }
        return out;
    }
}
