package com.replybook.kb.entries;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.replybook.kb.testing.Fixtures.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review loop over HTTP: an editor's change to a published entry waits as its pending revision while agents keep
 * the live text; submit, publish, send back and restore, for every role and state, on SQLite and PostgreSQL.
 */
class ReviewApiTest {

    static final String DBS = EntryApiTest.DBS;
    static final String LIVE_SCRIPT = "您的订单 ${order.id} 我们已经加急处理。";
    static final String NEW_SCRIPT = "订单 ${order.id} 已改走顺丰次日达，明天送到。";
    static final String NEW_PROBLEM = "包裹停在中转站不动，顾客要求改走次日达";

    @TempDir
    Path dir;

    /** The fixture entry, published by the admin; returns its key. */
    static String published(TestServer server, String key) {
        Map<String, Object> e = entry(key);
        e.put("status", "published");
        Response r = server.admin().post("/api/v1/entries", e);
        assertEquals(201, r.status(), r.text());
        return key;
    }

    /** The fixture entry with the new problem and script, in {@code status}. */
    static Map<String, Object> changed(String key, String status) {
        Map<String, Object> e = entry(key);
        e.put("problem", NEW_PROBLEM);
        e.put("script", NEW_SCRIPT);
        e.put("status", status);
        return e;
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void anEditorsChangeToAPublishedEntryWaitsAsItsPendingRevisionWhileAgentsKeepTheLiveText(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            String key = published(server, "pending-live.zh-cn");
            ApiClient editor = server.userWithRole("editor.li", "editor");
            ApiClient agent = server.userWithRole("agent.wang", "agent");
            awaitSearch(agent, "快递三天没动了", key);
            String etag = editor.get("/api/v1/entries/" + key).etag();

            Response put = editor.put("/api/v1/entries/" + key, changed(key, "published"), etag);

            assertEquals(200, put.status(), put.text());
            assertEquals("published", put.json().path("status").asText(), "the entry stays published");
            assertEquals(LIVE_SCRIPT, put.json().path("script").asText(), "the entry's own text is still the live one");
            assertEquals("editor.li", put.json().path("pending").path("by").asText());
            assertEquals("draft", put.json().path("pending").path("status").asText());
            assertEquals("\"2\"", put.etag());

            JsonNode forAgent = agent.get("/api/v1/entries/" + key).json();
            assertEquals(LIVE_SCRIPT, forAgent.path("script").asText());
            assertTrue(forAgent.path("pending").isMissingNode(), "agents are not told about review work: " + forAgent);
            String rendered = agent.post("/api/v1/entries/" + key + "/render",
                    Map.of("context", Map.of("order", Map.of("id", "E1024")))).json().path("text").asText();
            assertTrue(rendered.contains("我们已经加急处理") && !rendered.contains("次日达"), rendered);
            assertEquals(List.of(key), searchKeys(agent, "快递三天没动了"), "agents still find it by the live questions");
            assertEquals("包裹三天没有更新物流", search(agent, "快递三天没动了").get(0).path("problem").asText());
            assertEquals(List.of(), searchKeys(agent, "次日达"), "the pending text is not searchable by agents");

            Response pending = editor.get("/api/v1/entries/" + key + "/pending");
            assertEquals(200, pending.status(), pending.text());
            assertEquals(NEW_SCRIPT, pending.json().path("script").asText());
            assertEquals(NEW_PROBLEM, pending.json().path("problem").asText());
            assertEquals("draft", pending.json().path("status").asText());
            assertEquals(1, pending.json().path("basedOn").asLong());
            assertEquals("editor.li", pending.json().path("proposedBy").asText());
            assertEquals("\"2\"", pending.etag());
            assertEquals(403, agent.get("/api/v1/entries/" + key + "/pending").status());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void aSubmittedChangeGoesLiveOnlyWhenALeadPublishesItAndTheHistorySaysWhoDidWhat(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            String key = published(server, "pending-publish.zh-cn");
            ApiClient editor = server.userWithRole("editor.li", "editor");
            ApiClient lead = server.userWithRole("lead.zhao", "lead");
            ApiClient agent = server.userWithRole("agent.wang", "agent");
            assertEquals(200, editor.put("/api/v1/entries/" + key, changed(key, "published"), "\"1\"").status());

            Response submitted = editor.post("/api/v1/entries/" + key + "/submit", Map.of());
            assertEquals(200, submitted.status(), submitted.text());
            assertEquals("in_review", submitted.json().path("pending").path("status").asText());
            assertEquals("in_review", editor.get("/api/v1/entries/" + key + "/pending").json().path("status").asText());
            assertEquals(403, editor.post("/api/v1/entries/" + key + "/publish", Map.of()).status());
            assertEquals(LIVE_SCRIPT, agent.get("/api/v1/entries/" + key).json().path("script").asText());

            Response published = lead.post("/api/v1/entries/" + key + "/publish", Map.of());
            assertEquals(200, published.status(), published.text());
            assertEquals(NEW_SCRIPT, published.json().path("script").asText());
            assertEquals("published", published.json().path("status").asText());
            assertTrue(published.json().path("pending").isMissingNode(), published.text());
            assertEquals(404, editor.get("/api/v1/entries/" + key + "/pending").status());
            assertEquals(NEW_SCRIPT, agent.get("/api/v1/entries/" + key).json().path("script").asText());
            awaitSearch(agent, "次日达", key);

            List<String> history = new ArrayList<>();
            editor.get("/api/v1/entries/" + key + "/revisions").json().path("revisions").forEach(r -> history.add(
                    r.path("version").asLong() + " " + r.path("operation").asText() + " " + r.path("changedBy").asText()
                            + (r.path("proposal").asBoolean() ? " proposal" : "")));
            assertEquals(List.of("4 publish lead.zhao", "3 submit editor.li proposal", "2 propose editor.li proposal",
                    "1 create admin"), history);
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void aLeadSendsAChangeBackWithARequiredCommentThatItsAuthorIsShown(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            String key = published(server, "pending-back.zh-cn");
            ApiClient editor = server.userWithRole("editor.li", "editor");
            ApiClient lead = server.userWithRole("lead.zhao", "lead");
            editor.put("/api/v1/entries/" + key, changed(key, "in_review"), "\"1\"");
            String sendBack = "/api/v1/entries/" + key + "/send-back";

            assertEquals(403, editor.post(sendBack, Map.of("comment", "x")).status());
            Response none = lead.post(sendBack, Map.of());
            assertEquals(422, none.status(), none.text());
            assertEquals("comment", none.errorField());
            assertEquals("comment", lead.post(sendBack, Map.of("comment", "   ")).errorField());
            Response tooLong = lead.post(sendBack, Map.of("comment", "长".repeat(SentBack.MAX_COMMENT + 1)));
            assertEquals(422, tooLong.status());
            assertEquals("comment", tooLong.errorField());
            assertEquals("comment", lead.post(sendBack, Map.of("comment", 42)).errorField());

            Response back = lead.post(sendBack, Map.of("comment", "次日达要加运费，先确认顾客同意"));
            assertEquals(200, back.status(), back.text());
            JsonNode forEditor = editor.get("/api/v1/entries/" + key).json();
            assertEquals("published", forEditor.path("status").asText());
            assertEquals("draft", forEditor.path("pending").path("status").asText());
            assertEquals("次日达要加运费，先确认顾客同意", forEditor.path("sentBack").path("comment").asText());
            assertEquals("lead.zhao", forEditor.path("sentBack").path("by").asText());
            assertEquals("editor.li", forEditor.path("sentBack").path("author").asText());
            assertEquals(NEW_SCRIPT, editor.get("/api/v1/entries/" + key + "/pending").json().path("script").asText(),
                    "the proposed text is kept for its author to rework");
            JsonNode revision = editor.get("/api/v1/entries/" + key + "/revisions").json().path("revisions").get(0);
            assertEquals("send_back", revision.path("operation").asText());
            assertEquals("次日达要加运费，先确认顾客同意", revision.path("comment").asText());
            assertEquals("lead.zhao", revision.path("changedBy").asText());
            assertEquals(1, editor.get("/api/v1/reviews").json().path("sentBackToMe").size());

            JsonNode inbox = editor.get("/api/v1/reviews").json();
            assertEquals(key, inbox.path("sentBackToMe").get(0).path("key").asText());
            assertEquals(0, inbox.path("inReview").size());

            assertEquals(200, editor.post("/api/v1/entries/" + key + "/submit", Map.of()).status());
            assertTrue(editor.get("/api/v1/entries/" + key).json().path("sentBack").isMissingNode(),
                    "submitting again settles the note");
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void aSecondEditorsChangeBasedOnAnOlderVersionIsRefusedWith409AndOverwritesNothing(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            String key = published(server, "pending-race.zh-cn");
            ApiClient first = server.userWithRole("editor.li", "editor");
            ApiClient second = server.userWithRole("editor.chen", "editor");
            assertEquals(200, first.put("/api/v1/entries/" + key, changed(key, "published"), "\"1\"").status());

            Map<String, Object> theirs = changed(key, "published");
            theirs.put("script", "第二位编辑的话术 ${order.id}");
            Response refused = second.put("/api/v1/entries/" + key, theirs, "\"1\"");
            assertEquals(409, refused.status(), refused.text());
            assertEquals(2, refused.json().path("error").path("currentVersion").asLong());
            assertEquals(NEW_SCRIPT, second.get("/api/v1/entries/" + key + "/pending").json().path("script").asText());

            String seen = second.get("/api/v1/entries/" + key + "/pending").etag();
            assertEquals(200, second.put("/api/v1/entries/" + key, theirs, seen).status());
            JsonNode pending = first.get("/api/v1/entries/" + key + "/pending").json();
            assertEquals("第二位编辑的话术 ${order.id}", pending.path("script").asText());
            assertEquals("editor.li", pending.path("proposedBy").asText(), "who proposed it first stays on record");
            assertEquals("editor.chen", pending.path("updatedBy").asText());
        }
    }

    @Test
    void aStaleIfMatchOnAWorkflowStepIs409AndWithoutOneTheStepActsOnTheCurrentVersion() {
        try (TestServer server = TestServer.start(dir, false)) {
            String key = published(server, "pending-ifmatch.zh-cn");
            ApiClient editor = server.userWithRole("editor.li", "editor");
            ApiClient lead = server.userWithRole("lead.zhao", "lead");
            editor.put("/api/v1/entries/" + key, changed(key, "in_review"), "\"1\"");

            Response stale = lead.send(lead.builder("/api/v1/entries/" + key + "/publish").header("If-Match", "\"1\"")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertEquals(409, stale.status(), stale.text());
            assertEquals(LIVE_SCRIPT, lead.get("/api/v1/entries/" + key).json().path("script").asText());
            Response current = lead.send(lead.builder("/api/v1/entries/" + key + "/publish").header("If-Match", "\"2\"")
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, current.status(), current.text());
            assertEquals("\"3\"", current.etag());
        }
    }

    @Test
    void stepsThatDoNotFitTheEntrysStateAre409AndUnknownEntriesOrMissingChanges404() {
        try (TestServer server = TestServer.start(dir, false)) {
            String live = published(server, "state-live.zh-cn");
            server.admin().post("/api/v1/entries", entry("state-draft.zh-cn"));
            ApiClient lead = server.userWithRole("lead.zhao", "lead");

            assertEquals(409, lead.post("/api/v1/entries/" + live + "/submit", Map.of()).status(), "nothing pending");
            assertEquals(409, lead.post("/api/v1/entries/" + live + "/publish", Map.of()).status(), "already live");
            assertEquals(409, lead.post("/api/v1/entries/" + live + "/send-back", Map.of("comment", "x")).status());
            Map<String, Object> archived = entry("state-archived.zh-cn");
            archived.put("status", "archived");
            server.admin().post("/api/v1/entries", archived);
            for (String step : List.of("submit", "send-back")) {
                assertEquals(409, lead.post("/api/v1/entries/state-archived.zh-cn/" + step, Map.of("comment", "x")).status(),
                        "an archived entry is out of the loop: " + step);
            }
            assertEquals(404, lead.get("/api/v1/entries/" + live + "/pending").status());
            assertEquals(404, lead.get("/api/v1/entries/state-draft.zh-cn/pending").status());
            for (String step : List.of("submit", "publish", "send-back")) {
                assertEquals(404, lead.post("/api/v1/entries/no-such-entry/" + step, Map.of("comment", "x")).status(), step);
            }
            assertEquals(404, lead.get("/api/v1/entries/no-such-entry/pending").status());
            assertEquals(404, lead.delete("/api/v1/entries/" + live + "/pending", null).status());
        }
    }

    @Test
    void aDraftGoesThroughSubmitSendBackAndPublishWithTheSameCalls() {
        try (TestServer server = TestServer.start(dir, false)) {
            ApiClient editor = server.userWithRole("editor.li", "editor");
            ApiClient lead = server.userWithRole("lead.zhao", "lead");
            assertEquals(201, editor.post("/api/v1/entries", entry("draft-loop.zh-cn")).status());
            String base = "/api/v1/entries/draft-loop.zh-cn";

            assertEquals("in_review", editor.post(base + "/submit", Map.of()).json().path("status").asText());
            assertEquals(409, editor.post(base + "/submit", Map.of()).status(), "already in review");
            assertEquals(1, editor.get("/api/v1/reviews").json().path("inReview").size());
            Response back = lead.post(base + "/send-back", Map.of("comment", "补一句补偿方案"));
            assertEquals("draft", back.json().path("status").asText());
            assertEquals("editor.li", back.json().path("sentBack").path("author").asText());
            assertEquals(0, lead.get("/api/v1/reviews").json().path("inReview").size());

            Map<String, Object> reworked = entry("draft-loop.zh-cn");
            reworked.put("script", "订单 ${order.id} 已加急，并补偿 10 元无门槛券。");
            Response saved = editor.put(base, reworked, back.etag());
            assertEquals("补一句补偿方案", saved.json().path("sentBack").path("comment").asText(),
                    "the note stays while the author reworks the draft");
            assertEquals(200, editor.post(base + "/submit", Map.of()).status());
            Response published = lead.post(base + "/publish", Map.of());
            assertEquals("published", published.json().path("status").asText());
            assertTrue(published.json().path("sentBack").isMissingNode());
            assertTrue(published.json().path("verifiedAt").isTextual(), published.text());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void archivingOrDeletingAnEntryDiscardsItsPendingChangeAndKeepsItsTextInTheRevisions(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            String key = published(server, "pending-archive.zh-cn");
            ApiClient editor = server.userWithRole("editor.li", "editor");
            ApiClient lead = server.userWithRole("lead.zhao", "lead");
            editor.put("/api/v1/entries/" + key, changed(key, "in_review"), "\"1\"");

            Map<String, Object> archive = entry(key);
            archive.put("status", "archived");
            assertEquals(403, editor.put("/api/v1/entries/" + key, archive, "\"2\"").status());
            Response archived = lead.put("/api/v1/entries/" + key, archive, "\"2\"");
            assertEquals(200, archived.status(), archived.text());
            assertEquals("archived", archived.json().path("status").asText());
            assertEquals(404, lead.get("/api/v1/entries/" + key + "/pending").status());
            assertEquals(0, lead.get("/api/v1/reviews").json().path("inReview").size());
            JsonNode revisions = lead.get("/api/v1/entries/" + key + "/revisions").json().path("revisions");
            assertEquals("update", revisions.get(0).path("operation").asText());
            assertEquals("discard", revisions.get(1).path("operation").asText());
            assertEquals(NEW_SCRIPT, revisions.get(1).path("entry").path("script").asText());

            String other = published(server, "pending-delete.zh-cn");
            String id = editor.put("/api/v1/entries/" + other, changed(other, "in_review"), "\"1\"").json().path("id").asText();
            assertEquals(204, lead.delete("/api/v1/entries/" + other, "\"2\"").status());
            assertEquals(0, lead.get("/api/v1/reviews").json().path("inReview").size());
            assertTrue(lead.get("/api/v1/entries/" + id + "/revisions").text().contains("次日达"), "deleted entries keep "
                    + "their history, proposals included");
        }
    }

    @Test
    void restoringAnOldRevisionOfALiveEntryProposesItAndNeverPutsItLive() {
        try (TestServer server = TestServer.start(dir, false)) {
            String key = published(server, "restore-live.zh-cn");
            ApiClient editor = server.userWithRole("editor.li", "editor");
            ApiClient lead = server.userWithRole("lead.zhao", "lead");
            assertEquals(200, lead.put("/api/v1/entries/" + key, changed(key, "published"), "\"1\"").status(),
                    "a lead's change goes live directly");
            String restore = "/api/v1/entries/" + key + "/restore";

            assertEquals(428, editor.post(restore, Map.of("version", 1)).status());
            assertEquals("version", editor.send(editor.builder(restore).header("If-Match", "\"2\"")
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}"))).errorField());
            Response restored = editor.send(editor.builder(restore).header("If-Match", "\"2\"")
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"version\": 1}")));
            assertEquals(200, restored.status(), restored.text());
            assertEquals(NEW_SCRIPT, restored.json().path("script").asText(), "the live text is unchanged");
            assertEquals("published", restored.json().path("status").asText());
            assertEquals(LIVE_SCRIPT, editor.get("/api/v1/entries/" + key + "/pending").json().path("script").asText());
            JsonNode revision = editor.get("/api/v1/entries/" + key + "/revisions").json().path("revisions").get(0);
            assertEquals("restore", revision.path("operation").asText());
            assertTrue(revision.path("proposal").asBoolean());
            assertEquals(404, editor.send(editor.builder(restore).header("If-Match", "\"3\"")
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"version\": 99}"))).status());
        }
    }

    @Test
    void onlyWhoProposedAChangeOrALeadMayDiscardIt() {
        try (TestServer server = TestServer.start(dir, false)) {
            String key = published(server, "discard.zh-cn");
            ApiClient author = server.userWithRole("editor.li", "editor");
            ApiClient other = server.userWithRole("editor.chen", "editor");
            author.put("/api/v1/entries/" + key, changed(key, "published"), "\"1\"");

            assertEquals(403, other.delete("/api/v1/entries/" + key + "/pending", null).status());
            Response discarded = author.delete("/api/v1/entries/" + key + "/pending", null);
            assertEquals(200, discarded.status(), discarded.text());
            assertEquals(404, author.get("/api/v1/entries/" + key + "/pending").status());
            assertEquals(LIVE_SCRIPT, discarded.json().path("script").asText());
        }
    }

    @Test
    void agentsAreRefusedEveryReviewStep() {
        try (TestServer server = TestServer.start(dir, false)) {
            String key = published(server, "agent-steps.zh-cn");
            ApiClient agent = server.userWithRole("agent.wang", "agent");
            String base = "/api/v1/entries/" + key;
            assertEquals(403, agent.get(base + "/pending").status());
            assertEquals(403, agent.delete(base + "/pending", "\"1\"").status());
            assertEquals(403, agent.put(base, changed(key, "published"), "\"1\"").status());
            for (String step : List.of("submit", "publish", "send-back", "restore")) {
                Response r = agent.post(base + "/" + step, Map.of("comment", "x", "version", 1));
                assertEquals(403, r.status(), step);
                assertEquals("forbidden", r.errorCode(), step);
            }
            assertEquals(403, agent.get("/api/v1/reviews").status());
        }
    }

    @Test
    void theInboxListsDraftsAndChangesInReviewTheLongestWaitingFirst() {
        try (TestServer server = TestServer.start(dir, false)) {
            ApiClient editor = server.userWithRole("editor.li", "editor");
            String live = published(server, "inbox-live.zh-cn");
            Map<String, Object> draft = entry("inbox-draft.zh-cn");
            draft.put("status", "in_review");
            assertEquals(201, editor.post("/api/v1/entries", draft).status());
            editor.put("/api/v1/entries/" + live, changed(live, "in_review"), "\"1\"");

            JsonNode inReview = server.userWithRole("lead.zhao", "lead").get("/api/v1/reviews").json().path("inReview");
            assertEquals(2, inReview.size(), inReview.toString());
            assertEquals("inbox-draft.zh-cn", inReview.get(0).path("key").asText());
            assertFalse(inReview.get(0).path("change").asBoolean());
            assertEquals(live, inReview.get(1).path("key").asText());
            assertTrue(inReview.get(1).path("change").asBoolean());
            assertEquals("editor.li", inReview.get(1).path("author").asText());
        }
    }

    @Test
    void theJsonAnEditorReadsCanBeSentBackWithAChangeWhileAChangeIsPending() {
        try (TestServer server = TestServer.start(dir, false)) {
            String key = published(server, "roundtrip.zh-cn");
            ApiClient editor = server.userWithRole("editor.li", "editor");
            editor.put("/api/v1/entries/" + key, changed(key, "published"), "\"1\"");
            server.userWithRole("lead.zhao", "lead").post("/api/v1/entries/" + key + "/submit", Map.of());

            Response read = editor.get("/api/v1/entries/" + key + "/pending");
            com.fasterxml.jackson.databind.node.ObjectNode body = (com.fasterxml.jackson.databind.node.ObjectNode) read.json();
            body.put("cause", "改自 GET /pending 的 JSON");
            Response put = editor.put("/api/v1/entries/" + key, body, read.etag());
            assertEquals(200, put.status(), put.text());
            assertEquals("in_review", put.json().path("pending").path("status").asText(), "editing keeps it in review");
            assertEquals("改自 GET /pending 的 JSON", editor.get("/api/v1/entries/" + key + "/pending").json().path("cause").asText());

            Response entry = editor.get("/api/v1/entries/" + key);
            assertEquals(200, editor.put("/api/v1/entries/" + key, entry.json(), entry.etag()).status(),
                    "the entry JSON with its pending summary is accepted too");
        }
    }

    @Test
    void savingALiveEntryUnchangedStoresNoPendingRevision() {
        try (TestServer server = TestServer.start(dir, false)) {
            String key = published(server, "unchanged.zh-cn");
            ApiClient editor = server.userWithRole("editor.li", "editor");
            Map<String, Object> same = entry(key);
            same.put("status", "published");
            Response r = editor.put("/api/v1/entries/" + key, same, "\"1\"");
            assertEquals(200, r.status(), r.text());
            assertEquals("\"1\"", r.etag());
            assertNull(r.json().get("pending"));
            assertEquals(404, editor.get("/api/v1/entries/" + key + "/pending").status());
        }
    }

    private static List<JsonNode> search(ApiClient agent, String q) {
        List<JsonNode> hits = new ArrayList<>();
        agent.get("/api/v1/search?locale=zh-CN&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json().path("hits")
                .forEach(hits::add);
        return hits;
    }

    private static List<String> searchKeys(ApiClient agent, String q) {
        return search(agent, q).stream().map(h -> h.path("key").asText()).toList();
    }

    /** Waits (at most 10 s) until agents find {@code key} with {@code q}: the index follows commits within moments. */
    private static void awaitSearch(ApiClient agent, String q, String key) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!searchKeys(agent, q).contains(key)) {
            if (System.nanoTime() > deadline) throw new AssertionError("agents never found " + key + " with " + q);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
