package com.replybook.kb.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Role;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.Fixtures;
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
 * Shops in the console (issue 20): an editor limited to one shop never sees another shop's entries in any list, page
 * or export; the editor keeps an entry's shops and tone versions when it is saved; the lists filter by shop.
 */
class ConsoleScopesTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ConsoleClient tmallEditor;
    static ConsoleClient lead;
    static String tmallId;
    static String jdId;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        ApiClient admin = server.admin();
        admin.post("/api/v1/shops", Map.of("key", "tmall", "name", "云栖天猫旗舰店"));
        admin.post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店"));
        tmallId = entry("con-tmall.zh-cn", List.of("tmall"));
        jdId = entry("con-jd.zh-cn", List.of("jd"));
        entry("con-global.zh-cn", List.of());
        var user = server.app().users().createUser("ed.tmall", "ed.tmall", Role.EDITOR, "en", List.of("tmall"));
        server.app().passwords().setPassword(user.id(), ConsoleSecurityTest.PASSWORD);
        tmallEditor = new ConsoleClient(server.base());
        assertEquals(303, tmallEditor.signIn("ed.tmall", ConsoleSecurityTest.PASSWORD).statusCode());
        server.createConsoleUsers(ConsoleSecurityTest.PASSWORD, "lead.all:lead");
        lead = new ConsoleClient(server.base());
        assertEquals(303, lead.signIn("lead.all", ConsoleSecurityTest.PASSWORD).statusCode());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A draft fixture entry of {@code shops} with a formal tone version; returns its id. */
    static String entry(String key, List<String> shops) {
        Map<String, Object> e = Fixtures.entry(key);
        e.put("shops", shops);
        e.put("toneScripts", Map.of("formal", "尊敬的客户，订单 ${order.id} 已为您加急处理。"));
        ApiClient.Response r = server.admin().post("/api/v1/entries", e);
        assertEquals(201, r.status(), r.text());
        return r.json().path("id").asText();
    }

    @Test
    void anEditorOfOneShopNeverSeesAnotherShopsEntryInTheConsole() {
        String list = tmallEditor.get("/console/entries").body();
        assertTrue(list.contains("con-tmall.zh-cn") && list.contains("con-global.zh-cn"), list);
        assertFalse(list.contains("con-jd.zh-cn"), "another shop's entry is never listed");

        assertEquals(404, tmallEditor.get("/console/entries/" + jdId).statusCode());
        assertEquals(404, tmallEditor.get("/console/entries/" + jdId + "/revisions").statusCode());
        assertEquals(403, tmallEditor.get("/console/entries?shop=jd").statusCode());

        String export = tmallEditor.get("/console/exchange/export?format=json").body();
        assertTrue(export.contains("con-tmall.zh-cn"), export);
        assertFalse(export.contains("con-jd.zh-cn"), "another shop's entry is never exported");
        String csv = tmallEditor.get("/console/exchange/export?format=csv").body();
        assertFalse(csv.contains("con-jd.zh-cn"));
        assertTrue(csv.lines().findFirst().orElseThrow().contains("toneScripts.formal"), "the tone versions are columns");
    }

    @Test
    void theEntriesListFiltersByShop() {
        String tmall = lead.get("/console/entries?shop=tmall").body();
        assertTrue(tmall.contains("con-tmall.zh-cn") && tmall.contains("con-global.zh-cn"));
        assertFalse(tmall.contains("con-jd.zh-cn"));
        assertTrue(tmall.contains("id=\"filter-shop\""), "the list offers the shop filter");
    }

    @Test
    void savingAnEntryInTheEditorKeepsItsShopsAndTonesVersions() {
        String page = lead.get("/console/entries/" + tmallId).body();
        assertTrue(page.contains("value=\"tmall\" checked"), "the entry's shop is ticked");
        assertTrue(page.contains("尊敬的客户，订单 ${order.id} 已为您加急处理。"), "the formal version is in the editor");

        Map<String, String> f = ConsoleReviewTest.form(lead, tmallId, "con-tmall.zh-cn",
                "您的订单 ${order.id} 我们已经加急处理。", 1, "save");
        f.put("shops", "tmall");
        f.put("visibility", "team");
        f.put("toneScripts.formal", "尊敬的客户，订单 ${order.id} 已改走顺丰次日达。");
        HttpResponse<String> saved = lead.post("/console/entries/" + tmallId, f);

        assertEquals(303, saved.statusCode(), saved.body());
        JsonNode e = server.admin().get("/api/v1/entries/" + tmallId).json();
        assertEquals("tmall", e.path("shops").path(0).asText(), e.toString());
        assertEquals("尊敬的客户，订单 ${order.id} 已改走顺丰次日达。", e.path("toneScripts").path("formal").asText());
    }

    @Test
    void aBrokenToneVersionIsRefusedNextToItsField() {
        Map<String, String> f = ConsoleReviewTest.form(lead, tmallId, "con-tmall.zh-cn",
                "您的订单 ${order.id} 我们已经加急处理。", server.admin().get("/api/v1/entries/" + tmallId).json()
                        .path("version").asLong(), "save");
        f.put("shops", "tmall");
        f.put("toneScripts.lively", "亲～订单 ${order.id");
        HttpResponse<String> refused = lead.post("/console/entries/" + tmallId, f);
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("亲～订单 ${order.id"), "the user's text is kept");
    }

    @Test
    void anAdminAddsAShopInTheConsoleAndABadFieldIsShownNextToIt() {
        server.createConsoleUsers(ConsoleSecurityTest.PASSWORD, "admin.shops:admin");
        ConsoleClient admin = new ConsoleClient(server.base());
        admin.signIn("admin.shops", ConsoleSecurityTest.PASSWORD);
        String csrf = admin.csrf("/console/shops");

        HttpResponse<String> bad = admin.post("/console/shops", Map.of("_csrf", csrf, "key", "Own Site",
                "name", "云栖官网", "greetings.warm", "亲爱的${customer.name"));
        assertEquals(422, bad.statusCode());
        assertTrue(bad.body().contains("data-field=\"key\"") && bad.body().contains("data-field=\"greetings.warm\""),
                bad.body());
        assertTrue(bad.body().contains("亲爱的${customer.name"), "the admin's text is kept");

        HttpResponse<String> ok = admin.post("/console/shops", Map.of("_csrf", csrf, "key", "own-site",
                "name", "云栖官网", "closings.formal", "云栖官网客服中心敬上"));
        assertEquals(303, ok.statusCode(), ok.body());
        assertEquals("云栖官网客服中心敬上", server.admin().get("/api/v1/shops/own-site").json()
                .path("closings").path("formal").asText());
        assertTrue(tmallEditor.get("/console/shops").body().contains("云栖天猫旗舰店"));
        assertFalse(tmallEditor.get("/console/shops").body().contains("云栖官网"), "a user sees their shops only");
        assertEquals(404, tmallEditor.get("/console/shops/own-site").statusCode());
    }

    @Test
    void anAdminLimitsAUserToShopsOnTheUsersPage() {
        server.createConsoleUsers(ConsoleSecurityTest.PASSWORD, "admin.users:admin", "agent.later:agent");
        ConsoleClient admin = new ConsoleClient(server.base());
        admin.signIn("admin.users", ConsoleSecurityTest.PASSWORD);
        String id = server.app().users().findByUsername("agent.later").orElseThrow().id();

        HttpResponse<String> r = admin.post("/console/users/" + id, Map.of("_csrf", admin.csrf("/console/users"),
                "action", "shops", "shops", "jd"));

        assertEquals(303, r.statusCode(), r.body());
        assertEquals(List.of("jd"), server.app().users().find(id).orElseThrow().shops());

        String tmall = admin.get("/console/users?shop=tmall").body();
        assertTrue(tmall.contains("id=\"user-filters\"") && tmall.contains("<option value=\"tmall\" selected>"), tmall);
        assertTrue(tmall.contains("data-user=\"ed.tmall\"") && tmall.contains("data-user=\"admin.users\""),
                "tmall's users and those of every shop");
        assertFalse(tmall.contains("data-user=\"agent.later\""), "a user of jd only is left out");
        assertEquals(400, admin.get("/console/users?shop=nosuch").statusCode());
    }

    @Test
    void insightsFilterByShopAndALeadOfOneShopCannotAskForAnother() {
        String page = lead.get("/console/insights?shop=jd").body();
        assertTrue(page.contains("id=\"filter-shop\""), page);
        assertTrue(page.contains("shop=jd"), "exports and drill-downs keep the shop");
        var user = server.app().users().createUser("lead.tmall", "lead.tmall", Role.LEAD, "en", List.of("tmall"));
        server.app().passwords().setPassword(user.id(), ConsoleSecurityTest.PASSWORD);
        ConsoleClient tmallLead = new ConsoleClient(server.base());
        tmallLead.signIn("lead.tmall", ConsoleSecurityTest.PASSWORD);
        assertEquals(200, tmallLead.get("/console/insights").statusCode());
        assertEquals(403, tmallLead.get("/console/insights?shop=jd").statusCode());
    }

    @Test
    void theReviewInboxFiltersByShop() {
        for (String shop : List.of("tmall", "jd")) {
            Map<String, Object> e = Fixtures.entry("con-review-" + shop + ".zh-cn");
            e.put("shops", List.of(shop));
            e.put("status", "in_review");
            assertEquals(201, server.admin().post("/api/v1/entries", e).status());
        }
        String all = lead.get("/console/inbox").body();
        assertTrue(all.contains("con-review-tmall.zh-cn") && all.contains("con-review-jd.zh-cn"), all);
        String jd = lead.get("/console/inbox?shop=jd").body();
        assertTrue(jd.contains("con-review-jd.zh-cn") && jd.contains("id=\"filter-shop\""), jd);
        assertFalse(jd.contains("con-review-tmall.zh-cn"), "the filter leaves other shops' work out");
    }
}
