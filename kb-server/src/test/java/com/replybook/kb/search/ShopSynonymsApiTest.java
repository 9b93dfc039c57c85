package com.replybook.kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import com.replybook.kb.web.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each shop's synonyms (issue 20, item 4) over HTTP: a shop without its own searches with its locale's; its own apply
 * to its searches, suggestions and ticket searches only; removing them brings the locale's back.
 */
class ShopSynonymsApiTest {

    /** Longer than a locale tag: the key of its own synonyms is longer than 35 characters. */
    static final String TMALL = "tmall-flagship-store-of-the-yunqi-brand";
    static final String RECEIPT = "收据"; // shares no character with the entry: only a synonym finds it

    @TempDir
    Path dir;

    static TestServer start(Path dir, DbTarget db) throws InterruptedException {
        TestServer server = db == null ? TestServer.start(dir, false) : TestServer.start(dir, db, false);
        assertTrue(server.app().search().index().awaitReady(Duration.ofSeconds(30)));
        ApiClient admin = server.admin();
        assertEquals(201, admin.post("/api/v1/shops", Map.of("key", TMALL, "name", "云栖天猫旗舰店")).status());
        assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店")).status());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("key", "invoice.zh-cn");
        e.put("locale", "zh-CN");
        e.put("category", "售后/发票");
        e.put("problem", "怎么开发票");
        e.put("questions", List.of("发票抬头写错了"));
        e.put("script", "亲，发票会在订单完成后开具。");
        e.put("status", "published");
        assertEquals(201, admin.post("/api/v1/entries", e).status());
        return server;
    }

    /** The locale's zh-CN synonyms and one more rule, as a PUT body. */
    static Map<String, Object> withReceipt(ApiClient client) {
        List<Object> rules = new ArrayList<>(Json.MAPPER.convertValue(
                client.get("/api/v1/synonyms/zh-CN").json().get("rules"), List.class));
        rules.add(RECEIPT + ", 发票");
        return Map.of("rules", rules);
    }

    static int hits(ApiClient client, String shop) {
        Response r = client.get("/api/v1/search?q=" + RECEIPT + (shop == null ? "" : "&shop=" + shop));
        assertEquals(200, r.status(), r.text());
        return r.json().get("hits").size();
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aShopsOwnSynonymsFindWhatTheLocalesDoNotInThatShopOnly(DbTarget db) throws InterruptedException {
        try (TestServer server = start(dir, db)) {
            ApiClient editor = server.userWithRole("editor.s", "editor");
            ApiClient agent = server.userWithRole("agent.s", "agent");
            awaitHits(agent, null, 0);
            JsonNode inherited = editor.get("/api/v1/synonyms/zh-CN?shop=" + TMALL).json();
            assertTrue(inherited.get("inherited").asBoolean(), inherited.toString());

            Response saved = editor.put("/api/v1/synonyms/zh-CN?shop=" + TMALL, withReceipt(editor), null);
            assertEquals(200, saved.status(), saved.text());
            assertFalse(saved.json().get("inherited").asBoolean());

            assertEquals(1, hits(agent, TMALL), "tmall's own synonyms find the invoice entry");
            assertEquals(0, hits(agent, "jd"), "jd searches with the locale's");
            assertEquals(0, hits(agent, null));
            Response ticket = agent.post("/api/v1/search/ticket", Map.of("subject", RECEIPT, "shop", TMALL));
            assertEquals(1, ticket.json().get("hits").size(), ticket.text());
            JsonNode jd = editor.get("/api/v1/synonyms/zh-CN?shop=jd").json();
            assertTrue(jd.get("inherited").asBoolean());
            assertFalse(jd.get("rules").toString().contains(RECEIPT));

            Response removed = editor.delete("/api/v1/synonyms/zh-CN?shop=" + TMALL, null);
            assertEquals(200, removed.status(), removed.text());
            assertTrue(removed.json().get("inherited").asBoolean());
            assertEquals(0, hits(agent, TMALL), "back to the locale's synonyms");
            assertEquals(404, editor.delete("/api/v1/synonyms/zh-CN?shop=" + TMALL, null).status());
        }
    }

    @Test
    void anEditorOfOneShopChangesOnlyTheirShopsOwnSynonyms() throws InterruptedException {
        try (TestServer server = start(dir, null)) {
            ApiClient editor = server.userInShops("editor.tmall", "editor", TMALL);
            awaitHits(editor, null, 0);
            Map<String, Object> rules = withReceipt(editor);
            Response shared = editor.put("/api/v1/synonyms/zh-CN", rules, null);
            assertEquals(403, shared.status(), shared.text());
            assertEquals("shop", shared.errorField());
            assertEquals(403, editor.put("/api/v1/synonyms/zh-CN?shop=jd", rules, null).status());
            assertEquals(200, editor.put("/api/v1/synonyms/zh-CN?shop=" + TMALL, rules, null).status());
            assertEquals(1, hits(editor, null), "a user of one shop searches with that shop's synonyms");
            Response bad = editor.delete("/api/v1/synonyms/zh-CN", null);
            assertEquals(400, bad.status(), bad.text());
            assertEquals("shop", bad.errorField());
        }
    }

    private static void awaitHits(ApiClient client, String shop, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (hits(client, shop) != expected || client.get("/api/v1/search?q=发票").json().get("hits").size() == 0) {
            if (System.nanoTime() > deadline) throw new AssertionError("the invoice entry was never searchable");
            Thread.sleep(50);
        }
    }
}
