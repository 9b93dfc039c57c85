package com.replybook.kb.search;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The search, suggest, ticket and synonym APIs end to end over HTTP, on SQLite and on PostgreSQL. */
class SearchApiTest {

    static final String DBS = "com.replybook.kb.testing.TestDatabases#all";

    @TempDir
    Path dir;

    static Map<String, Object> entry(String key, String locale, String problem, List<String> questions, String status) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("key", key);
        e.put("locale", locale);
        e.put("category", "物流/延误");
        e.put("tags", List.of("物流"));
        e.put("problem", problem);
        e.put("questions", questions);
        e.put("cause", "中转站爆仓");
        e.put("script", "您的订单 ${order.id} 我们已经加急处理。");
        e.put("status", status);
        return e;
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static TestServer startWithEntries(Path dir, DbTarget db) throws InterruptedException {
        TestServer server = TestServer.start(dir, db, false);
        assertTrue(server.app().search().index().awaitReady(Duration.ofSeconds(30)));
        ApiClient admin = server.admin();
        assertEquals(201, admin.post("/api/v1/entries", entry("delay", "zh-CN", "包裹三天没有更新物流",
                List.of("快递三天没动了", "物流怎么一直不更新"), "published")).status());
        assertEquals(201, admin.post("/api/v1/entries", entry("lost", "zh-CN", "显示签收但没收到",
                List.of("包裹没收到", "快递被人签收了"), "published")).status());
        assertEquals(201, admin.post("/api/v1/entries", entry("draft", "zh-CN", "草稿里的发票问题",
                List.of("发票开错了"), "draft")).status());
        return server;
    }

    private static void refresh(TestServer server) throws java.io.IOException {
        server.app().search().index().refresh();
    }

    private static void awaitHit(ApiClient client, String query) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (System.nanoTime() < deadline) {
            if (client.get("/api/v1/search?q=" + q(query)).json().get("total").asLong() > 0) return;
            Thread.sleep(20);
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void aSavedEntryIsSearchableWithinOneSecondWithTheContractFields(DbTarget db) throws Exception {
        try (TestServer server = startWithEntries(dir, db)) {
            ApiClient agent = server.userWithRole("agent1", "agent");
            awaitHit(agent, "快递三天没动了");
            Response r = agent.get("/api/v1/search?q=" + q("快递三天没动了") + "&limit=5&highlight=true");
            assertEquals(200, r.status(), r.text());
            var hit = r.json().get("hits").get(0);
            assertEquals("delay", hit.get("key").asText());
            for (String f : List.of("id", "key", "score", "locale", "category", "problem", "cause", "highlights",
                    "stale")) {
                assertTrue(hit.has(f), "hit has " + f + ": " + hit);
            }
            assertTrue(hit.get("highlights").toString().contains("<mark>"), hit.toString());
            assertTrue(r.json().has("total"));
            assertTrue(r.json().get("confident").isBoolean());

            var plain = agent.get("/api/v1/search?q=" + q("快递三天没动了") + "&limit=5").json().get("hits").get(0);
            assertEquals("delay", plain.get("key").asText());
            assertTrue(plain.get("highlights").isEmpty(), plain.toString());

            Response bad = agent.get("/api/v1/search?q=x&highlight=yes");
            assertEquals(400, bad.status(), bad.text());
            assertTrue(bad.text().contains("highlight"), bad.text());
        }
    }

    @Test
    void aHitFoundThroughASynonymIsHighlightedToo() throws InterruptedException {
        try (TestServer server = TestServer.start(dir, true)) {
            ApiClient agent = server.userWithRole("agent1", "agent");
            String search = "/api/v1/search?q=tk&locale=zh-CN&limit=1&highlight=true";
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos(); // the sample library is being indexed
            while (!agent.get(search).text().contains("refund-timing.zh-cn") && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Response r = agent.get(search);
            assertEquals(200, r.status(), r.text());
            var top = r.json().get("hits").get(0);
            assertEquals("refund-timing.zh-cn", top.get("key").asText(), r.text());
            assertTrue(top.get("highlights").toString().contains("<mark>退款</mark>"), "tk means 退款: " + top);
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void aCorrectedSearchSaysWhatWasSearched(DbTarget db) throws Exception {
        try (TestServer server = startWithEntries(dir, db)) {
            Map<String, Object> refund = entry("refund", "en", "When will I get my refund",
                    List.of("where is my refund", "how long does a refund take"), "published");
            assertEquals(201, server.admin().post("/api/v1/entries", refund).status());
            ApiClient agent = server.userWithRole("agent1", "agent");
            refresh(server);
            var corrected = agent.get("/api/v1/search?q=" + q("where is my refnud")).json();
            assertEquals("refund", corrected.get("hits").get(0).get("key").asText(), corrected.toString());
            assertEquals("where is my refund", corrected.get("searchedFor").asText());
            var asTyped = agent.get("/api/v1/search?q=" + q("where is my refund")).json();
            assertFalse(asTyped.has("searchedFor"), "absent when nothing was corrected: " + asTyped);
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void agentsSeeOnlyPublishedAndCannotAskForDrafts(DbTarget db) throws Exception {
        try (TestServer server = startWithEntries(dir, db)) {
            ApiClient agent = server.userWithRole("agent1", "agent");
            refresh(server);
            for (var hit : agent.get("/api/v1/search?q=" + q("发票开错了")).json().get("hits")) {
                assertFalse(hit.get("key").asText().equals("draft"));
            }
            assertEquals(403, agent.get("/api/v1/search?q=x&status=draft").status());
            Response editor = server.admin().get("/api/v1/search?q=" + q("发票开错了") + "&status=draft");
            assertEquals("draft", editor.json().get("hits").get(0).get("key").asText());
            assertEquals("status", server.admin().get("/api/v1/search?q=x&status=nope").errorField());
            assertEquals("limit", agent.get("/api/v1/search?q=x&limit=0").errorField());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void repeatedSearchesComeFromTheCacheUntilTheIndexChanges(DbTarget db) throws Exception {
        try (TestServer server = startWithEntries(dir, db)) {
            ApiClient agent = server.userWithRole("agent1", "agent");
            refresh(server);
            SearchCache cache = server.app().search().cache();
            String search = "/api/v1/search?q=" + q("发票开错了") + "&locale=zh-CN";
            Response before = agent.get(search);
            long hits = cache.hits();
            assertEquals(before.json(), agent.get(search).json());
            assertEquals(hits + 1, cache.hits());

            assertEquals(201, server.admin().post("/api/v1/entries", entry("invoice", "zh-CN", "发票开错了怎么办",
                    List.of("发票开错了", "发票抬头写错"), "published")).status());
            refresh(server);
            assertEquals("invoice", agent.get(search).json().get("hits").get(0).get("key").asText(),
                    "a new entry is found by the search that ran before it was saved");
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void queryStringSyntaxNeverErrors(DbTarget db) throws Exception {
        try (TestServer server = startWithEntries(dir, db)) {
            for (String bad : List.of("\"", "AND", "(", "*", "\\", "~", "快递 AND (物流*", "a:b^2 [x TO y]")) {
                assertEquals(200, server.admin().get("/api/v1/search?q=" + q(bad)).status(), bad);
            }
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void suggestAndTicketAndSynonyms(DbTarget db) throws Exception {
        try (TestServer server = startWithEntries(dir, db)) {
            ApiClient admin = server.admin();
            refresh(server);
            Response s = admin.get("/api/v1/suggest?q=" + q("包"));
            assertEquals(200, s.status(), s.text());
            assertFalse(s.json().get("suggestions").isEmpty());

            Map<String, Object> ticket = Map.of("subject", "物流问题", "messages", List.of(
                    Map.of("author", "customer", "text", "您好，我的快递三天没动了\n\n-- \n王女士"),
                    Map.of("author", "agent", "text", "您好，我们查一下签收情况")));
            Response t = admin.post("/api/v1/search/ticket", ticket);
            assertEquals(200, t.status(), t.text());
            assertEquals("delay", t.json().get("hits").get(0).get("key").asText());

            Response seeded = admin.get("/api/v1/synonyms/zh-CN");
            assertEquals(200, seeded.status());
            assertTrue(seeded.json().get("rules").toString().contains("快递"));

            assertEquals(0, admin.get("/api/v1/search?q=" + q("货件卡住")).json().get("total").asLong());
            Response put = admin.put("/api/v1/synonyms/zh-CN", Map.of("rules", List.of("货件, 快递", "卡住, 没动")), null);
            assertEquals(200, put.status(), put.text());
            assertEquals("delay", admin.get("/api/v1/search?q=" + q("货件卡住")).json()
                    .get("hits").get(0).get("key").asText());
            ApiClient agent = server.userWithRole("agent1", "agent");
            assertEquals(403, agent.put("/api/v1/synonyms/zh-CN", Map.of("rules", List.of("a, b")), null).status());
            assertEquals("rules", admin.put("/api/v1/synonyms/en", Map.of("rules", List.of("the, a")), null)
                    .errorField());
        }
    }
}
