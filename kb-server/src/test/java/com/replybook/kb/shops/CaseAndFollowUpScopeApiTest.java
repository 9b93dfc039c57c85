package com.replybook.kb.shops;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.cases.CaseCollection;
import com.replybook.kb.cases.CollectionItem;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The isolation matrix of issue 20 for the ticket loop over HTTP, on SQLite and PostgreSQL: cases and follow-ups of
 * tmall, of jd and of no shop (every shop's), read by users of every shop and by users limited to tmall. A user of
 * tmall never lists, reads, studies or closes jd's; {@code ?shop=} narrows to one of the reader's shops; a case or
 * follow-up is recorded in the shop it names, else in the recorder's one shop.
 */
class CaseAndFollowUpScopeApiTest {

    static final String TMALL_CASE = "天猫 · 延误安抚";
    static final String JD_CASE = "京东 · 延误安抚";
    static final String GLOBAL_CASE = "通用 · 延误安抚";

    @TempDir
    Path dir;

    static void shops(TestServer server) {
        ApiClient admin = server.admin();
        assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "tmall", "name", "云栖天猫旗舰店")).status());
        assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店")).status());
    }

    /** A case titled {@code title} of {@code shop} (null: none named) captured by {@code client}; its JSON. */
    static JsonNode capture(ApiClient client, String title, String shop) {
        Map<String, Object> c = new HashMap<>(Map.of("title", title, "excerptHtml", "<p>客户：包裹三天没动</p>",
                "tags", List.of("延误")));
        if (shop != null) c.put("shop", shop);
        Response r = client.post("/api/v1/cases", c);
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    /** A follow-up on ticket {@code ticket} of {@code shop} (null: none named) recorded by {@code client}. */
    static Response promise(ApiClient client, String ticket, Object shop) {
        return promise(client, ticket, shop, Duration.ofHours(4));
    }

    static Response promise(ApiClient client, String ticket, Object shop, Duration dueIn) {
        Map<String, Object> f = new HashMap<>(Map.of("ticketId", ticket, "helpdesk", "rt", "note", "回电 " + ticket,
                "dueAt", Instant.now().plus(dueIn).truncatedTo(ChronoUnit.SECONDS).toString()));
        if (shop != null) f.put("shop", shop);
        return client.post("/api/v1/followups", f);
    }

    static Set<String> titles(Response list) {
        assertEquals(200, list.status(), list.text());
        Set<String> out = new TreeSet<>();
        list.json().path("cases").forEach(c -> out.add(c.path("title").asText()));
        return out;
    }

    static Set<String> tickets(Response list) {
        assertEquals(200, list.status(), list.text());
        Set<String> out = new TreeSet<>();
        list.json().path("followups").forEach(f -> out.add(f.path("ticketId").asText()));
        return out;
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aUserOfOneShopNeverListsReadsOrStudiesAnotherShopsCase(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            shops(server);
            ApiClient admin = server.admin();
            String tmallId = capture(admin, TMALL_CASE, "tmall").path("id").asText();
            JsonNode jd = capture(admin, JD_CASE, "jd");
            String jdId = jd.path("id").asText();
            JsonNode global = capture(admin, GLOBAL_CASE, null);
            assertEquals("jd", jd.path("shop").asText(), jd.toString());
            assertTrue(global.has("shop") && global.path("shop").isNull(), "a case of every shop: " + global);

            assertEquals(Set.of(TMALL_CASE, JD_CASE, GLOBAL_CASE), titles(admin.get("/api/v1/cases")));
            assertEquals(Set.of(JD_CASE, GLOBAL_CASE), titles(admin.get("/api/v1/cases?shop=jd")),
                    "one shop's cases and those of every shop");
            for (String role : List.of("editor", "lead")) {
                ApiClient tmall = server.userInShops(role + ".tmall", role, "tmall");
                assertEquals(Set.of(TMALL_CASE, GLOBAL_CASE), titles(tmall.get("/api/v1/cases")), role);
                assertEquals(Set.of(TMALL_CASE, GLOBAL_CASE), titles(tmall.get("/api/v1/cases?shop=tmall")), role);
                assertEquals(Set.of(GLOBAL_CASE), titles(tmall.get("/api/v1/cases?q=通用")), role);
                assertEquals(404, tmall.get("/api/v1/cases/" + jdId).status(), role);
                assertEquals(200, tmall.get("/api/v1/cases/" + tmallId).status(), role);
                assertEquals(200, tmall.get("/api/v1/cases/" + global.path("id").asText()).status(), role);
                Response other = tmall.get("/api/v1/cases?shop=jd");
                assertEquals(403, other.status(), role + ": " + other.text());
                assertEquals("shop", other.errorField());
                Response unknown = tmall.get("/api/v1/cases?shop=nowhere");
                assertEquals(400, unknown.status(), role + ": " + unknown.text());
                assertEquals("shop", unknown.errorField());
            }

            var cases = server.app().cases();
            CaseCollection week1 = cases.createCollection("新人第一周 · 店铺", "", "lead");
            week1 = cases.setItems(week1.id(), List.of(new CollectionItem("case", jdId, null),
                    new CollectionItem("case", tmallId, null), new CollectionItem("case", global.path("id").asText(), null)),
                    "lead", week1.updatedAt());
            cases.setPublished(week1.id(), true, "lead", week1.updatedAt());
            ApiClient agent = server.userInShops("agent.tmall", "agent", "tmall");
            JsonNode studied = agent.get("/api/v1/collections/" + week1.id()).json();
            List<String> shown = new java.util.ArrayList<>();
            studied.path("items").forEach(i -> shown.add(i.path("title").asText()));
            assertEquals(List.of(TMALL_CASE, GLOBAL_CASE), shown, "jd's case is left out: " + studied);
            assertFalse(studied.toString().contains(jdId) || studied.toString().contains(JD_CASE), studied.toString());
            assertEquals(2, studied.path("cases").asInt(), "the count leaves it out too");
            JsonNode listed = agent.get("/api/v1/collections").json().path("collections");
            assertEquals(2, listed.path(0).path("cases").asInt(), listed.toString());
            assertEquals(3, admin.get("/api/v1/collections/" + week1.id()).json().path("items").size(),
                    "a reader of every shop sees every case");
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aLeadOfOneShopListsAndClosesOnlyTheirShopsFollowUps(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            shops(server);
            ApiClient agent = server.userWithRole("agent.all", "agent");
            String tmall = promise(agent, "101", "tmall").json().path("id").asText();
            Response jd = promise(agent, "102", "jd");
            assertEquals(201, jd.status(), jd.text());
            assertEquals("jd", jd.json().path("shop").asText(), jd.text());
            Response none = promise(agent, "103", null);
            assertTrue(none.json().has("shop") && none.json().path("shop").isNull(), none.text());

            ApiClient lead = server.userInShops("lead.tmall", "lead", "tmall");
            assertEquals(Set.of("101", "103"), tickets(lead.get("/api/v1/followups")));
            assertEquals(Set.of("101", "103"), tickets(lead.get("/api/v1/followups?shop=tmall")));
            Response other = lead.get("/api/v1/followups?shop=jd");
            assertEquals(403, other.status(), other.text());
            assertEquals("shop", other.errorField());
            assertEquals(400, lead.get("/api/v1/followups?shop=nowhere").status());
            assertEquals(Set.of(), tickets(lead.get("/api/v1/followups?ticketId=102")), "not even by its ticket");
            assertEquals(404, lead.post("/api/v1/followups/" + jd.json().path("id").asText() + "/done", "").status());
            assertEquals("open", server.admin().get("/api/v1/followups?ticketId=102").json()
                    .at("/followups/0/status").asText(), "jd's follow-up is still open");
            Response closed = lead.post("/api/v1/followups/" + tmall + "/done", "");
            assertEquals(200, closed.status(), closed.text());
            assertEquals("tmall", closed.json().path("shop").asText());

            ApiClient allLead = server.userWithRole("lead.all", "lead");
            assertEquals(Set.of("101", "102", "103"), tickets(allLead.get("/api/v1/followups")));
            assertEquals(Set.of("102", "103"), tickets(allLead.get("/api/v1/followups?shop=jd")));
            assertEquals(Set.of("101", "102", "103"), tickets(agent.get("/api/v1/followups")), "the agent's own");

            ApiClient jdAgent = server.userInShops("agent.jd", "agent", "jd");
            Response late = promise(jdAgent, "104", null, Duration.ofMinutes(-1));
            assertEquals("jd", late.json().path("shop").asText(), late.text());
            JsonNode every = allLead.get("/api/v1/analytics/insights").json().path("agents");
            assertTrue(every.toString().contains("agent.jd"), "jd's late promise counts for every shop: " + every);
            JsonNode theirs = lead.get("/api/v1/analytics/insights").json().path("agents");
            assertFalse(theirs.toString().contains("agent.jd"), "a lead of tmall never counts jd's promises: " + theirs);
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aCaseOrFollowUpIsRecordedInTheShopItNamesElseTheRecordersOneShop(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            shops(server);
            ApiClient tmall = server.userInShops("agent.tmall", "agent", "tmall");
            ApiClient both = server.userInShops("agent.both", "agent", "tmall", "jd");
            ApiClient all = server.userWithRole("agent.all", "agent");

            assertEquals("tmall", capture(tmall, "一店默认", null).path("shop").asText(), "their one shop");
            assertTrue(capture(both, "两店不定", null).path("shop").isNull(), "of two shops, none is assumed");
            assertEquals("jd", capture(both, "两店京东", "jd").path("shop").asText());
            assertTrue(capture(all, "全店", null).path("shop").isNull());
            assertEquals("jd", capture(all, "全店京东", "jd").path("shop").asText());

            assertEquals("tmall", promise(tmall, "201", null).json().path("shop").asText());
            assertTrue(promise(both, "202", null).json().path("shop").isNull());
            assertEquals("jd", promise(all, "203", "jd").json().path("shop").asText());

            Map<String, Integer> refusals = new java.util.LinkedHashMap<>();
            Map<String, Object> jdCase = new HashMap<>(Map.of("title", "越权", "excerptText", "客户：包裹没动", "shop", "jd"));
            refusals.put("case of another shop", tmall.post("/api/v1/cases", jdCase).status());
            jdCase.put("shop", "nowhere");
            refusals.put("case of no such shop", all.post("/api/v1/cases", jdCase).status());
            jdCase.put("shop", 7);
            refusals.put("case shop not a string", all.post("/api/v1/cases", jdCase).status());
            refusals.put("follow-up of another shop", promise(tmall, "204", "jd").status());
            refusals.put("follow-up of no such shop", promise(all, "205", "nowhere").status());
            refusals.put("follow-up shop not a string", promise(all, "206", List.of("jd")).status());
            assertEquals(Map.of("case of another shop", 403, "case of no such shop", 400, "case shop not a string", 400,
                    "follow-up of another shop", 403, "follow-up of no such shop", 400, "follow-up shop not a string", 400),
                    refusals);
            assertEquals("shop", promise(tmall, "204", "jd").errorField());
            assertEquals("shop", all.post("/api/v1/cases", Map.of("title", "x", "excerptText", "y", "shop", "nowhere"))
                    .errorField());
            assertEquals(Set.of(), titles(server.admin().get("/api/v1/cases?q=越权")), "nothing refused was stored");
            assertEquals(Set.of(), tickets(server.admin().get("/api/v1/followups?ticketId=204")));
        }
    }
}
