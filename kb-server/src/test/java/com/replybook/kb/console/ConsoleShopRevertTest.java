package com.replybook.kb.console;

import com.replybook.kb.auth.Role;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A shop's own wording rules, compensation policy and synonyms (issue 20) can be dropped from the console, so that the
 * shop uses its locale's again: a confirmed button on each page, shown only while the shop keeps a copy of its own.
 */
class ConsoleShopRevertTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ConsoleClient lead;
    static ConsoleClient tmallLead;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        ShopConsole.twoShops(server);
        lead = ShopConsole.signedIn(server, "lead.all", Role.LEAD);
        tmallLead = ShopConsole.signedIn(server, "lead.tmall", Role.LEAD, "tmall");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aShopsOwnWordingRulesAreDroppedFromTheConsoleAndItUsesTheLocalesAgain() {
        String page = "/console/wording?locale=zh-CN&shop=tmall";
        assertFalse(lead.get(page).body().contains("id=\"rules-revert\""), "nothing to drop while the shop inherits");
        ApiClient api = server.userWithRole("lead.api", "lead");
        var rules = api.get("/api/v1/wording/zh-CN").json().get("rules");
        assertEquals(200, api.put("/api/v1/wording/zh-CN?shop=tmall", Map.of("rules", rules), null).status());

        String own = lead.get(page).body();
        assertTrue(own.contains("id=\"rules-revert\"") && own.contains("data-confirm="), "a confirmed button: " + own);
        HttpResponse<String> stale = lead.post("/console/wording/revert", Map.of("_csrf", lead.csrf(page),
                "locale", "zh-CN", "shop", "tmall", "version", "7"));
        assertEquals(409, stale.statusCode(), "a copy changed since the page was shown is not dropped");
        assertFalse(api.get("/api/v1/wording/zh-CN?shop=tmall").json().get("inherited").asBoolean());

        HttpResponse<String> reverted = lead.post("/console/wording/revert", Map.of("_csrf", lead.csrf(page),
                "locale", "zh-CN", "shop", "tmall", "version", "1"));
        assertEquals(303, reverted.statusCode(), reverted.body());
        assertTrue(reverted.headers().firstValue("Location").orElse("").endsWith("/console/wording?locale=zh-CN&shop=tmall"));
        assertTrue(api.get("/api/v1/wording/zh-CN?shop=tmall").json().get("inherited").asBoolean());
        String after = lead.get(page).body();
        assertTrue(after.contains("The shop&#39;s own copy is deleted") || after.contains("The shop's own copy is deleted"), after);
        assertFalse(after.contains("id=\"rules-revert\""));
    }

    @Test
    void aShopsOwnCompensationPolicyIsDroppedAndALeadOfAnotherShopCannotDropIt() {
        ApiClient api = server.userWithRole("lead.api2", "lead");
        var policy = api.get("/api/v1/compensation/policy/zh-CN").json();
        assertEquals(200, api.put("/api/v1/compensation/policy/zh-CN?shop=jd",
                Map.of("currency", policy.get("currency").asText(), "rules", policy.get("rules")), null).status());

        String page = "/console/compensation?locale=zh-CN&shop=jd";
        assertTrue(lead.get(page).body().contains("id=\"rules-revert\""));
        HttpResponse<String> notTheirs = tmallLead.post("/console/compensation/revert", Map.of(
                "_csrf", tmallLead.csrf("/console/compensation"), "locale", "zh-CN", "shop", "jd"));
        assertEquals(403, notTheirs.statusCode(), "a lead of tmall never changes jd's policy");
        HttpResponse<String> noShop = lead.post("/console/compensation/revert", Map.of(
                "_csrf", lead.csrf(page), "locale", "zh-CN"));
        assertEquals(400, noShop.statusCode(), "the locale's own policy is never dropped");
        assertFalse(api.get("/api/v1/compensation/policy/zh-CN?shop=jd").json().get("inherited").asBoolean());

        assertEquals(303, lead.post("/console/compensation/revert", Map.of("_csrf", lead.csrf(page),
                "locale", "zh-CN", "shop", "jd")).statusCode());
        assertTrue(api.get("/api/v1/compensation/policy/zh-CN?shop=jd").json().get("inherited").asBoolean());
        HttpResponse<String> again = lead.post("/console/compensation/revert", Map.of("_csrf", lead.csrf(page),
                "locale", "zh-CN", "shop", "jd"));
        assertEquals(404, again.statusCode(), "nothing left to drop");
    }

    @Test
    void aShopsOwnSynonymsAreDroppedFromTheSynonymsPage() {
        ApiClient api = server.userWithRole("editor.api", "editor");
        assertEquals(200, api.put("/api/v1/synonyms/zh-CN?shop=tmall", Map.of("rules", List.of("快递, 包裹, 物流")), null).status());
        String page = "/console/synonyms?locale=zh-CN&shop=tmall";
        String body = lead.get(page).body();
        assertTrue(body.contains("id=\"synonyms-revert\""), "the page's script shows it once it knows the shop has its own");

        assertEquals(303, lead.post("/console/synonyms/revert", Map.of("_csrf", lead.csrf(page),
                "locale", "zh-CN", "shop", "tmall")).statusCode());
        assertTrue(api.get("/api/v1/synonyms/zh-CN?shop=tmall").json().get("inherited").asBoolean());
        assertEquals(404, lead.post("/console/synonyms/revert", Map.of("_csrf", lead.csrf(page),
                "locale", "zh-CN", "shop", "tmall")).statusCode());
        assertEquals(403, lead.post("/console/synonyms/revert", Map.of("locale", "zh-CN", "shop", "tmall")).statusCode(),
                "no CSRF token, no change");
    }
}
