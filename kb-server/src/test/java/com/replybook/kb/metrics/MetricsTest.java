package com.replybook.kb.metrics;

import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code GET /metrics} over HTTP: its own token, the Prometheus text, and what it tells about the running server. */
class MetricsTest {

    static final String METRICS_TOKEN = "rb_metrics_scrape_token_0123456789";
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config(dir, false).with(ServerConfig.METRICS_TOKEN, METRICS_TOKEN));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Response scrape(String token) {
        return new ApiClient(server.base(), token).get("/metrics");
    }

    @Test
    void metricsRefuseAScrapeWithoutTheMetricsTokenEvenWithAnAdminApiToken() {
        assertEquals(401, scrape(null).status());
        assertEquals(401, scrape("rb_wrong_token_000000000000000000").status());
        Response admin = scrape(TestServer.ADMIN_TOKEN);
        assertEquals(401, admin.status());
        assertTrue(admin.header("WWW-Authenticate").startsWith("Bearer"), admin.toString());
        assertFalse(admin.text().contains("jvm_"), "nothing is exposed to a refused scrape");
    }

    @Test
    void aServerWithoutAMetricsTokenRefusesEveryScrape() throws Exception {
        try (TestServer plain = TestServer.start(dir.resolve("plain"), false)) {
            Response r = new ApiClient(plain.base(), TestServer.ADMIN_TOKEN).get("/metrics");
            assertEquals(401, r.status());
            assertTrue(r.text().contains("--metrics-token"), r.text());
        }
    }

    @Test
    void requestsAreCountedByRouteTemplateAndStatusNeverByRawPath() {
        ApiClient admin = server.admin();
        admin.post("/api/v1/entries", Fixtures.entry("metrics-route.zh-cn"));
        assertEquals(200, admin.get("/api/v1/entries/metrics-route.zh-cn").status());
        assertEquals(404, admin.get("/api/v1/entries/no-such-entry.zh-cn").status());
        assertEquals(401, new ApiClient(server.base(), null).get("/api/v1/entries/metrics-route.zh-cn").status());
        String text = scrape(METRICS_TOKEN).text();
        assertTrue(count(text, "http_server_requests_seconds_count", "GET", "/api/v1/entries/{ref}", "200") >= 1, text);
        assertTrue(count(text, "http_server_requests_seconds_count", "GET", "/api/v1/entries/{ref}", "404") >= 1);
        assertTrue(count(text, "http_server_requests_seconds_count", "GET", "/api/v1/entries/{ref}", "401") >= 1,
                "a request refused before dispatch still has its route");
        assertFalse(text.contains("metrics-route.zh-cn") || text.contains("no-such-entry"), "no raw path is a label");
    }

    @Test
    void searchRenderAndImportsHaveTheirOwnMeters() {
        ApiClient admin = server.admin();
        Map<String, Object> entry = Fixtures.entry("metrics-render.zh-cn");
        entry.put("status", "published");
        Response imported = admin.post("/api/v1/entries/import", List.of(entry));
        assertEquals(200, imported.status(), imported.text());
        admin.get("/api/v1/search?q=" + java.net.URLEncoder.encode("物流", java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, admin.post("/api/v1/entries/metrics-render.zh-cn/render",
                Map.of("context", Map.of("order", Map.of("id", "E1")))).status());
        String text = scrape(METRICS_TOKEN).text();
        assertTrue(text.contains("replybook_search_seconds_bucket{kind=\"query\",le="), "a search latency histogram");
        assertTrue(text.contains("replybook_render_seconds_bucket{le="), "a render latency histogram");
        assertTrue(value(text, "replybook_imported_entries_total{outcome=\"created\"}") >= 1, text);
        assertTrue(value(text, "replybook_imports_total") >= 1);
    }

    @Test
    void theIndexAndTheJvmAreDescribed() {
        String text = scrape(METRICS_TOKEN).text();
        for (String name : List.of("replybook_index_generation", "replybook_index_lag", "replybook_index_applied_seq",
                "replybook_embedding_backlog", "jvm_memory_used_bytes", "jvm_threads_live_threads", "jvm_gc_")) {
            assertTrue(text.contains(name), name);
        }
        assertEquals(0, value(text, "replybook_index_lag"), "one node is never behind its own writes for long");
        HttpRequest.Builder head = new ApiClient(server.base(), METRICS_TOKEN).builder("/metrics").GET();
        Response r = new ApiClient(server.base(), METRICS_TOKEN).send(head);
        assertTrue(r.header("Content-Type").startsWith("text/plain"), r.header("Content-Type"));
    }

    /** The sample value of {@code series} (a name with its labels as printed), or -1. */
    static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }

    static double count(String text, String name, String method, String route, String status) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{(.*)} (\\S+)$").matcher(text);
        double total = 0;
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("method=\"" + method + "\"") && labels.contains("route=\"" + route + "\"")
                    && labels.contains("status=\"" + status + "\"")) total += Double.parseDouble(m.group(2));
        }
        return total;
    }
}
