package com.replybook.kb.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Role;
import com.replybook.kb.cases.Case;
import com.replybook.kb.cases.CaseCollection;
import com.replybook.kb.cases.CaseDraft;
import com.replybook.kb.cases.CollectionItem;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.TestServer;
import com.replybook.kb.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shops in the console's ticket-loop pages (issue 20): the case list, the overdue follow-ups and the approvals filter
 * by shop; an editor or lead limited to tmall never sees jd's cases (in the list, on a page, in a collection, in the
 * picker, in the export) nor its follow-ups, and a lead's edit keeps a case's shop.
 */
class ConsoleTicketLoopScopesTest {

    static final String PASSWORD = ConsoleSecurityTest.PASSWORD;
    static final String TMALL = "天猫案例 · 延误先安抚";
    static final String JD = "京东案例 · 延误先安抚";
    static final String GLOBAL = "通用案例 · 延误先安抚";

    @TempDir
    static Path dir;
    static TestServer server;
    static ConsoleClient tmallEditor;
    static ConsoleClient tmallLead;
    static ConsoleClient lead;
    static Case tmallCase;
    static Case jdCase;
    static Case globalCase;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        ApiClient admin = server.admin();
        assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "tmall", "name", "云栖天猫旗舰店")).status());
        assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店")).status());
        tmallCase = newCase(TMALL, "tmall");
        jdCase = newCase(JD, "jd");
        globalCase = newCase(GLOBAL, null);
        tmallEditor = signedIn("ed.tmall", Role.EDITOR, "tmall");
        tmallLead = signedIn("lead.tmall", Role.LEAD, "tmall");
        lead = signedIn("lead.all", Role.LEAD, null);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Case newCase(String title, String shop) {
        return server.app().cases().create(new CaseDraft(title, "<p>客户：包裹三天没动</p>", "先道歉", "被重视", "好评",
                List.of("延误"), List.of(), 4, "rt:1", null, null, null, shop), "lead");
    }

    /** A console user of {@code shop} (null: every shop), signed in. */
    static ConsoleClient signedIn(String name, Role role, String shop) {
        var user = server.app().users().createUser(name, name, role, "en", shop == null ? List.of() : List.of(shop));
        server.app().passwords().setPassword(user.id(), PASSWORD);
        ConsoleClient c = new ConsoleClient(server.base());
        assertEquals(303, c.signIn(name, PASSWORD).statusCode());
        return c;
    }

    @Test
    void theCaseListFiltersByShopAndAReaderOfOneShopNeverSeesAnotherShopsCase() {
        String list = tmallEditor.get("/console/cases").body();
        assertTrue(list.contains(TMALL) && list.contains(GLOBAL), list);
        assertFalse(list.contains(JD), "another shop's case is never listed");
        assertTrue(list.contains("id=\"filter-shop\"") && list.contains("data-shop=\"tmall\">云栖天猫旗舰店"),
                "the filter, and each case's shop by name");
        assertEquals(404, tmallEditor.get("/console/cases/" + jdCase.id()).statusCode());
        assertEquals(200, tmallEditor.get("/console/cases/" + globalCase.id()).statusCode());
        assertEquals(403, tmallEditor.get("/console/cases?shop=jd").statusCode());

        String jd = lead.get("/console/cases?shop=jd").body();
        assertTrue(jd.contains(JD) && jd.contains(GLOBAL) && jd.contains("id=\"filter-shop\""), jd);
        assertFalse(jd.contains(TMALL), "the filter leaves other shops' cases out");
        assertTrue(jd.contains("<option value=\"jd\" selected>"), "the chosen shop stays chosen");
        assertTrue(lead.get("/console/cases/" + jdCase.id()).body().contains("云栖京东自营店"), "the case page names its shop");
    }

    @Test
    void aLeadOfOneShopEditsTheirShopsCaseKeepingItsShopAndNeverOpensAnothers() {
        Case mine = newCase("天猫待改案例", "tmall");
        String editPage = "/console/cases/" + mine.id() + "?edit=1";
        String body = tmallLead.get(editPage).body();
        Map<String, String> form = ConsoleCurationTest.caseForm(tmallLead.csrf(editPage), "天猫已改案例");
        form.put("basedOn", ConsoleSecurityTest.find(ConsoleCurationTest.BASED_ON, body));
        HttpResponse<String> saved = tmallLead.post("/console/cases/" + mine.id(), form);
        assertEquals(303, saved.statusCode(), saved.body());
        Case after = server.app().cases().find(mine.id()).orElseThrow();
        assertEquals("天猫已改案例", after.title());
        assertEquals("tmall", after.shop(), "the edit keeps the case's shop");

        assertEquals(404, tmallLead.get("/console/cases/" + jdCase.id() + "?edit=1").statusCode());
        Map<String, String> foreign = ConsoleCurationTest.caseForm(tmallLead.csrf("/console/cases"), "改别人的");
        foreign.put("basedOn", String.valueOf(jdCase.updatedAt().toEpochMilli()));
        assertEquals(404, tmallLead.post("/console/cases/" + jdCase.id(), foreign).statusCode());
        assertEquals(404, tmallLead.post("/console/cases/" + jdCase.id() + "/delete",
                Map.of("_csrf", tmallLead.csrf("/console/cases"))).statusCode());
        assertEquals(JD, server.app().cases().find(jdCase.id()).orElseThrow().title(), "jd's case is untouched");

        // a case of every shop: a lead of one shop reads it but never changes it, as with entries of every shop
        String global = tmallLead.get("/console/cases/" + globalCase.id()).body();
        assertTrue(global.contains(GLOBAL) && !global.contains("id=\"edit-case\"") && !global.contains("id=\"delete-case\""), global);
        assertEquals(403, tmallLead.get("/console/cases/" + globalCase.id() + "?edit=1").statusCode());
        Map<String, String> everyShop = ConsoleCurationTest.caseForm(tmallLead.csrf("/console/cases"), "改通用的");
        everyShop.put("basedOn", String.valueOf(globalCase.updatedAt().toEpochMilli()));
        assertEquals(403, tmallLead.post("/console/cases/" + globalCase.id(), everyShop).statusCode());
        assertEquals(403, tmallLead.post("/console/cases/" + globalCase.id() + "/delete",
                Map.of("_csrf", tmallLead.csrf("/console/cases"))).statusCode());
        assertEquals(GLOBAL, server.app().cases().find(globalCase.id()).orElseThrow().title(), "the case of every shop is untouched");
        assertTrue(lead.get("/console/cases/" + globalCase.id()).body().contains("id=\"edit-case\""), "a lead of every shop changes it");

        HttpResponse<String> created = tmallLead.post("/console/cases/new",
                ConsoleCurationTest.caseForm(tmallLead.csrf("/console/cases/new"), "天猫新案例"));
        assertEquals(303, created.statusCode(), created.body());
        String id = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        assertEquals("tmall", server.app().cases().find(id).orElseThrow().shop(), "a lead of one shop writes for it");
    }

    @Test
    void aCollectionShowsAReaderOfOneShopNoCaseOfAnotherAndTheirMovesLeaveItInPlace() {
        var cases = server.app().cases();
        CaseCollection col = cases.createCollection("双11 · 店铺", "", "lead");
        cases.setItems(col.id(), List.of(new CollectionItem("case", jdCase.id(), null),
                new CollectionItem("case", tmallCase.id(), null), new CollectionItem("case", globalCase.id(), null)),
                "lead", col.updatedAt());
        String page = "/console/collections/" + col.id();
        String seen = tmallEditor.get(page).body();
        assertTrue(seen.contains(TMALL) && seen.contains(GLOBAL), seen);
        assertFalse(seen.contains(JD) || seen.contains(jdCase.id()), "jd's case is not in tmall's collection");
        assertTrue(lead.get(page).body().contains(JD), "a lead of every shop sees it");
        String suggested = tmallLead.get(page + "/suggest?type=case&q=" + java.net.URLEncoder.encode("延误",
                StandardCharsets.UTF_8)).body();
        assertTrue(suggested.contains(TMALL), suggested);
        assertFalse(suggested.contains(JD), "the picker never offers another shop's case: " + suggested);

        String body = tmallLead.get(page).body();
        HttpResponse<String> removed = tmallLead.post(page, Map.of("_csrf", tmallLead.csrf(page), "action", "remove",
                "index", "0", "basedOn", ConsoleSecurityTest.find(ConsoleCurationTest.BASED_ON, body)));
        assertEquals(303, removed.statusCode(), removed.body());
        assertEquals(List.of(jdCase.id(), globalCase.id()), refs(col.id()), "the first case tmall saw is gone, jd's stays");
        body = tmallLead.get(page).body();
        tmallLead.post(page, Map.of("_csrf", tmallLead.csrf(page), "action", "up", "index", "0",
                "basedOn", ConsoleSecurityTest.find(ConsoleCurationTest.BASED_ON, body)));
        assertEquals(List.of(jdCase.id(), globalCase.id()), refs(col.id()), "moving up the first they see moves nothing");

        // what other shops' agents study is not a lead of one shop's to publish, unpublish or delete
        for (String action : List.of("publish", "delete")) {
            body = tmallLead.get(page).body();
            HttpResponse<String> refused = tmallLead.post(page, Map.of("_csrf", tmallLead.csrf(page), "action", action,
                    "basedOn", ConsoleSecurityTest.find(ConsoleCurationTest.BASED_ON, body)));
            assertEquals(403, refused.statusCode(), action + ": " + refused.body());
        }
        assertTrue(server.app().cases().collection(col.id()).isPresent(), "still there");
        assertFalse(server.app().cases().collection(col.id()).orElseThrow().published());
        body = lead.get(page).body();
        assertEquals(303, lead.post(page, Map.of("_csrf", lead.csrf(page), "action", "publish",
                "basedOn", ConsoleSecurityTest.find(ConsoleCurationTest.BASED_ON, body))).statusCode(), "a lead of every shop may");
    }

    @Test
    void anExportOfAReaderOfOneShopHoldsNoOtherShopsCaseAndAnImportKeepsShops() throws Exception {
        CaseCollection col = server.app().cases().createCollection("导出 · 店铺", "", "lead");
        server.app().cases().setItems(col.id(), List.of(new CollectionItem("case", jdCase.id(), null),
                new CollectionItem("case", tmallCase.id(), null)), "lead", col.updatedAt());
        String mine = new String(tmallEditor.download("/console/exchange/cases.json"), StandardCharsets.UTF_8);
        assertTrue(mine.contains(TMALL) && mine.contains(GLOBAL), mine);
        assertFalse(mine.contains(JD) || mine.contains(jdCase.id()), "nothing of jd: " + mine);

        byte[] all = lead.download("/console/exchange/cases.json");
        JsonNode doc = Json.MAPPER.readTree(all);
        assertTrue(doc.toString().contains("\"shop\":\"jd\""), doc.toString());

        HttpResponse<String> refused = tmallLead.upload("/console/exchange/cases",
                Map.of("_csrf", tmallLead.csrf("/console/exchange")), "replybook-cases.json", all);
        assertEquals(422, refused.statusCode(), "a lead of tmall imports no case of jd");
        assertTrue(refused.body().contains("jd"), refused.body());

        HttpResponse<String> roundTrip = lead.upload("/console/exchange/cases",
                Map.of("_csrf", lead.csrf("/console/exchange")), "replybook-cases.json", all);
        assertEquals(200, roundTrip.statusCode(), roundTrip.body());
        assertEquals("jd", server.app().cases().find(jdCase.id()).orElseThrow().shop(), "the import keeps the shop");
        assertEquals(null, server.app().cases().find(globalCase.id()).orElseThrow().shop());
    }

    @Test
    void theOverdueFollowUpsFilterByShopAndALeadOfOneShopSeesTheirsOnly() {
        ApiClient agent = server.userWithRole("agent.all", "agent");
        String tmall = overdue(agent, "9101", "天猫回电", "tmall");
        String jd = overdue(agent, "9102", "京东回电", "jd");
        overdue(agent, "9103", "通用回电", null);

        String mine = tmallLead.get("/console/followups").body();
        assertTrue(mine.contains("天猫回电") && mine.contains("通用回电"), mine);
        assertFalse(mine.contains("京东回电"), "another shop's follow-up is never listed");
        assertTrue(mine.contains("id=\"filter-shop\""), "the list offers the shop filter");
        assertEquals(403, tmallLead.get("/console/followups?shop=jd").statusCode());
        assertEquals(404, tmallLead.post("/console/followups/" + jd + "/done",
                Map.of("_csrf", tmallLead.csrf("/console/followups"))).statusCode());

        String onlyJd = lead.get("/console/followups?shop=jd").body();
        assertTrue(onlyJd.contains("京东回电") && onlyJd.contains("通用回电") && onlyJd.contains("云栖京东自营店"), onlyJd);
        assertFalse(onlyJd.contains("天猫回电"));

        HttpResponse<String> done = tmallLead.post("/console/followups/" + tmall + "/done",
                Map.of("_csrf", tmallLead.csrf("/console/followups"), "agent", "", "shop", "tmall"));
        assertEquals(303, done.statusCode(), done.body());
        assertTrue(done.headers().firstValue("Location").orElseThrow().endsWith("/console/followups?shop=tmall"),
                "back to the filtered list");
        assertFalse(tmallLead.get("/console/followups").body().contains("天猫回电"));
    }

    @Test
    void theApprovalsFilterByShopAndALeadOfOneShopCannotAskForAnother() {
        ApiClient agent = server.userWithRole("agent.approvals", "agent");
        for (Map.Entry<String, String> ask : Map.of("9201", "tmall", "9202", "jd").entrySet()) {
            ApiClient.Response r = agent.post("/api/v1/approvals", Map.of("ticketId", ask.getKey(), "helpdesk", "rt",
                    "locale", "zh-CN", "category", "物流/延误", "orderAmount", "50", "offer", "coupon", "amount", "30",
                    "reason", "顾客等了五天", "shop", ask.getValue()));
            assertEquals(201, r.status(), r.text());
        }
        String all = lead.get("/console/approvals").body();
        assertTrue(all.contains("rt #9201") && all.contains("rt #9202") && all.contains("id=\"filter-shop\""), all);
        String jd = lead.get("/console/approvals?shop=jd").body();
        assertTrue(jd.contains("rt #9202") && jd.contains("云栖京东自营店"), jd);
        assertFalse(jd.contains("rt #9201"), "the filter leaves other shops' approvals out");

        String mine = tmallLead.get("/console/approvals").body();
        assertTrue(mine.contains("rt #9201"), mine);
        assertFalse(mine.contains("rt #9202"));
        assertEquals(403, tmallLead.get("/console/approvals?shop=jd").statusCode());
        assertEquals(200, tmallLead.get("/console/approvals?shop=tmall").statusCode());
    }

    /** Records a follow-up of {@code shop} due a minute ago (so overdue at once); returns its id. */
    static String overdue(ApiClient agent, String ticket, String note, String shop) {
        Map<String, Object> f = new HashMap<>(Map.of("ticketId", ticket, "helpdesk", "rt", "note", note,
                "dueAt", Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS).toString()));
        if (shop != null) f.put("shop", shop);
        ApiClient.Response r = agent.post("/api/v1/followups", f);
        assertEquals(201, r.status(), r.text());
        return r.json().path("id").asText();
    }

    private static List<String> refs(String collectionId) {
        return server.app().cases().collection(collectionId).orElseThrow().items().stream().map(CollectionItem::ref).toList();
    }
}
