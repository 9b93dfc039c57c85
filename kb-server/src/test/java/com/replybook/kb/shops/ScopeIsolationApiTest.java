package com.replybook.kb.shops;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.FoundKeys;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.replybook.kb.testing.FoundKeys.keys;
import static com.replybook.kb.testing.FoundKeys.suggested;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The isolation matrix of issue 20 over HTTP: roles × shops × visibility, for search, suggest, ticket search, get,
 * list, render and insights. Two shops (tmall, jd), an entry of each and one of every shop; users of every shop and
 * users limited to one. Nothing of one shop is ever in another's answer.
 */
class ScopeIsolationApiTest {

    static final String Q = "快递三天没动了";
    static final String TMALL = "iso-tmall.zh-cn";
    static final String JD = "iso-jd.zh-cn";
    static final String GLOBAL = "iso-global.zh-cn";

    @TempDir
    Path dir;

    /** Shops tmall and jd, and a published entry of tmall, of jd and of every shop, found by search. */
    static void library(TestServer server) {
        ApiClient admin = server.admin();
        assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "tmall", "name", "云栖天猫旗舰店")).status());
        assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店")).status());
        publish(admin, TMALL, List.of("tmall"));
        publish(admin, JD, List.of("jd"));
        publish(admin, GLOBAL, List.of());
        FoundKeys.await(admin, "/api/v1/search?limit=20&q=" + Q, Set.of(TMALL, JD, GLOBAL));
    }

    static String publish(ApiClient client, String key, List<String> shops) {
        Map<String, Object> e = Fixtures.entry(key);
        e.put("status", "published");
        e.put("shops", shops);
        Response r = client.post("/api/v1/entries", e);
        assertEquals(201, r.status(), r.text());
        return r.json().path("id").asText();
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aSearchInOneShopFindsThatShopsAndEveryShopsEntriesNeverAnothers(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            library(server);
            ApiClient agent = server.userWithRole("agent.all", "agent");

            assertEquals(Set.of(TMALL, GLOBAL), keys(agent.get("/api/v1/search?limit=20&shop=tmall&q=" + Q)));
            assertEquals(Set.of(JD, GLOBAL), keys(agent.get("/api/v1/search?limit=20&shop=jd&q=" + Q)));
            assertEquals(Set.of(TMALL, JD, GLOBAL), keys(agent.get("/api/v1/search?limit=20&q=" + Q)),
                    "without a shop, a user of every shop searches every shop");
            assertEquals(Set.of(TMALL, GLOBAL), suggested(agent.get("/api/v1/suggest?limit=10&shop=tmall&q=快递")));
            Response ticket = agent.post("/api/v1/search/ticket", Map.of("subject", Q, "shop", "jd",
                    "messages", List.of(Map.of("author", "customer", "text", Q))));
            assertEquals(Set.of(JD, GLOBAL), keys(ticket), ticket.text());
            assertEquals(Set.of(TMALL, GLOBAL), keys(agent.get("/api/v1/entries?pageSize=100&shop=tmall")));
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aUserLimitedToOneShopNeverReadsAnotherShopsEntryWhateverTheyAskFor(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            library(server);
            for (String role : List.of("agent", "editor", "lead")) {
                ApiClient tmall = server.userInShops(role + ".tmall", role, "tmall");

                assertEquals(Set.of(TMALL, GLOBAL), keys(tmall.get("/api/v1/search?limit=20&q=" + Q)), role);
                assertEquals(Set.of(TMALL, GLOBAL), suggested(tmall.get("/api/v1/suggest?limit=10&q=快递")), role);
                Response ticket = tmall.post("/api/v1/search/ticket", Map.of("subject", Q));
                assertEquals(Set.of(TMALL, GLOBAL), keys(ticket), role + ": " + ticket.text());
                assertEquals(Set.of(TMALL, GLOBAL), keys(tmall.get("/api/v1/entries?pageSize=100")), role);

                assertEquals(404, tmall.get("/api/v1/entries/" + JD).status(), role);
                assertEquals(404, tmall.post("/api/v1/entries/" + JD + "/render",
                        Map.of("tone", "standard", "channel", "chat")).status(), role);
                assertEquals(200, tmall.get("/api/v1/entries/" + GLOBAL).status(), role);

                for (String path : List.of("/api/v1/search?shop=jd&q=" + Q, "/api/v1/suggest?shop=jd&q=快递",
                        "/api/v1/entries?shop=jd")) {
                    Response r = tmall.get(path);
                    assertEquals(403, r.status(), role + " " + path + ": " + r.text());
                    assertEquals("shop", r.errorField());
                }
                Response other = tmall.post("/api/v1/search/ticket", Map.of("subject", Q, "shop", "jd"));
                assertEquals(403, other.status(), role + ": " + other.text());
                Response render = tmall.post("/api/v1/entries/" + GLOBAL + "/render?shop=jd",
                        Map.of("tone", "standard", "channel", "chat"));
                assertEquals(403, render.status(), role + ": " + render.text());
            }
        }
    }

    @Test
    void aHitListsAsItsOtherLocaleVersionsOnlyThoseOfTheSearchersShops() {
        try (TestServer server = TestServer.start(dir, false)) {
            library(server);
            ApiClient admin = server.admin();
            publish(admin, "iso-fam.zh-cn", List.of("tmall"));
            publish(admin, "iso-fam.zh-tw", List.of("jd"));
            Map<String, Object> en = Fixtures.entry("iso-fam.en");
            en.put("locale", "en");
            en.put("status", "published");
            assertEquals(201, admin.post("/api/v1/entries", en).status());
            FoundKeys.await(admin, "/api/v1/search?family=false&limit=50&q=" + Q, Set.of("iso-fam.zh-cn", "iso-fam.zh-tw"));

            JsonNode hits = server.userInShops("agent.fam", "agent", "tmall").get("/api/v1/search?limit=20&q=" + Q)
                    .json().path("hits");
            List<String> siblings = new ArrayList<>();
            hits.forEach(h -> {
                if (h.path("key").asText().equals("iso-fam.zh-cn")) {
                    h.path("siblings").forEach(x -> siblings.add(x.path("key").asText()));
                }
            });
            assertEquals(List.of("iso-fam.en"), siblings, "jd's zh-TW version is never named: " + hits);
        }
    }

    @Test
    void renderingAnEntryInAShopItDoesNotBelongToIsNotFound() {
        try (TestServer server = TestServer.start(dir, false)) {
            library(server);
            Response r = server.admin().post("/api/v1/entries/" + JD + "/render?shop=tmall",
                    Map.of("tone", "standard", "channel", "chat"));
            assertEquals(404, r.status(), r.text());
            Response ok = server.admin().post("/api/v1/entries/" + GLOBAL + "/render?shop=tmall",
                    Map.of("tone", "standard", "channel", "chat"));
            assertEquals(200, ok.status(), ok.text());
        }
    }

    @Test
    void unknownShopsAreRefusedNamingTheField() {
        try (TestServer server = TestServer.start(dir, false)) {
            library(server);
            ApiClient admin = server.admin();
            Response search = admin.get("/api/v1/search?shop=nowhere&q=" + Q);
            assertEquals(400, search.status(), search.text());
            assertEquals("shop", search.errorField());

            Map<String, Object> e = Fixtures.entry("iso-unknown.zh-cn");
            e.put("shops", List.of("tmall", "nowhere"));
            Response entry = admin.post("/api/v1/entries", e);
            assertEquals(422, entry.status(), entry.text());
            assertTrue(entry.text().contains("\"shops\"") && entry.text().contains("nowhere"), entry.text());

            Response user = admin.post("/api/v1/users", Map.of("username", "iso.nobody", "role", "agent",
                    "shops", List.of("nowhere")));
            assertEquals(422, user.status(), user.text());
            assertTrue(user.text().contains("\"shops\""), user.text());
            assertEquals(404, admin.get("/api/v1/entries/iso-unknown.zh-cn").status(), "nothing was stored");
        }
    }

    @Test
    void anEditorOfOneShopWritesEntriesOfTheirShopOnly() {
        try (TestServer server = TestServer.start(dir, false)) {
            library(server);
            ApiClient editor = server.userInShops("editor.tmall", "editor", "tmall");
            Map<String, Object> jd = Fixtures.entry("iso-editor-jd.zh-cn");
            jd.put("shops", List.of("jd"));
            Response foreign = editor.post("/api/v1/entries", jd);
            assertEquals(403, foreign.status(), foreign.text());
            assertEquals("shops", foreign.errorField());
            Response everyShop = editor.post("/api/v1/entries", Fixtures.entry("iso-editor-all.zh-cn"));
            assertEquals(403, everyShop.status(), "an entry of every shop reaches shops they do not work for");
            assertEquals("shops", everyShop.errorField());
            Map<String, Object> own = Fixtures.entry("iso-editor-tmall.zh-cn");
            own.put("shops", List.of("tmall"));
            assertEquals(201, editor.post("/api/v1/entries", own).status());
        }
    }

    @Test
    void aLeadOfOneShopReadsInsightsOfTheirShopOnly() {
        try (TestServer server = TestServer.start(dir, false)) {
            library(server);
            ApiClient agent = server.userWithRole("agent.events", "agent");
            String tmallId = server.admin().get("/api/v1/entries/" + TMALL).json().path("id").asText();
            String jdId = server.admin().get("/api/v1/entries/" + JD).json().path("id").asText();
            post(agent, "insert", tmallId, "tmall", "天猫的问题");
            post(agent, "insert", jdId, "jd", "京东的问题");
            post(agent, "insert", jdId, "jd", "京东的问题");

            ApiClient lead = server.userInShops("lead.tmall", "lead", "tmall");
            JsonNode mine = lead.get("/api/v1/analytics/insights").json();
            assertEquals(1, mine.path("inserts").asLong(), mine.toString());
            assertEquals(List.of(TMALL), topKeys(mine));
            assertFalse(mine.toString().contains("京东的问题"), "another shop's searches never show: " + mine);

            JsonNode all = server.admin().get("/api/v1/analytics/insights").json();
            assertEquals(3, all.path("inserts").asLong());
            JsonNode narrowed = server.admin().get("/api/v1/analytics/insights?shop=jd").json();
            assertEquals(List.of(JD), topKeys(narrowed));

            Response refused = lead.get("/api/v1/analytics/insights?shop=jd");
            assertEquals(403, refused.status(), refused.text());
            assertEquals("shop", refused.errorField());
            assertEquals(403, lead.get("/api/v1/analytics/insights.csv?shop=jd").status());
            String csv = new String(lead.getBytes("/api/v1/analytics/insights.csv"), java.nio.charset.StandardCharsets.UTF_8);
            assertFalse(csv.contains(JD) || csv.contains("京东的问题"), "the export holds nothing of jd: " + csv);
        }
    }

    private static void post(ApiClient agent, String type, String entryId, String shop, String query) {
        Response search = agent.post("/api/v1/events", Map.of("type", "search", "helpdesk", "rt", "ticketId", "7",
                "query", query, "hits", 2, "shop", shop));
        assertEquals(201, search.status(), search.text());
        Response insert = agent.post("/api/v1/events", Map.of("type", type, "helpdesk", "rt", "ticketId", "7",
                "entryId", entryId, "entryVersion", 1, "tone", "warm", "channel", "chat", "shop", shop));
        assertEquals(201, insert.status(), insert.text());
    }

    private static List<String> topKeys(JsonNode insights) {
        List<String> out = new ArrayList<>();
        insights.path("topEntries").forEach(e -> out.add(e.path("key").asText()));
        return out;
    }



}
