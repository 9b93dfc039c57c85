package com.replybook.kb.entries;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import static com.replybook.kb.testing.Fixtures.entry;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The entries API end to end over HTTP, on SQLite and on PostgreSQL. */
class EntryApiTest {

    static final String DBS = "com.replybook.kb.testing.TestDatabases#all";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(DBS)
    void createdEntryCanBeReadByIdAndKeyWithItsVersion(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            Response created = server.admin().post("/api/v1/entries", entry("delay.zh-cn"));
            assertEquals(201, created.status(), created.text());
            String id = created.json().get("id").asText();
            assertEquals(1, created.json().get("version").asLong());
            assertEquals("\"1\"", created.etag());

            Response byId = server.admin().get("/api/v1/entries/" + id);
            Response byKey = server.admin().get("/api/v1/entries/delay.zh-cn");
            assertEquals(200, byId.status());
            assertEquals(id, byKey.json().get("id").asText());
            assertEquals("快递三天没动了", byKey.json().get("questions").get(0).asText());
            assertEquals("admin", byKey.json().get("createdBy").asText());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void theSmsAndReviewVersionsAreStoredUpdatedAndKeptInTheRevisions(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            ApiClient admin = server.admin();
            Map<String, Object> e = entry("sms.zh-cn");
            e.put("smsScript", "订单 ${order.id} 已加急。");
            e.put("reviewScript", "包裹已加急派送。");
            assertEquals(201, admin.post("/api/v1/entries", e).status());
            e.put("smsScript", "订单 ${order.id} 明天送达。");
            e.put("reviewScript", "包裹明天送达，我们会跟进到签收。");
            assertEquals(200, admin.put("/api/v1/entries/sms.zh-cn", e, "\"1\"").status());

            JsonNode saved = admin.get("/api/v1/entries/sms.zh-cn").json();
            assertEquals("订单 ${order.id} 明天送达。", saved.get("smsScript").asText());
            assertEquals("包裹明天送达，我们会跟进到签收。", saved.get("reviewScript").asText());
            JsonNode revisions = admin.get("/api/v1/entries/sms.zh-cn/revisions").json();
            assertTrue(revisions.toString().contains("订单 ${order.id} 已加急。")
                    && revisions.toString().contains("包裹已加急派送。"), revisions.toString());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void staleUpdateIsRefusedWith409AndTheCurrentVersion(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            ApiClient admin = server.admin();
            admin.post("/api/v1/entries", entry("stale.zh-cn"));
            Map<String, Object> first = entry("stale.zh-cn");
            first.put("cause", "first editor's text");
            assertEquals(200, admin.put("/api/v1/entries/stale.zh-cn", first, "\"1\"").status());

            Map<String, Object> second = entry("stale.zh-cn");
            second.put("cause", "second editor's text, based on version 1");
            Response conflict = admin.put("/api/v1/entries/stale.zh-cn", second, "\"1\"");

            assertEquals(409, conflict.status());
            assertEquals(2, conflict.json().path("error").path("currentVersion").asLong());
            assertEquals("first editor's text", admin.get("/api/v1/entries/stale.zh-cn").json().get("cause").asText());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void updateWithoutIfMatchIsRefusedRatherThanOverwriting(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            server.admin().post("/api/v1/entries", entry("blind.zh-cn"));
            Response r = server.admin().put("/api/v1/entries/blind.zh-cn", entry("blind.zh-cn"), null);
            assertEquals(428, r.status());
            assertEquals("If-Match", r.errorField());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void everySaveKeepsARevisionEvenAfterDelete(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            ApiClient admin = server.admin();
            String id = admin.post("/api/v1/entries", entry("rev.zh-cn")).json().get("id").asText();
            Map<String, Object> changed = entry("rev.zh-cn");
            changed.put("script", "第二版话术 ${customer.name}");
            admin.put("/api/v1/entries/" + id, changed, "\"1\"");
            assertEquals(204, admin.delete("/api/v1/entries/" + id, "\"2\"").status());
            assertEquals(404, admin.get("/api/v1/entries/" + id).status());

            JsonNode revisions = admin.get("/api/v1/entries/" + id + "/revisions").json().get("revisions");
            assertEquals(3, revisions.size());
            assertEquals("delete", revisions.get(0).get("operation").asText());
            assertEquals("draft", revisions.get(0).get("entry").get("status").asText());
            assertEquals("第二版话术 ${customer.name}", revisions.get(1).get("entry").get("script").asText());
            assertEquals("您的订单 ${order.id} 我们已经加急处理。", revisions.get(2).get("entry").get("script").asText());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void invalidEntryIsRefusedNamingEveryFieldAndNothingIsWritten(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            Map<String, Object> bad = entry("Bad Key!");
            bad.remove("problem");
            bad.put("questions", "not a list");
            Response r = server.admin().post("/api/v1/entries", bad);
            assertEquals(422, r.status(), r.text());
            assertEquals("key", r.errorField());
            List<String> fields = new ArrayList<>();
            r.json().path("error").path("errors").forEach(e -> fields.add(e.get("field").asText()));
            assertTrue(fields.containsAll(List.of("key", "problem", "questions")), fields.toString());
            assertEquals(0, server.admin().get("/api/v1/entries").json().get("total").asLong());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void malformedJsonGetsA400WithAReadableMessage(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            Response r = server.admin().post("/api/v1/entries", "application/json", "{\"key\": ");
            assertEquals(400, r.status());
            assertTrue(r.json().path("error").path("message").asText().contains("Malformed JSON"), r.text());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void agentsSeeOnlyPublishedEntriesAndCannotWrite(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            ApiClient admin = server.admin();
            admin.post("/api/v1/entries", entry("draft-one.zh-cn"));
            Map<String, Object> published = entry("published-one.zh-cn");
            published.put("status", "published");
            admin.post("/api/v1/entries", published);
            ApiClient agent = server.userWithRole("agent.wang", "agent");

            JsonNode list = agent.get("/api/v1/entries").json();
            assertEquals(1, list.get("total").asLong());
            assertEquals("published-one.zh-cn", list.get("items").get(0).get("key").asText());
            assertEquals(404, agent.get("/api/v1/entries/draft-one.zh-cn").status());
            Response write = agent.post("/api/v1/entries", entry("agent-write.zh-cn"));
            assertEquals(403, write.status());
            assertEquals("forbidden", write.errorCode());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void editorsCannotPublishButLeadsCan(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            ApiClient editor = server.userWithRole("editor.li", "editor");
            ApiClient lead = server.userWithRole("lead.zhao", "lead");
            Map<String, Object> e = entry("workflow.zh-cn");
            e.put("status", "in_review");
            assertEquals(201, editor.post("/api/v1/entries", e).status());
            e.put("status", "published");
            assertEquals(403, editor.put("/api/v1/entries/workflow.zh-cn", e, "\"1\"").status());
            Response published = lead.put("/api/v1/entries/workflow.zh-cn", e, "\"1\"");
            assertEquals(200, published.status());
            assertNotNull(published.json().get("verifiedAt"));
            assertEquals("lead.zhao", published.json().get("updatedBy").asText());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void listFiltersByStatusLocaleAndCategoryPrefixAndPages(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            ApiClient admin = server.admin();
            for (int i = 0; i < 5; i++) admin.post("/api/v1/entries", entry("list-" + i + ".zh-cn"));
            Map<String, Object> en = entry("list-en");
            en.put("locale", "en");
            en.put("category", "logistics/delay");
            admin.post("/api/v1/entries", en);

            assertEquals(5, admin.get("/api/v1/entries?locale=zh-CN").json().get("total").asLong());
            assertEquals(5, admin.get("/api/v1/entries?category=%E7%89%A9%E6%B5%81").json().get("total").asLong());
            assertEquals(1, admin.get("/api/v1/entries?category=logistics").json().get("total").asLong());
            assertEquals(0, admin.get("/api/v1/entries?status=published").json().get("total").asLong());
            JsonNode page2 = admin.get("/api/v1/entries?page=2&pageSize=4").json();
            assertEquals(2, page2.get("items").size());
            assertEquals(400, admin.get("/api/v1/entries?status=bogus").status());
            assertEquals("pageSize", admin.get("/api/v1/entries?pageSize=100000").errorField());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void importUpsertsByKeyAndReportsEachBadEntryByIndex(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            ApiClient admin = server.admin();
            admin.post("/api/v1/entries", entry("existing.zh-cn"));
            Map<String, Object> changed = entry("existing.zh-cn");
            changed.put("cause", "updated by import");
            Map<String, Object> bad = entry("bad.zh-cn");
            bad.put("locale", "!!");
            Response r = admin.post("/api/v1/entries/import", List.of(entry("new.zh-cn"), changed, bad));

            assertEquals(200, r.status(), r.text());
            assertEquals(1, r.json().get("created").asInt());
            assertEquals(1, r.json().get("updated").asInt());
            JsonNode failed = r.json().get("failed");
            assertEquals(1, failed.size());
            assertEquals(2, failed.get(0).get("index").asInt());
            assertEquals("bad.zh-cn", failed.get(0).get("key").asText());
            assertEquals("locale", failed.get(0).get("errors").get(0).get("field").asText());
            assertEquals("updated by import", admin.get("/api/v1/entries/existing.zh-cn").json().get("cause").asText());
            assertEquals(404, admin.get("/api/v1/entries/bad.zh-cn").status());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void editorsCannotPublishOrChangeTheLiveTextOfPublishedEntriesThroughAnImport(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            Map<String, Object> live = entry("live.zh-cn");
            live.put("status", "published");
            server.admin().post("/api/v1/entries", live);
            Map<String, Object> overwrite = entry("live.zh-cn");
            overwrite.put("cause", "an editor's unreviewed change");
            Map<String, Object> selfPublished = entry("self-published.zh-cn");
            selfPublished.put("status", "published");

            Response r = server.userWithRole("editor.imp", "editor").post("/api/v1/entries/import",
                    List.of(overwrite, selfPublished, entry("fine.zh-cn")));
            assertEquals(1, r.json().get("created").asInt(), r.text());
            JsonNode refused = r.json().get("failed").get(r.json().get("failed").size() - 1);
            assertEquals("self-published.zh-cn", refused.get("key").asText(), r.text());
            assertEquals("status", refused.get("errors").get(0).get("field").asText());
            assertEquals("中转站爆仓", server.admin().get("/api/v1/entries/live.zh-cn").json().get("cause").asText());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void importAcceptsNdjson(DbTarget db) throws Exception {
        try (TestServer server = TestServer.start(dir, db, false)) {
            String body = com.replybook.kb.web.Json.MAPPER.writeValueAsString(entry("nd-1.zh-cn")) + "\n"
                    + com.replybook.kb.web.Json.MAPPER.writeValueAsString(entry("nd-2.zh-cn")) + "\n";
            Response r = server.admin().post("/api/v1/entries/import", "application/x-ndjson", body);
            assertEquals(2, r.json().get("created").asInt(), r.text());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void importTakesTenThousandEntriesInOneRequest(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            List<Map<String, Object>> many = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) many.add(entry("bulk-" + i + ".zh-cn"));
            Response r = server.admin().post("/api/v1/entries/import", many);
            assertEquals(200, r.status(), r.text());
            assertEquals(10_000, r.json().get("created").asInt());
            assertEquals(10_000, server.admin().get("/api/v1/entries").json().get("total").asLong());

            Response again = server.admin().post("/api/v1/entries/import", many);
            assertEquals(10_000, again.json().get("unchanged").asInt());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void requestsWithoutAValidTokenGet401WithAJsonBody(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            Response none = server.client(null).get("/api/v1/entries");
            Response wrong = server.client("rb_wrong").get("/api/v1/entries");
            assertEquals(401, none.status());
            assertEquals("unauthorized", none.errorCode());
            assertEquals(401, wrong.status());
            assertEquals(200, server.client(null).get("/api/v1/health").status());
        }
    }

    /**
     * A client that writes the whole body before it reads the response (Python's http.client and requests do),
     * with the length declared or streamed in chunks, gets the 413 and its JSON rather than a broken pipe. Java's
     * own client reads while it writes and saw the 413 either way, so this one writes on a plain socket.
     */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anOversizedBodySentWithoutAskingFirstGetsThe413Too(boolean lengthDeclared) throws IOException {
        try (TestServer server = TestServer.start(dir, false)) {
            byte[] body = ("{\"key\":\"huge.zh-cn\",\"script\":\"" + "x".repeat(6 * 1024 * 1024) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            String response = postWritingEverythingFirst(server.base(), TestServer.ADMIN_TOKEN, body, lengthDeclared);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("\"too_large\""), response);
        }
    }

    /** POSTs {@code body} to /api/v1/entries: request and body written in full, then the response read. */
    private static String postWritingEverythingFirst(URI base, String token, byte[] body, boolean lengthDeclared)
            throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/entries HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\n"
                    + (lengthDeclared ? "Content-Length: " + body.length : "Transfer-Encoding: chunked") + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int at = 0; at < body.length; at += 64 * 1024) {
                int n = Math.min(64 * 1024, body.length - at);
                if (!lengthDeclared) out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, at, n);
                if (!lengthDeclared) out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            if (!lengthDeclared) out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void oversizedBodyIsRefusedWith413(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            Map<String, Object> huge = entry("huge.zh-cn");
            huge.put("script", "x".repeat(2 * 1024 * 1024));
            Response r = server.admin().postExpectingContinue("/api/v1/entries", huge);
            assertEquals(413, r.status());
            assertEquals("too_large", r.errorCode());
            assertFalse(server.admin().get("/api/v1/entries/huge.zh-cn").status() == 200);
        }
    }
}
