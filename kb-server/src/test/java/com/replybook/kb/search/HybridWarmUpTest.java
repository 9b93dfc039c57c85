package com.replybook.kb.search;

import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.replybook.kb.search.SearchWarmUpTest.METRICS_TOKEN;
import static com.replybook.kb.search.SearchWarmUpTest.scrape;
import static com.replybook.kb.search.SearchWarmUpTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * With hybrid search (the real embedding models), the texts agents searched before a restart are embedded by the
 * start-up warm-up, before health says ready: an agent who searches one of them again pays for no embedding.
 */
class HybridWarmUpTest {

    @TempDir
    Path dir;

    private static double embedded(TestServer server) {
        return value(scrape(server), "replybook_embedding_queries_total");
    }

    private static void search(ApiClient agent, String q) {
        assertEquals(200, agent.get("/api/v1/search?limit=8&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).status());
    }

    private static void awaitEmbedded(TestServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!server.app().search().status().ready() && System.nanoTime() < deadline) Thread.sleep(100);
    }

    @Test
    void theTextsOfTheSearchLogAreEmbeddedBeforeARestartedServerSaysReady() throws Exception {
        ServerConfig config = TestServer.config(dir, true).with(ServerConfig.SEMANTIC_SEARCH, true)
                .with(ServerConfig.METRICS_TOKEN, METRICS_TOKEN);
        List<String> logged = List.of("快递三天没动了", "where is my refund");
        try (TestServer server = TestServer.start(config)) {
            ApiClient agent = server.userWithRole("agent-ann", "agent");
            for (String q : logged) {
                agent.post("/api/v1/events", Map.of("type", "search", "query", q, "hits", 3, "source", "typed"));
            }
            awaitEmbedded(server); // the restarted server then reuses every entry's stored vectors
        }
        // A budget the models' loading cannot use up on a busy machine: the replay ends once each text is searched.
        try (TestServer server = TestServer.start(config.with(ServerConfig.SEARCH_WARM_UP_SECONDS, 120))) {
            assertEquals(logged.size(), embedded(server), "each logged text embedded once, typed and as a ticket");
            ApiClient agent = server.client(TestServer.ADMIN_TOKEN);
            search(agent, "快递三天没动了");
            search(agent, "Where is my refund");
            assertEquals(logged.size(), embedded(server), "an agent's repeated text is not embedded again");
            search(agent, "the parcel arrived broken");
            assertEquals(logged.size() + 1, embedded(server), "a text never seen is");
        }
    }
}
