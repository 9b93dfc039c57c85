package com.replybook.kb.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.replybook.kb.testing.Fixtures.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/v1/entries/import} as clients use it: unchanged rows are skipped for every role, the dry run says
 * per row what would change field by field and writes nothing, {@code wait=searchable} answers once the import is
 * found, and bad parameters are refused naming them.
 */
class ImportApiTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ApiClient lead;
    static ApiClient editor;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        lead = server.userWithRole("lead.imp", "lead");
        editor = server.userWithRole("editor.imp", "editor");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> published(String key) {
        Map<String, Object> e = entry(key);
        e.put("status", "published");
        return e;
    }

    /** Every entry of the library as {@code GET /api/v1/entries} lists it: what a client's export holds. */
    private static List<JsonNode> export(String prefix) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode item : lead.get("/api/v1/entries?pageSize=200").json().get("items")) {
            if (item.get("key").asText().startsWith(prefix)) out.add(item);
        }
        return out;
    }

    @Test
    void reImportingAnExportSkipsEveryUnchangedRowWhateverTheEditorMayChange() {
        for (int i = 0; i < 5; i++) assertEquals(201, lead.post("/api/v1/entries", published("own-" + i + ".zh-cn")).status());
        assertEquals(201, lead.post("/api/v1/entries", entry("own-draft.zh-cn")).status());
        List<JsonNode> exported = export("own-");
        assertEquals(6, exported.size());

        Response r = editor.post("/api/v1/entries/import", exported);

        assertEquals(200, r.status(), r.text());
        assertEquals(6, r.json().get("unchanged").asInt(), r.text());
        assertEquals(0, r.json().get("failed").size(), "unchanged published rows are not refused: " + r.text());
        assertEquals(1, lead.get("/api/v1/entries/own-0.zh-cn").json().get("version").asInt(), "nothing was written");
    }

    @Test
    void anEditorsChangeToAPublishedEntryBecomesItsPendingRevisionAndAgentsKeepTheLiveText() {
        assertEquals(201, lead.post("/api/v1/entries", published("live-pending.zh-cn")).status());
        Map<String, Object> changed = published("live-pending.zh-cn");
        changed.put("cause", "仓库系统故障，已修复");

        Response r = editor.post("/api/v1/entries/import", List.of(changed));

        assertEquals(1, r.json().get("pending").asInt(), r.text());
        assertEquals(0, r.json().get("failed").size(), r.text());
        Response pending = editor.get("/api/v1/entries/live-pending.zh-cn/pending");
        assertEquals(200, pending.status(), pending.text());
        assertTrue(pending.text().contains("仓库系统故障，已修复"), pending.text());
        ApiClient agent = server.userWithRole("agent.pending", "agent");
        JsonNode live = agent.get("/api/v1/entries/live-pending.zh-cn").json();
        assertEquals("中转站爆仓", live.get("cause").asText(), "agents keep the live text");
        assertEquals("published", live.get("status").asText());

        Response again = editor.post("/api/v1/entries/import", List.of(changed));
        assertEquals(1, again.json().get("unchanged").asInt(), "the pending text again: " + again.text());
        changed.put("cause", "仓库系统故障，今晚修复");
        JsonNode row = editor.post("/api/v1/entries/import?dryRun=true", List.of(changed)).json().get("rows").get(0);
        assertEquals("pending", row.get("action").asText(), row.toString());
        assertTrue(row.get("replacesPending").asBoolean());
        assertEquals("cause", row.get("changes").get(0).get("field").asText());
        assertEquals("中转站爆仓", row.get("changes").get(0).get("before").asText(), "compared with the live text");
    }

    @Test
    void theDryRunListsWhatEachRowWouldChangeFieldByFieldAndWritesNothing() {
        assertEquals(201, lead.post("/api/v1/entries", entry("dry-old.zh-cn")).status());
        assertEquals(201, lead.post("/api/v1/entries", entry("dry-same.zh-cn")).status());
        Map<String, Object> changed = entry("dry-old.zh-cn");
        changed.put("cause", "仓库漏发");
        changed.put("tags", List.of("物流", "漏发"));
        Map<String, Object> bad = entry("dry-bad.zh-cn");
        bad.put("script", "您好 ${customer.name");

        Response r = editor.post("/api/v1/entries/import?dryRun=true",
                List.of(changed, entry("dry-same.zh-cn"), entry("dry-new.zh-cn"), bad));

        assertEquals(200, r.status(), r.text());
        JsonNode body = r.json();
        assertTrue(body.get("dryRun").asBoolean());
        assertEquals(List.of(1, 1, 1, 1), List.of(body.get("created").asInt(), body.get("updated").asInt(),
                body.get("unchanged").asInt(), body.get("failed").size()), r.text());
        JsonNode rows = body.get("rows");
        assertEquals("update", rows.get(0).get("action").asText());
        JsonNode changes = rows.get(0).get("changes");
        assertEquals(2, changes.size(), changes.toString());
        assertEquals("tags", changes.get(0).get("field").asText(), "in the order of the columns");
        assertEquals("cause", changes.get(1).get("field").asText());
        assertEquals("中转站爆仓", changes.get(1).get("before").asText());
        assertEquals("仓库漏发", changes.get(1).get("after").asText());
        assertEquals("unchanged", rows.get(1).get("action").asText());
        assertEquals("create", rows.get(2).get("action").asText());
        assertEquals("error", rows.get(3).get("action").asText());
        assertEquals("script", rows.get(3).get("errors").get(0).get("field").asText());
        assertEquals(3, body.get("failed").get(0).get("index").asInt());
        assertEquals(404, lead.get("/api/v1/entries/dry-new.zh-cn").status(), "a dry run writes nothing");
        assertEquals("中转站爆仓", lead.get("/api/v1/entries/dry-old.zh-cn").json().get("cause").asText());
    }

    @Test
    void waitSearchableAnswersOnceTheImportedEntriesAreFound() {
        Map<String, Object> e = published("wait-found.zh-cn");
        e.put("problem", "收到的杯子上有一道裂纹");
        e.put("questions", List.of("杯子裂了一道缝"));

        Response r = lead.post("/api/v1/entries/import?wait=searchable&timeoutSeconds=30", List.of(e));

        assertEquals(200, r.status(), r.text());
        JsonNode search = r.json().get("search");
        assertTrue(search.get("searchable").asBoolean(), r.text());
        assertTrue(search.get("indexed").asBoolean(), r.text());
        assertEquals(0, search.get("pendingEmbeddings").asInt());
        Response found = editor.get("/api/v1/search?locale=zh-CN&q=" + URLEncoder.encode("杯子裂纹", StandardCharsets.UTF_8));
        assertEquals("wait-found.zh-cn", found.json().get("hits").get(0).get("key").asText(),
                "searchable at once, not after the next refresh: " + found.text());
    }

    @Test
    void searchStatusTellsAnyRoleWhetherSearchesRankAsWellAsTheyWill() {
        ApiClient agent = server.userWithRole("agent.status", "agent");
        lead.post("/api/v1/entries/import?wait=searchable", List.of(published("status-first.zh-cn")));
        Response r = agent.get("/api/v1/search/status");

        assertEquals(200, r.status(), r.text());
        JsonNode s = r.json();
        assertEquals(List.of("ready", "entries", "pendingEmbeddings", "generation"),
                iterate(s.fieldNames()), r.text());
        assertTrue(s.get("ready").asBoolean(), "lexical search, every write visible: " + r.text());
        assertEquals(0, s.get("pendingEmbeddings").asLong());
        long before = s.get("entries").asLong();
        lead.post("/api/v1/entries/import", List.of(published("status-count.zh-cn")));
        JsonNode right = agent.get("/api/v1/search/status").json();
        lead.post("/api/v1/entries/import?wait=searchable", List.of());
        JsonNode after = agent.get("/api/v1/search/status").json();
        assertEquals(before + 1, after.get("entries").asLong());
        assertTrue(after.get("ready").asBoolean(), after.toString());
        assertTrue(after.get("generation").asLong() > s.get("generation").asLong(), "what searches see changed");
        assertTrue(!right.get("ready").asBoolean() || right.get("entries").asLong() == before + 1,
                "ready only once the write is visible: " + right);
        assertEquals(401, server.client(null).get("/api/v1/search/status").status());
    }

    @Test
    void badImportParametersAndBodiesAreRefusedNamingTheFieldAndWriteNothing() {
        List<Object> one = List.of(entry("refused.zh-cn"));
        assertEquals("wait", lead.post("/api/v1/entries/import?wait=soon", one).errorField());
        assertEquals("timeoutSeconds", lead.post("/api/v1/entries/import?wait=searchable&timeoutSeconds=100000", one).errorField());
        assertEquals("timeoutSeconds", lead.post("/api/v1/entries/import?timeoutSeconds=5", one).errorField());
        assertEquals("dryRun", lead.post("/api/v1/entries/import?dryRun=perhaps", one).errorField());
        Response notJson = lead.post("/api/v1/entries/import", "application/json", "[{\"key\":");
        assertEquals(400, notJson.status());
        assertEquals("body", notJson.errorField());
        assertFalse(notJson.text().contains("Exception") || notJson.text().contains("jackson"), notJson.text());
        Response object = lead.post("/api/v1/entries/import", Map.of("key", "x"));
        assertEquals("body", object.errorField(), object.text());
        assertEquals("import.jsonNotArray", object.json().at("/error/reason").asText(), "a code clients word");
        Response ndjson = lead.post("/api/v1/entries/import", "application/x-ndjson", "{\"key\":\"a\"}\nnot json\n");
        assertEquals(400, ndjson.status());
        assertTrue(ndjson.json().get("error").get("message").asText().contains("line 2"), ndjson.text());
        assertEquals(2, ndjson.json().at("/error/args/line").asInt(), ndjson.text());
        assertEquals(403, server.userWithRole("agent.imp", "agent").post("/api/v1/entries/import", one).status());
        assertEquals(404, lead.get("/api/v1/entries/refused.zh-cn").status());
    }

    @Test
    void aKeyNamedTwiceIsAnErrorOnItsSecondRowOnly() {
        Response r = lead.post("/api/v1/entries/import", List.of(entry("twice.zh-cn"), entry("twice.zh-cn")));
        assertEquals(1, r.json().get("created").asInt(), r.text());
        JsonNode failed = r.json().get("failed").get(0);
        assertEquals(1, failed.get("index").asInt());
        assertTrue(failed.get("errors").get(0).get("message").asText().contains("index 0"), r.text());
        assertEquals("import.duplicateKey", failed.at("/errors/0/reason").asText(), r.text());
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }
}
