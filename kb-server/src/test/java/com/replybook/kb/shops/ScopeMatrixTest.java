package com.replybook.kb.shops;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Role;
import com.replybook.kb.cases.CaseCollection;
import com.replybook.kb.cases.CollectionItem;
import com.replybook.kb.console.ConsoleClient;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.FoundKeys;
import com.replybook.kb.testing.TestServer;
import com.replybook.kb.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole isolation matrix of issue 20, one cell at a time: every role (agent, editor, lead) × the user's shops
 * (every shop, tmall only) × every kind of entry (tmall's, jd's, every shop's, the user's own snippet, a colleague's
 * snippet) × every way of reading (search, list, get, render, the console's export); then the ticket-loop features
 * that show entries (training collections, learned questions, follow-ups). Each cell is checked against one rule,
 * written out in {@link #reads} and {@link #finds}.
 */
class ScopeMatrixTest {

    static final String Q = "快递三天没动了";
    static final String PASSWORD = "matrix password 1";
    static final String TMALL = "mx-tmall.zh-cn";
    static final String JD = "mx-jd.zh-cn";
    static final String GLOBAL = "mx-global.zh-cn";
    static final String COLLEAGUE = "mx-own-colleague.zh-cn";

    @TempDir
    static Path dir;
    static TestServer server;
    /** Every user of the matrix: username → the shops they work for (none: every shop). */
    static final Map<String, List<String>> USERS = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        ApiClient admin = server.admin();
        assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "tmall", "name", "云栖天猫旗舰店")).status());
        assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店")).status());
        ScopeIsolationApiTest.publish(admin, TMALL, List.of("tmall"));
        ScopeIsolationApiTest.publish(admin, JD, List.of("jd"));
        ScopeIsolationApiTest.publish(admin, GLOBAL, List.of());
        snippet(server.userWithRole("agent.colleague", "agent"), COLLEAGUE);
        for (String role : List.of("agent", "editor", "lead")) {
            USERS.put(role + ".all", List.of());
            USERS.put(role + ".tmall", List.of("tmall"));
        }
        USERS.forEach((name, shops) -> {
            var user = server.app().users().createUser(name, name, Role.fromWire(name.substring(0, name.indexOf('.'))),
                    "zh-CN", shops);
            server.app().passwords().setPassword(user.id(), PASSWORD);
            snippet(api(name), own(name));
        });
        FoundKeys.await(api("agent.all"), "/api/v1/search?limit=20&q=" + Q, Set.of(TMALL, JD, GLOBAL));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String own(String user) {
        return "mx-own-" + user.replace('.', '-') + ".zh-cn";
    }

    static void snippet(ApiClient client, String key) {
        Map<String, Object> e = Fixtures.entry(key);
        e.put("visibility", "personal");
        e.put("status", "published");
        Response r = client.post("/api/v1/entries", e);
        assertEquals(201, r.status(), r.text());
    }

    static ApiClient api(String user) {
        return server.client(server.app().users().issueToken(
                server.app().users().findByUsername(user).orElseThrow().id(), "matrix"));
    }

    /**
     * Whether {@code user} may read (get, render) {@code key}: the entries of their shops and of every shop; a snippet
     * (of every shop) its owner, and a lead, who may promote it.
     */
    static boolean reads(String user, String key) {
        if (key.equals(JD)) return USERS.get(user).isEmpty();
        if (key.startsWith("mx-own-")) return key.equals(own(user)) || user.startsWith("lead.");
        return true;
    }

    /** Whether {@code user} finds {@code key} in searches, lists and exports: as {@link #reads}, their own snippets only. */
    static boolean finds(String user, String key) {
        return reads(user, key) && (!key.startsWith("mx-own-") || key.equals(own(user)));
    }

    static Set<String> keys(JsonNode list) {
        Set<String> out = new TreeSet<>();
        list.forEach(e -> {
            if (e.path("key").asText().startsWith("mx-")) out.add(e.path("key").asText());
        });
        return out;
    }

    @Test
    void everyRoleOfEveryShopReadsAndFindsExactlyWhatTheRuleSays() {
        List<String> failures = new ArrayList<>();
        List<String> all = new ArrayList<>(List.of(TMALL, JD, GLOBAL, COLLEAGUE));
        USERS.keySet().forEach(u -> all.add(own(u)));
        for (String user : USERS.keySet()) {
            ApiClient client = api(user);
            Set<String> expected = new TreeSet<>(all.stream().filter(k -> finds(user, k)).toList());
            check(failures, user + " search", expected, keys(client.get("/api/v1/search?limit=50&q=" + Q).json().path("hits")));
            check(failures, user + " list", expected, keys(client.get("/api/v1/entries?pageSize=200").json().path("items")));
            if (!user.startsWith("agent.")) {
                check(failures, user + " export", expected, keys(export(user)));
            }
            for (String key : all) {
                int wanted = reads(user, key) ? 200 : 404;
                check(failures, user + " get " + key, wanted, client.get("/api/v1/entries/" + key).status());
                check(failures, user + " render " + key, wanted, client.post("/api/v1/entries/" + key + "/render",
                        Map.of("tone", "standard", "channel", "chat")).status());
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " cells differ from the rule:\n" + String.join("\n", failures));
    }

    @Test
    void theTicketLoopShowsNoEntryTheReaderMayNotRead() throws Exception {
        var cases = server.app().cases();
        CaseCollection week1 = cases.createCollection("新人第一周 · 矩阵", "", "lead");
        week1 = cases.setItems(week1.id(), List.of(new CollectionItem("entry", TMALL, null),
                new CollectionItem("entry", JD, null), new CollectionItem("entry", COLLEAGUE, null)), "lead", week1.updatedAt());
        cases.setPublished(week1.id(), true, "lead", week1.updatedAt());

        JsonNode studied = api("agent.tmall").get("/api/v1/collections/" + week1.id()).json();
        List<String> shown = new ArrayList<>();
        studied.path("items").forEach(i -> shown.add(i.path("entry").path("key").asText()));
        assertEquals(List.of(TMALL), shown, "another shop's entry and a colleague's snippet are left out: " + studied);

        ApiClient tmallEditor = api("editor.tmall");
        assertEquals(404, tmallEditor.get("/api/v1/entries/" + JD + "/suggested-questions").status());
        Response everyShop = tmallEditor.get("/api/v1/entries/" + GLOBAL + "/suggested-questions");
        assertEquals(403, everyShop.status(), "learning a question changes the entry, which other shops use too");
        assertEquals(200, tmallEditor.get("/api/v1/entries/" + TMALL + "/suggested-questions").status());

        Response followUp = api("agent.tmall").post("/api/v1/followups", Map.of("ticketId", "7", "helpdesk", "rt",
                "dueAt", java.time.Instant.now().plus(java.time.Duration.ofDays(2)).toString(), "note", "回访", "entryId", JD));
        assertEquals(422, followUp.status(), followUp.text());
        assertEquals("entryId", followUp.errorField());
    }

    private static JsonNode export(String user) {
        ConsoleClient console = new ConsoleClient(server.base());
        assertEquals(303, console.signIn(user, PASSWORD).statusCode());
        var r = console.get("/console/exchange/export?format=json");
        assertEquals(200, r.statusCode(), r.body());
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(r.body(), e);
        }
    }

    private static void check(List<String> failures, String cell, Object expected, Object actual) {
        if (!expected.equals(actual)) failures.add(cell + ": expected " + expected + ", was " + actual);
    }
}
