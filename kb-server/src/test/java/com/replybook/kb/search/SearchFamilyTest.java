package com.replybook.kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The locale versions of one entry ({@code refund-timing.zh-cn}, {@code .zh-tw}, {@code .en}) are one hit, in the
 * preferred locale, with the others as its siblings: a simplified-Chinese search no longer lists the zh-TW twin
 * second. Over HTTP on SQLite (the folding reads the index only).
 */
class SearchFamilyTest {

    @TempDir
    Path dir;

    private static TestServer startWithTwins(Path dir) throws Exception {
        TestServer server = TestServer.start(dir, false);
        assertTrue(server.app().search().index().awaitReady(Duration.ofSeconds(30)));
        ApiClient admin = server.admin();
        post(admin, SearchApiTest.entry("refund-timing.zh-cn", "zh-CN", "退款多久到账", List.of("退款什么时候到账", "钱怎么还没退回来"), "published"));
        post(admin, SearchApiTest.entry("refund-timing.zh-tw", "zh-TW", "退款多久到帳", List.of("退款什麼時候到帳", "退款到账要几天"), "published"));
        post(admin, SearchApiTest.entry("refund-timing.en", "en", "When the refund arrives", List.of("when do I get my refund"), "published"));
        post(admin, SearchApiTest.entry("refund-proof.zh-cn", "zh-CN", "退款成功但没收到钱", List.of("退款显示成功但是没到账"), "published"));
        post(admin, SearchApiTest.entry("refund-timing.fr", "fr", "Délai de remboursement", List.of("remboursement"), "draft"));
        server.app().search().index().refresh();
        return server;
    }

    private static void post(ApiClient admin, Map<String, Object> entry) {
        assertEquals(201, admin.post("/api/v1/entries", entry).status());
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> keys(JsonNode result) {
        List<String> out = new ArrayList<>();
        result.get("hits").forEach(h -> out.add(h.get("key").asText()));
        return out;
    }

    private static List<String> siblingKeys(JsonNode hit) {
        List<String> out = new ArrayList<>();
        hit.get("siblings").forEach(s -> out.add(s.get("key").asText()));
        return out;
    }

    @Test
    void aSimplifiedChineseSearchListsOneEntryPerFamilyInThePreferredLocaleWithTheOthersAsSiblings() throws Exception {
        try (TestServer server = startWithTwins(dir)) {
            ApiClient agent = server.userWithRole("agent1", "agent");
            JsonNode every = agent.get("/api/v1/search?q=" + q("退款到账") + "&family=false").json();
            assertTrue(keys(every).containsAll(List.of("refund-timing.zh-cn", "refund-timing.zh-tw")), keys(every).toString());

            JsonNode folded = agent.get("/api/v1/search?q=" + q("退款到账") + "&prefer=zh-CN").json();
            List<String> keys = keys(folded);
            assertTrue(keys.contains("refund-timing.zh-cn"), keys.toString());
            assertFalse(keys.contains("refund-timing.zh-tw"), "the twin is folded into its family: " + keys);
            assertEquals(keys.size(), keys.stream().distinct().count());
            JsonNode hit = folded.get("hits").get(keys.indexOf("refund-timing.zh-cn"));
            assertEquals(List.of("refund-timing.en", "refund-timing.zh-tw"), siblingKeys(hit),
                    "the other published versions, one click away (not the French draft)");
            assertEquals("退款多久到帳", hit.get("siblings").get(1).get("problem").asText());
            assertTrue(folded.get("hits").get(keys.indexOf("refund-proof.zh-cn")).get("siblings").isEmpty());
            assertEquals(every.get("confident").asBoolean(), folded.get("confident").asBoolean(),
                    "folding does not change the confidence");
        }
    }

    @Test
    void theFamilyShowsThePreferredVersionEvenWhenAnotherRankedFirst() throws Exception {
        try (TestServer server = startWithTwins(dir)) {
            ApiClient agent = server.userWithRole("agent1", "agent");
            JsonNode traditional = agent.get("/api/v1/search?q=" + q("退款什麼時候到帳") + "&family=false").json();
            assertEquals("refund-timing.zh-tw", keys(traditional).get(0), "the zh-TW wording ranks its own version first");

            JsonNode folded = agent.get("/api/v1/search?q=" + q("退款什麼時候到帳") + "&prefer=zh-CN").json();
            JsonNode top = folded.get("hits").get(0);
            assertEquals("refund-timing.zh-cn", top.get("key").asText(), "shown in the agent's locale, in the family's place");
            assertEquals(traditional.get("hits").get(0).get("score").floatValue(), top.get("score").floatValue());
            assertEquals(List.of("refund-timing.en", "refund-timing.zh-tw"), siblingKeys(top));

            JsonNode english = agent.get("/api/v1/search?q=" + q("退款什麼時候到帳") + "&prefer=en").json();
            assertEquals("refund-timing.en", english.get("hits").get(0).get("key").asText());
        }
    }

    @Test
    void withoutPreferTheFamilyIsShownInTheAgentsOwnLocale() throws Exception {
        try (TestServer server = startWithTwins(dir)) {
            var users = server.app().users();
            var taipei = users.createUser("agent-tw", "agent-tw", com.replybook.kb.auth.Role.AGENT, "zh-TW");
            ApiClient agentTw = server.client(users.issueToken(taipei.id(), "test"));
            JsonNode folded = agentTw.get("/api/v1/search?q=" + q("退款多久到账")).json();
            List<String> keys = keys(folded);
            assertTrue(keys.contains("refund-timing.zh-tw") && !keys.contains("refund-timing.zh-cn"),
                    "a zh-TW agent reads the zh-TW version of a simplified search: " + keys);
            JsonNode hit = folded.get("hits").get(keys.indexOf("refund-timing.zh-tw"));
            assertEquals(List.of("refund-timing.en", "refund-timing.zh-cn"), siblingKeys(hit));

            ApiClient agentCn = server.userWithRole("agent-cn", "agent");
            JsonNode ticket = agentCn.post("/api/v1/search/ticket", Map.of("subject", "退款",
                    "messages", List.of(Map.of("author", "customer", "text", "退款什麼時候到帳？")))).json();
            assertTrue(keys(ticket).contains("refund-timing.zh-cn") && !keys(ticket).contains("refund-timing.zh-tw"),
                    "a zh-CN agent's suggestions show the zh-CN version: " + keys(ticket));
        }
    }

    @Test
    void ticketSuggestionsAreFoldedTooAndABadPreferIsRefusedNamingTheParameter() throws Exception {
        try (TestServer server = startWithTwins(dir)) {
            ApiClient agent = server.userWithRole("agent1", "agent");
            JsonNode ticket = agent.post("/api/v1/search/ticket", Map.of("subject", "退款",
                    "messages", List.of(Map.of("author", "customer", "text", "退款什么时候到账？")), "prefer", "zh-CN")).json();
            List<String> keys = keys(ticket);
            assertTrue(keys.contains("refund-timing.zh-cn") && !keys.contains("refund-timing.zh-tw"), keys.toString());

            JsonNode unfolded = agent.post("/api/v1/search/ticket", Map.of("subject", "退款",
                    "messages", List.of(Map.of("author", "customer", "text", "退款什么时候到账？")), "family", false)).json();
            assertTrue(keys(unfolded).contains("refund-timing.zh-tw"), keys(unfolded).toString());
            assertFalse(unfolded.get("hits").get(0).has("siblings"));

            assertEquals("prefer", agent.get("/api/v1/search?q=x&prefer=" + q("<script>")).errorField());
            assertEquals("family", agent.get("/api/v1/search?q=x&family=maybe").errorField());
        }
    }
}
