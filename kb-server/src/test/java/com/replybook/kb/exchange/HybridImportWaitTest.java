package com.replybook.kb.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.replybook.kb.testing.Fixtures.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With hybrid search (the real embedding models) an import answers at once while its entries are embedded in the
 * background; {@code GET /api/v1/search/status} says so, and {@code wait=searchable} answers only once they are.
 */
class HybridImportWaitTest {

    @TempDir
    Path dir;

    private static List<Map<String, Object>> entries(String prefix, int n) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> e = entry(prefix + i + ".zh-cn");
            e.put("status", "published");
            e.put("problem", "第 " + i + " 个包裹在中转站停了好几天");
            out.add(e);
        }
        return out;
    }

    @Test
    void anImportThatWaitsAnswersOnceItsEntriesAreEmbeddedAndStatusTellsTheBacklog() {
        ServerConfig config = TestServer.config(dir, false).with(ServerConfig.SEMANTIC_SEARCH, true);
        try (TestServer server = TestServer.start(config)) {
            ApiClient admin = server.admin();
            Response plain = admin.post("/api/v1/entries/import", entries("plain-", 4));
            assertEquals(4, plain.json().get("created").asInt(), plain.text());
            JsonNode right = admin.get("/api/v1/search/status").json();
            assertFalse(right.get("ready").asBoolean(), "embedded in the background: " + right);
            assertTrue(right.get("pendingEmbeddings").asLong() > 0, right.toString());

            Response waited = admin.post("/api/v1/entries/import?wait=searchable&timeoutSeconds=120", entries("waited-", 3));

            JsonNode search = waited.json().get("search");
            assertTrue(search.get("searchable").asBoolean(), waited.text());
            assertEquals(0, search.get("pendingEmbeddings").asInt());
            long deadline = System.nanoTime() + 120_000_000_000L;
            JsonNode status;
            do {
                status = admin.get("/api/v1/search/status").json();
            } while (!status.get("ready").asBoolean() && System.nanoTime() < deadline);
            assertEquals(0, status.get("pendingEmbeddings").asLong(), status.toString());
            assertEquals(7, status.get("entries").asLong());
        }
    }
}
