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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each shop's own settings in the console (issue 20, item 4): its channel layouts on its page, and its own wording
 * rules, compensation policy and synonyms on those pages, which a lead of one shop opens on their shop.
 */
class ConsoleShopSettingsTest {

    static final String CHAT = "channel/chat.zh-CN.ftl";
    @TempDir
    static Path dir;
    static TestServer server;
    static ConsoleClient admin;
    static ConsoleClient tmallLead;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        ApiClient api = server.admin();
        assertEquals(201, api.post("/api/v1/shops", Map.of("key", "tmall", "name", "云栖天猫旗舰店",
                "locales", List.of("zh-CN"), "layouts", Map.of("channel/chat.en.ftl", "[Yunqi] ${body}"))).status());
        assertEquals(201, api.post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店")).status());
        server.createConsoleUsers(ConsoleSecurityTest.PASSWORD, "admin.settings:admin");
        admin = new ConsoleClient(server.base());
        assertEquals(303, admin.signIn("admin.settings", ConsoleSecurityTest.PASSWORD).statusCode());
        var lead = server.app().users().createUser("lead.tmall", "lead.tmall", Role.LEAD, "zh-CN", List.of("tmall"));
        server.app().passwords().setPassword(lead.id(), ConsoleSecurityTest.PASSWORD);
        tmallLead = new ConsoleClient(server.base());
        assertEquals(303, tmallLead.signIn("lead.tmall", ConsoleSecurityTest.PASSWORD).statusCode());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anAdminSetsAShopsChannelLayoutOnItsPageAndABrokenOneIsShownNextToItsField() {
        String page = admin.get("/console/shops/tmall").body();
        assertTrue(page.contains("name=\"layouts." + CHAT + "\""), "the layouts of the shop's languages");
        assertFalse(page.contains("name=\"layouts.channel/chat.en.ftl\""), "a language the shop does not write in");

        Map<String, String> form = form("<#assign x = body>${x}");
        HttpResponse<String> bad = admin.post("/console/shops/tmall", form);
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("data-field=\"layouts." + CHAT + "\""), bad.body());
        assertTrue(bad.body().contains("&lt;#assign x = body&gt;${x}"), "the admin's text is kept");

        HttpResponse<String> ok = admin.post("/console/shops/tmall", form("【${shopName}】${tone.greeting}${body}"));
        assertEquals(303, ok.statusCode(), ok.body());
        var layouts = server.admin().get("/api/v1/shops/tmall").json().path("layouts");
        assertEquals("【${shopName}】${tone.greeting}${body}", layouts.path(CHAT).asText());
        assertEquals("[Yunqi] ${body}", layouts.path("channel/chat.en.ftl").asText(),
                "a layout of a language not on the form stays");
    }

    @Test
    void aLeadOfOneShopOpensTheGuardrailsPagesOnTheirShopsOwnRules() {
        String wording = tmallLead.get("/console/wording?locale=zh-CN").body();
        assertTrue(wording.contains("data-api=\"/api/v1/wording/zh-CN?shop=tmall\""), wording);
        assertTrue(wording.contains("data-shop=\"tmall\""), "the try box checks by the shop's rules");
        String tabs = wording.substring(wording.indexOf("id=\"shop-tabs\""), wording.indexOf("</nav>", wording.indexOf("id=\"shop-tabs\"")));
        assertTrue(tabs.contains("shop=tmall"), tabs);
        assertFalse(tabs.contains("/console/wording?locale=zh-CN\""), "no tab for the rules of every shop: " + tabs);
        assertEquals(403, tmallLead.get("/console/compensation?shop=jd").statusCode());
        String compensation = tmallLead.get("/console/compensation?locale=zh-CN&shop=tmall").body();
        assertTrue(compensation.contains("data-api=\"/api/v1/compensation/policy/zh-CN?shop=tmall\""), compensation);

        String shared = admin.get("/console/wording?locale=zh-CN").body();
        assertTrue(shared.contains("data-api=\"/api/v1/wording/zh-CN\""), "an admin starts on the language's rules");
        String synonyms = admin.get("/console/synonyms?locale=zh-CN&shop=jd").body();
        assertTrue(synonyms.contains("data-api=\"/api/v1/synonyms/zh-CN?shop=jd\""), synonyms);
        assertTrue(admin.get("/console/shops/jd").body().contains("/wording?shop=jd"), "the shop page leads there");
    }

    private static Map<String, String> form(String chatLayout) {
        Map<String, String> f = new HashMap<>();
        f.put("_csrf", admin.csrf("/console/shops/tmall"));
        f.put("name", "云栖天猫旗舰店");
        f.put("locales", "zh-CN");
        f.put("layouts." + CHAT, chatLayout);
        return f;
    }
}
