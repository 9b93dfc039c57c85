package com.replybook.kb.console;

import com.replybook.kb.auth.Role;
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
 * The tone mapping's console page (issue 20 item 4): leads read the shared mapping or a shop's own, admins change it
 * (through the API, from the page's script) and drop a shop's own; a lead of one shop sees only theirs.
 */
class ConsoleToneMappingTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ConsoleClient admin;
    static ConsoleClient lead;
    static ConsoleClient tmallLead;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        ShopConsole.twoShops(server);
        admin = ShopConsole.signedIn(server, "admin.tone", Role.ADMIN);
        lead = ShopConsole.signedIn(server, "lead.tone", Role.LEAD);
        tmallLead = ShopConsole.signedIn(server, "lead.tmall", Role.LEAD, "tmall");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aLeadReadsTheSharedMappingAndAnAdminMayChangeIt() {
        String shared = server.admin().get("/api/v1/tone/mapping").json().get("rules").get(0).get("tag").asText();
        String asLead = lead.get("/console/tone").body();
        assertTrue(asLead.contains("id=\"tone-rules\"") && asLead.contains("value=\"" + shared + "\""), asLead);
        assertTrue(asLead.contains("id=\"tone-admins-only\"") && !asLead.contains("id=\"tone-save\""), "leads read it");
        assertTrue(asLead.contains("href=\"/console/tone\""), "in the leads' navigation");
        String asAdmin = admin.get("/console/tone").body();
        assertTrue(asAdmin.contains("id=\"tone-save\"") && asAdmin.contains("data-api=\"/api/v1/tone/mapping\""), asAdmin);
        assertFalse(asAdmin.contains("id=\"rules-revert\""), "the shared mapping is never dropped");
        ConsoleClient agent = ShopConsole.signedIn(server, "agent.tone", Role.AGENT);
        assertEquals(403, agent.get("/console/tone").statusCode());
    }

    @Test
    void anAdminDropsAShopsOwnMappingAndTheShopUsesTheSharedOneAgain() {
        String page = "/console/tone?shop=jd";
        assertTrue(admin.get(page).body().contains("id=\"rules-stamp\""));
        assertFalse(admin.get(page).body().contains("id=\"rules-revert\""), "nothing to drop while it inherits");
        assertEquals(200, server.admin().put("/api/v1/tone/mapping?shop=jd",
                Map.of("rules", List.of(Map.of("tag", "京东PLUS", "tone", "formal"))), null).status());

        String own = admin.get(page).body();
        assertTrue(own.contains("value=\"京东PLUS\"") && own.contains("id=\"rules-revert\"")
                && own.contains("data-api=\"/api/v1/tone/mapping?shop=jd\""), own);
        HttpResponse<String> byLead = lead.post("/console/tone/revert", Map.of("_csrf", lead.csrf(page), "shop", "jd"));
        assertEquals(403, byLead.statusCode(), "leads read the mapping; admins change it");

        HttpResponse<String> reverted = admin.post("/console/tone/revert", Map.of("_csrf", admin.csrf(page), "shop", "jd"));
        assertEquals(303, reverted.statusCode(), reverted.body());
        assertTrue(reverted.headers().firstValue("Location").orElse("").endsWith("/console/tone?shop=jd"));
        assertTrue(server.admin().get("/api/v1/tone/mapping?shop=jd").json().get("inherited").asBoolean());
        assertFalse(admin.get(page).body().contains("value=\"京东PLUS\""));
        assertEquals(404, admin.post("/console/tone/revert", Map.of("_csrf", admin.csrf(page), "shop", "jd")).statusCode());
    }

    @Test
    void aLeadOfOneShopStartsOnTheirShopAndNeverOpensAnothers() {
        String page = tmallLead.get("/console/tone").body();
        assertTrue(page.contains("云栖天猫旗舰店") && page.contains("class=\"active\" aria-current=\"page\">云栖天猫旗舰店"), page);
        assertFalse(page.contains("云栖京东自营店"), "another shop is not offered");
        assertFalse(page.contains("href=\"/console/tone\"" + " class=\"active\""), "the shared mapping is not theirs");
        assertEquals(403, tmallLead.get("/console/tone?shop=jd").statusCode());
    }
}
