package com.replybook.kb.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import com.replybook.kb.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review loop in the console, over HTTP like a browser without JavaScript: proposing a change to a live entry,
 * refused steps that keep the text, publishing and sending back, the inbox and its count, the word diff, restore,
 * bulk actions, picking collection items by search, empty states and confirmations.
 */
class ConsoleReviewTest {

    static final String PASSWORD = ConsoleSecurityTest.PASSWORD;
    static final String LIVE = "您的订单 ${order.id} 我们已经加急处理，明天送到。";
    static final String PROPOSED = "您的订单 ${order.id} 我们已经加急处理，后天送到。";
    @TempDir
    static Path dir;
    static TestServer server;
    static ConsoleClient ed;
    static ConsoleClient lead;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        server.createConsoleUsers(PASSWORD, "ed:editor", "ed2:editor", "lead:lead", "root:admin");
        ed = signedIn("ed");
        lead = signedIn("lead");
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

    /** A published entry with the {@link #LIVE} script; returns its id. */
    static String live(String key) {
        Map<String, Object> e = Fixtures.entry(key);
        e.put("status", "published");
        e.put("script", LIVE);
        ApiClient.Response r = server.admin().post("/api/v1/entries", e);
        assertEquals(201, r.status(), r.text());
        return r.json().path("id").asText();
    }

    /** The editor form of fixture entry {@code key} with {@code script}, as the page would post it. */
    static Map<String, String> form(ConsoleClient c, String id, String key, String script, long version, String action) {
        Map<String, Object> e = Fixtures.entry(key);
        Map<String, String> f = new HashMap<>();
        for (String field : List.of("key", "locale", "category", "problem", "cause")) f.put(field, (String) e.get(field));
        f.put("tags", "物流");
        f.put("questions", ((List<?>) e.get("questions")).getFirst().toString());
        f.put("diagnostics", ((List<?>) e.get("diagnostics")).getFirst().toString());
        f.put("actions", ((List<?>) e.get("actions")).getFirst().toString());
        f.put("script", script);
        f.put("smsScript", "");
        f.put("reviewScript", "");
        f.put("owner", "");
        f.put("verifyEveryDays", "90");
        f.put("version", String.valueOf(version));
        f.put("action", action);
        f.put("_csrf", c.csrf("/console/entries/" + id));
        return f;
    }

    static JsonNode api(String path) {
        return server.admin().get(path).json();
    }

    static String page(ConsoleClient c, String path) {
        HttpResponse<String> r = c.get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r.body();
    }

    @Test
    void anEditorProposesAChangeToALiveEntryFromItsPageAndAgentsKeepTheLiveText() {
        String id = live("console-propose.zh-cn");
        String before = page(ed, "/console/entries/" + id);
        assertTrue(before.contains("id=\"live-note\"") && before.contains("id=\"action-propose\""), before);
        assertFalse(before.contains("id=\"action-publish\""), "editors do not publish");

        HttpResponse<String> saved = ed.post("/console/entries/" + id, form(ed, id, "console-propose.zh-cn", PROPOSED, 1, "propose"));
        assertEquals(303, saved.statusCode(), saved.body());
        assertEquals(LIVE, api("/api/v1/entries/" + id).path("script").asText(), "the live text stays");
        assertEquals("published", api("/api/v1/entries/" + id).path("status").asText());
        assertEquals(PROPOSED, api("/api/v1/entries/" + id + "/pending").path("script").asText());

        String after = page(ed, "/console/entries/" + id);
        assertTrue(after.contains("Your change is saved as a proposal"), "the flash says what happened");
        assertTrue(after.contains("id=\"pending-note\" data-status=\"draft\""), after);
        assertTrue(after.contains("后天送到"), "the form holds the proposed text");
        String other = page(signedIn("ed2"), "/console/entries/" + id);
        assertTrue(other.contains("Proposed by ed on"), "a second editor sees whose change is pending");
    }

    @Test
    void proposingALiveEntryAsItIsStoresNothingAndSaysSo() {
        String id = live("console-unchanged.zh-cn");
        List<Map.Entry<String, String>> pairs = new java.util.ArrayList<>();
        form(ed, id, "console-unchanged.zh-cn", LIVE, 1, "propose").forEach((k, v) -> {
            if (!k.equals("questions")) pairs.add(Map.entry(k, v));
        });
        for (Object q : (List<?>) Fixtures.entry("x").get("questions")) pairs.add(Map.entry("questions", q.toString()));
        HttpResponse<String> r = ed.postPairs("/console/entries/" + id, pairs);
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(page(ed, "/console/entries/" + id).contains("Nothing changed, so nothing was done."));
        assertEquals(404, server.admin().get("/api/v1/entries/" + id + "/pending").status());
        assertEquals(1, api("/api/v1/entries/" + id).path("version").asLong());
    }

    @Test
    void aRefusedStepComesBackWithTheTextIntactAndTheReasonNextToTheButtons() {
        String id = live("console-refused.zh-cn");
        String mine = "我改的话术：${customer.name}，订单 ${order.id} 后天送到。";
        HttpResponse<String> forbidden = ed.post("/console/entries/" + id, form(ed, id, "console-refused.zh-cn", mine, 1, "publish"));
        assertEquals(403, forbidden.statusCode());
        assertTrue(forbidden.body().contains("Only a lead can do this. Your text is kept below"), forbidden.body());
        assertTrue(forbidden.body().contains("我改的话术：${customer.name}"), "the text is intact");

        HttpResponse<String> noComment = lead.post("/console/entries/" + id, form(lead, id, "console-refused.zh-cn", mine, 1, "sendback"));
        assertEquals(422, noComment.statusCode());
        assertTrue(noComment.body().contains("Say what should change before sending it back."), noComment.body());
        assertTrue(noComment.body().contains("我改的话术"));
        assertEquals(LIVE, api("/api/v1/entries/" + id).path("script").asText(), "nothing was written");

        live("console-taken.zh-cn");
        HttpResponse<String> taken = ed.post("/console/entries/" + id, form(ed, id, "console-taken.zh-cn", mine, 1, "propose"));
        assertEquals(409, taken.statusCode());
        assertTrue(taken.body().contains("Another entry already uses this key.") && taken.body().contains("我改的话术"),
                taken.body());

        ed.post("/console/entries/" + id, form(ed, id, "console-refused.zh-cn", PROPOSED, 1, "propose"));
        ConsoleClient second = signedIn("ed2");
        HttpResponse<String> stale = second.post("/console/entries/" + id,
                form(second, id, "console-refused.zh-cn", mine, 1, "propose"));
        assertEquals(409, stale.statusCode());
        assertTrue(stale.body().contains("id=\"conflict\"") && stale.body().contains("我改的话术"), stale.body());
        assertEquals(PROPOSED, api("/api/v1/entries/" + id + "/pending").path("script").asText(), "nothing overwritten");
    }

    @Test
    void aLeadSendsAChangeBackWithACommentThatItsAuthorSeesAndThenPublishesIt() {
        String id = live("console-loop.zh-cn");
        ConsoleClient author = signedIn("ed");
        assertEquals(303, author.post("/console/entries/" + id, form(author, id, "console-loop.zh-cn", PROPOSED, 1, "submit")).statusCode());
        assertEquals("in_review", api("/api/v1/entries/" + id + "/pending").path("status").asText());

        String inbox = page(lead, "/console/inbox");
        assertTrue(inbox.contains("data-key=\"console-loop.zh-cn\" data-change=\"true\""), inbox);
        assertTrue(inbox.contains("id=\"review-count\""), "the navigation counts what waits");
        String leadPage = page(lead, "/console/entries/" + id);
        assertTrue(leadPage.contains("id=\"action-sendback\"") && leadPage.contains("id=\"comment\""), leadPage);

        Map<String, String> back = form(lead, id, "console-loop.zh-cn", PROPOSED, 2, "sendback");
        back.put("comment", "后天太晚了，先确认能否加急到明天");
        assertEquals(303, lead.post("/console/entries/" + id, back).statusCode());
        String authorPage = page(author, "/console/entries/" + id);
        assertTrue(authorPage.contains("id=\"sent-back\"") && authorPage.contains("后天太晚了，先确认能否加急到明天"), authorPage);
        String mine = page(author, "/console/inbox");
        assertTrue(mine.contains("id=\"sent-back-items\"") && mine.contains("后天太晚了"), mine);
        assertTrue(mine.contains("data-count=\"1\""), "the author's navigation counts it");

        assertEquals(303, author.post("/console/entries/" + id, form(author, id, "console-loop.zh-cn", PROPOSED, 3, "submit")).statusCode());
        long version = api("/api/v1/entries/" + id).path("version").asLong();
        HttpResponse<String> published = lead.post("/console/entries/" + id + "/review", Map.of("_csrf",
                lead.csrf("/console/entries/" + id + "/diff"), "version", String.valueOf(version), "action", "publish"));
        assertEquals(303, published.statusCode(), published.body());
        assertEquals(PROPOSED, api("/api/v1/entries/" + id).path("script").asText());
        assertFalse(page(author, "/console/inbox").contains("后天太晚了"), "the note is settled");
    }

    @Test
    void theDiffOpensOnLiveAgainstProposedMarksChangedCharactersAndNamesStatusesInWords() {
        String id = live("console-diff.zh-cn");
        ed.post("/console/entries/" + id, form(ed, id, "console-diff.zh-cn", PROPOSED, 1, "submit"));

        String diff = page(lead, "/console/entries/" + id + "/diff");
        assertTrue(diff.contains("data-left=\"live\" data-right=\"proposed\""), diff);
        assertTrue(diff.contains("<del>明</del>") && diff.contains("<ins>后</ins>"), diff);
        assertTrue(diff.contains("id=\"review-publish\""), "a lead publishes from the comparison");

        Map<String, Object> draft = Fixtures.entry("console-status.zh-cn");
        String draftId = server.admin().post("/api/v1/entries", draft).json().path("id").asText();
        server.admin().post("/api/v1/entries/" + draftId + "/submit", Map.of());
        String steps = page(lead, "/console/entries/" + draftId + "/diff?a=1&b=2");
        assertTrue(steps.contains("Status: Draft → In review"), steps);
        assertFalse(steps.contains("in_review</"), "no raw status names");
        String defaults = page(lead, "/console/entries/" + draftId + "/diff");
        assertTrue(defaults.contains("id=\"diff-none\""), "a status step alone is not a change of text: " + defaults);
    }

    @Test
    void restoringAsksFirstAndGivesALiveEntryItsOldTextAsAProposedChange() {
        String id = live("console-restore.zh-cn");
        Map<String, Object> newer = Fixtures.entry("console-restore.zh-cn");
        newer.put("status", "published");
        newer.put("script", PROPOSED);
        assertEquals(200, server.admin().put("/api/v1/entries/" + id, newer, "\"1\"").status());

        assertTrue(page(ed, "/console/entries/" + id + "/revisions").contains("/restore?version=1"));
        String confirm = page(ed, "/console/entries/" + id + "/restore?version=1");
        assertTrue(confirm.contains("Version 1 comes back as a proposed change"), confirm);
        assertTrue(confirm.contains("<del>后</del>") && confirm.contains("<ins>明</ins>"), confirm);
        HttpResponse<String> restored = ed.post("/console/entries/" + id + "/restore", Map.of("_csrf",
                ed.csrf("/console/entries/" + id + "/restore?version=1"), "version", "2", "restoreVersion", "1"));
        assertEquals(303, restored.statusCode(), restored.body());
        assertEquals(PROPOSED, api("/api/v1/entries/" + id).path("script").asText(), "old text never goes live by itself");
        assertEquals(LIVE, api("/api/v1/entries/" + id + "/pending").path("script").asText());
    }

    @Test
    void bulkActionsRespectRolesAndReportWhatHappenedToEachEntry() {
        String a = server.admin().post("/api/v1/entries", Fixtures.entry("bulk-a.zh-cn")).json().path("id").asText();
        String b = server.admin().post("/api/v1/entries", Fixtures.entry("bulk-b.zh-cn")).json().path("id").asText();
        String list = page(lead, "/console/entries");
        assertTrue(list.contains("value=\"" + a + "@1\""), "each row offers its id at the version shown");
        assertFalse(page(ed, "/console/entries").contains("value=\"publish\""), "editors are not offered publishing");

        HttpResponse<String> byEditor = ed.postPairs("/console/entries/bulk", bulk(ed, "publish", a + "@1"));
        assertEquals(200, byEditor.statusCode());
        assertTrue(byEditor.body().contains("Not done: only a lead can do this"), byEditor.body());
        assertEquals("draft", api("/api/v1/entries/" + a).path("status").asText());

        Map<String, Object> changed = Fixtures.entry("bulk-b.zh-cn");
        changed.put("cause", "changed after the list was loaded");
        server.admin().put("/api/v1/entries/" + b, changed, "\"1\"");
        HttpResponse<String> byLead = lead.postPairs("/console/entries/bulk", bulk(lead, "publish", a + "@1", b + "@1"));
        assertTrue(byLead.body().contains("1 done, 1 not done."), byLead.body());
        assertTrue(byLead.body().contains("Not done: someone changed it after the list was loaded"), byLead.body());
        assertEquals("published", api("/api/v1/entries/" + a).path("status").asText());
        assertEquals("draft", api("/api/v1/entries/" + b).path("status").asText());

        List<Map.Entry<String, String>> owner = bulk(ed, "owner", b + "@2");
        owner.add(Map.entry("owner", "content-team"));
        assertTrue(ed.postPairs("/console/entries/bulk", owner).body().contains("Owner is now content-team"));
        assertEquals("content-team", api("/api/v1/entries/" + b).path("owner").asText());
        assertTrue(ed.postPairs("/console/entries/bulk", bulk(ed, "verify", a + "@2")).body().contains("Marked as still correct"));
    }

    @Test
    void collectionsPickEntriesAndCasesBySearchAndSayWhenTheWordsAreUnclear() throws Exception {
        server.admin().post("/api/v1/entries", Fixtures.entry("pick-me.zh-cn"));
        ConsoleClient root = signedIn("root");
        String csrf = root.csrf("/console/collections");
        String location = root.post("/console/collections", Map.of("_csrf", csrf, "name", "Week 1", "description", ""))
                .headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/console/"));
        assertTrue(page(root, path).contains("id=\"collection-empty\""), "an empty collection says what to do");

        JsonNode suggestions = Json.MAPPER.readTree(root.get(path + "/suggest?type=entry&q=pick-me.zh-cn").body());
        assertEquals("pick-me.zh-cn", suggestions.get(0).path("ref").asText(), suggestions.toString());
        assertEquals(403, ed.get(path + "/suggest?type=entry&q=pick").statusCode(), "only leads curate collections");

        HttpResponse<String> none = root.post(path, add(root, path, "entry", "", "毫无关系的词语xyz"));
        assertEquals(422, none.statusCode());
        assertTrue(none.body().contains("id=\"add-entry-error\"") && none.body().contains("Nothing matches"), none.body());
        HttpResponse<String> added = root.post(path, add(root, path, "entry", "", "pick-me.zh-cn"));
        assertEquals(303, added.statusCode(), added.body());
        String shown = page(root, path);
        assertTrue(shown.contains("data-type=\"entry\"") && shown.contains("pick-me.zh-cn"), shown);
        assertTrue(shown.contains("class=\"remove\" data-confirm=\"Remove this item from the collection?\""), shown);
    }

    @Test
    void destructiveButtonsAskForConfirmationAndEmptyListsSayWhatToDo() {
        String id = live("console-confirm.zh-cn");
        assertTrue(page(lead, "/console/entries/" + id).contains("data-confirm=\"Archive this entry? Agents will no longer find it.\""));
        String users = page(signedIn("root"), "/console/users");
        assertTrue(users.contains("class=\"disable\" data-confirm=") && users.contains("class=\"revoke\" data-confirm="), users);

        try (TestServer empty = TestServer.start(dir.resolve("empty"), false)) {
            empty.createConsoleUsers(PASSWORD, "lead:lead");
            ConsoleClient c = new ConsoleClient(empty.base());
            c.signIn("lead", PASSWORD);
            for (String[] check : List.of(new String[]{"/console/entries", "No entries yet."},
                    new String[]{"/console/inbox", "Nothing is waiting for review."},
                    new String[]{"/console/inbox", "Nothing was sent back to you."},
                    new String[]{"/console/stale", "Nothing is past its verification date."},
                    new String[]{"/console/collections", "No collections yet. Create one below"},
                    new String[]{"/console/cases", "No cases yet."})) {
                String body = c.get(check[0]).body();
                assertTrue(body.contains(check[1]), check[0] + ": " + body);
            }
            assertTrue(c.get("/console/entries?q=" + URLEncoder.encode("无此内容", StandardCharsets.UTF_8)).body()
                    .contains("No entry matches “无此内容”."));
        }
    }

    /** The entry list's bulk form with {@code action} on {@code ids} ({@code id@version} each). */
    static List<Map.Entry<String, String>> bulk(ConsoleClient c, String action, String... ids) {
        List<Map.Entry<String, String>> f = new java.util.ArrayList<>();
        f.add(Map.entry("_csrf", c.csrf("/console/entries")));
        f.add(Map.entry("bulkAction", action));
        for (String id : ids) f.add(Map.entry("ids", id));
        return f;
    }

    static Map<String, String> add(ConsoleClient c, String path, String type, String ref, String q) {
        return Map.of("_csrf", c.csrf(path), "basedOn", basedOn(c, path), "action", "add", "type", type, "ref", ref, "q", q);
    }

    static String basedOn(ConsoleClient c, String path) {
        var m = ConsoleCurationTest.BASED_ON.matcher(c.get(path).body());
        assertTrue(m.find());
        return m.group(1);
    }
}
