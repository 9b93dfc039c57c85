package com.replybook.kb.console;

import com.replybook.kb.cases.Case;
import com.replybook.kb.cases.CaseCollection;
import com.replybook.kb.cases.CaseDraft;
import com.replybook.kb.cases.CollectionItem;
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
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cases, collections and users in the console: escaping of stored text, and edits that never overwrite blindly. */
class ConsoleCurationTest {

    static final String PASSWORD = ConsoleSecurityTest.PASSWORD;
    static final String XSS = ConsoleSecurityTest.XSS;
    static final Pattern BASED_ON = Pattern.compile("name=\"basedOn\" value=\"(\\d+)\"");
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        server.createConsoleUsers(PASSWORD, "lead:lead", "lead2:lead", "root:admin");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ConsoleClient signedIn(String user) {
        ConsoleClient c = new ConsoleClient(server.base());
        assertEquals(303, c.signIn(user, PASSWORD).statusCode());
        return c;
    }

    static Case newCase(String title) {
        return server.app().cases().create(new CaseDraft(title, "<p>客户：包裹丢了</p>", "补发", "快", "好评",
                List.of("物流"), List.of(), 4, "rt:1"), "lead");
    }

    static Map<String, String> caseForm(String csrf, String title) {
        Map<String, String> f = new HashMap<>();
        for (String k : List.of("excerptHtml", "agentDid", "whyItWorked", "outcome", "tags", "entryKeys", "rating", "source")) {
            f.put(k, "");
        }
        f.put("_csrf", csrf);
        f.put("title", title);
        f.put("excerptHtml", "<p>客户：包裹丢了</p>");
        return f;
    }

    static void assertEscaped(ConsoleClient c, String page) {
        String body = c.get(page).body();
        assertFalse(body.contains("<script>alert"), page);
        assertFalse(body.contains("<img src=x"), page);
    }

    @Test
    void storedTextInEveryCaseAndCollectionFieldIsEscapedOnEveryPage() {
        ConsoleClient lead = signedIn("lead");
        Map<String, String> form = caseForm(lead.csrf("/console/cases/new"), "Title " + XSS);
        for (String f : List.of("excerptHtml", "agentDid", "whyItWorked", "outcome", "source")) form.put(f, XSS + f);
        form.put("tags", XSS);
        HttpResponse<String> created = lead.post("/console/cases/new", form);
        assertEquals(303, created.statusCode(), created.body());
        String caseId = created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");

        HttpResponse<String> col = lead.post("/console/collections", Map.of("_csrf", lead.csrf("/console/collections"),
                "name", "Week 1 " + XSS, "description", XSS));
        String colId = col.headers().firstValue("Location").orElseThrow().replaceAll(".*/", "");
        String basedOn = ConsoleSecurityTest.find(BASED_ON, lead.get("/console/collections/" + colId).body());
        lead.post("/console/collections/" + colId, Map.of("_csrf", lead.csrf("/console/collections/" + colId),
                "basedOn", basedOn, "action", "add", "type", "case", "ref", caseId));

        for (String page : List.of("/console/cases", "/console/cases/" + caseId, "/console/cases/" + caseId + "?edit=1",
                "/console/cases?q=script", "/console/collections", "/console/collections/" + colId)) {
            assertEscaped(lead, page);
        }
        Map<String, String> bad = caseForm(lead.csrf("/console/cases/new"), XSS);
        bad.put("entryKeys", XSS);
        HttpResponse<String> refused = lead.post("/console/cases/new", bad);
        assertEquals(422, refused.statusCode());
        assertFalse(refused.body().contains("<script>alert"), "the re-shown form escapes what was typed");
    }

    @Test
    void storedTextInUserFieldsIsEscapedOnTheUsersPage() {
        ConsoleClient admin = signedIn("root");
        HttpResponse<String> r = admin.post("/console/users", Map.of("_csrf", admin.csrf("/console/users"),
                "username", "mallory", "displayName", XSS, "role", "agent", "locale", "en", "password", ""));
        assertEquals(303, r.statusCode(), r.body());
        String id = server.app().users().findByUsername("mallory").orElseThrow().id();
        admin.post("/console/users/" + id, Map.of("_csrf", admin.csrf("/console/users"), "action", "token", "label", XSS));
        assertEscaped(admin, "/console/users");
        HttpResponse<String> refused = admin.post("/console/users", Map.of("_csrf", admin.csrf("/console/users"),
                "username", XSS, "displayName", "x", "role", "agent", "locale", "en", "password", ""));
        assertEquals(422, refused.statusCode());
        assertFalse(refused.body().contains("<script>alert"), "the error naming a bad username escapes it");
    }

    @Test
    void aCaseEditBasedOnAnOlderVersionIsRefusedKeepingTheTextAndASecondSaveReplacesTheirs() {
        Case c = newCase("原标题");
        ConsoleClient mine = signedIn("lead");
        ConsoleClient theirs = signedIn("lead2");
        String editPage = "/console/cases/" + c.id() + "?edit=1";
        String myBase = ConsoleSecurityTest.find(BASED_ON, mine.get(editPage).body());
        Map<String, String> theirForm = caseForm(theirs.csrf(editPage), "他们的标题");
        theirForm.put("basedOn", ConsoleSecurityTest.find(BASED_ON, theirs.get(editPage).body()));
        assertEquals(303, theirs.post("/console/cases/" + c.id(), theirForm).statusCode());

        Map<String, String> myForm = caseForm(mine.csrf(editPage), "我的标题：客户很满意");
        myForm.put("basedOn", myBase);
        HttpResponse<String> refused = mine.post("/console/cases/" + c.id(), myForm);
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("case-conflict"), refused.body());
        assertTrue(refused.body().contains("我的标题：客户很满意"), "my text is kept");
        assertEquals("他们的标题", server.app().cases().find(c.id()).orElseThrow().title());

        myForm.put("basedOn", ConsoleSecurityTest.find(BASED_ON, refused.body()));
        assertEquals(303, mine.post("/console/cases/" + c.id(), myForm).statusCode());
        assertEquals("我的标题：客户很满意", server.app().cases().find(c.id()).orElseThrow().title());
    }

    @Test
    void aCollectionChangeBasedOnAnOlderVersionChangesNothing() {
        Case a = newCase("A");
        Case b = newCase("B");
        CaseCollection col = server.app().cases().createCollection("Double 11", "", "lead");
        col = server.app().cases().setItems(col.id(), List.of(new CollectionItem("case", a.id(), null),
                new CollectionItem("case", b.id(), null)), "lead", col.updatedAt());
        String page = "/console/collections/" + col.id();
        ConsoleClient mine = signedIn("lead");
        ConsoleClient theirs = signedIn("lead2");
        String myBase = ConsoleSecurityTest.find(BASED_ON, mine.get(page).body());
        theirs.post(page, Map.of("_csrf", theirs.csrf(page), "basedOn", ConsoleSecurityTest.find(BASED_ON, theirs.get(page).body()),
                "action", "down", "index", "0"));
        assertEquals(List.of(b.id(), a.id()), refs(col.id()), "their move applied");

        HttpResponse<String> r = mine.post(page, Map.of("_csrf", mine.csrf(page), "basedOn", myBase, "action", "remove", "index", "0"));
        assertEquals(303, r.statusCode());
        assertEquals(List.of(b.id(), a.id()), refs(col.id()), "my remove of the item I saw first did not hit theirs");
        assertTrue(mine.get(page).body().contains("Someone else changed this collection"));
    }

    @Test
    void leadsAddReorderAndRemoveCollectionItemsAndEntriesJoinByKey() {
        Case a = newCase("Reorder A");
        ConsoleClient lead = signedIn("lead");
        HttpResponse<String> col = lead.post("/console/collections", Map.of("_csrf", lead.csrf("/console/collections"),
                "name", "new-hire week 1", "description", "第一周"));
        String page = col.headers().firstValue("Location").orElseThrow().replaceAll("^.*?/console", "/console");
        String id = page.replaceAll(".*/", "");
        change(lead, page, Map.of("action", "add", "type", "case", "ref", a.id()));
        HttpResponse<String> missing = change(lead, page, Map.of("action", "add", "type", "entry", "ref", "no-such-entry"));
        assertEquals(422, missing.statusCode());
        server.app().cases().create(new CaseDraft("Reorder B", "<p>b</p>", "", "", "", List.of(), List.of(), 0, null), "lead");
        String bId = server.app().cases().list("Reorder B", null).getFirst().id();
        change(lead, page, Map.of("action", "add", "type", "case", "ref", bId));
        change(lead, page, Map.of("action", "up", "index", "1"));
        assertEquals(List.of(bId, a.id()), refs(id));
        change(lead, page, Map.of("action", "remove", "index", "0"));
        assertEquals(List.of(a.id()), refs(id));
    }

    private static HttpResponse<String> change(ConsoleClient c, String page, Map<String, String> form) {
        Map<String, String> f = new HashMap<>(form);
        String body = c.get(page).body();
        f.put("_csrf", c.csrf(page));
        f.put("basedOn", ConsoleSecurityTest.find(BASED_ON, body));
        return c.post(page, f);
    }

    private static List<String> refs(String collectionId) {
        return server.app().cases().collection(collectionId).orElseThrow().items().stream().map(CollectionItem::ref).toList();
    }
}
