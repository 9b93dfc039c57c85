package com.replybook.kb.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestDatabases;
import com.replybook.kb.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code /api/v1/events} end to end over HTTP, on SQLite and on PostgreSQL. */
class EventApiTest {

    static final String DBS = "com.replybook.kb.testing.TestDatabases#all";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(DBS)
    void agentsRecordEventsAndLeadsReadThemBackFiltered(TestDatabases.DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            String entryId = published(server, "delay-e1");
            ApiClient agent = server.userWithRole("agent-ann", "agent");
            Response stored = agent.post("/api/v1/events", Map.of("type", "insert", "entryId", "delay-e1", "entryVersion", 1,
                    "tone", "formal", "channel", "email", "helpdesk", "rt", "ticketId", "42", "agent", "ann"));
            assertEquals(201, stored.status(), stored.text());
            assertNotNull(stored.json().get("id").asText());
            agent.post("/api/v1/events", Map.of("type", "search", "query", "快递没动", "hits", 3, "helpdesk", "rt", "ticketId", "42",
                    "source", "typed"));

            assertEquals(403, agent.get("/api/v1/events").status(), "agents may write events, not read them");
            ApiClient lead = server.userWithRole("lead-lu", "lead");
            Response inserts = lead.get("/api/v1/events?type=insert&helpdesk=rt&ticketId=42");
            assertEquals(200, inserts.status());
            assertEquals(1, inserts.json().get("events").size());
            var e = inserts.json().get("events").get(0);
            assertEquals(entryId, e.get("entryId").asText(), "named by key, stored by id");
            assertEquals(1, e.get("entryVersion").asLong());
            assertEquals("formal", e.get("tone").asText());
            assertEquals("agent-ann", e.get("user").asText());
            assertEquals(2, lead.get("/api/v1/events?ticketId=42").json().get("events").size());
            assertEquals("快递没动", lead.get("/api/v1/events?source=typed").json().get("events").get(0).get("query").asText());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void insertWithoutEntryVersionIsRejectedNamingTheField(TestDatabases.DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            published(server, "e-1");
            Response r = server.admin().post("/api/v1/events", Map.of("type", "insert", "entryId", "e-1"));
            assertEquals(422, r.status());
            assertEquals("entryVersion", r.errorField());
            assertEquals("type", server.admin().post("/api/v1/events", Map.of("type", "click")).errorField());
            assertEquals("source", server.admin().post("/api/v1/events", Map.of("type", "search", "source", "robot")).errorField());
            assertEquals("tone", server.admin().post("/api/v1/events",
                    Map.of("type", "search", "tone", "<script>")).errorField());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void outcomesCompensationApprovalsAndProductsAreStoredAndReadBack(TestDatabases.DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            published(server, "e-1");
            ApiClient agent = server.userWithRole("agent-ann", "agent");
            Response outcome = agent.post("/api/v1/events", Map.of("type", "outcome", "ticketId", "42", "helpdesk", "rt",
                    "outcome", "reopened", "score", 2));
            assertEquals(201, outcome.status(), outcome.text());
            Response insert = agent.post("/api/v1/events", Map.of("type", "insert", "entryId", "e-1", "entryVersion", 1,
                    "helpdesk", "zendesk", "ticketId", "7", "product", "降噪耳机 X2",
                    "compensation", Map.of("offer", "coupon", "amount", "10.5", "approvalId", "ap-7")));
            assertEquals(201, insert.status(), insert.text());
            assertEquals(201, agent.post("/api/v1/events", Map.of("type", "approval", "approval", "granted",
                    "compensation", Map.of("offer", "refund", "amount", "30", "approvalId", "ap-7"))).status());

            ApiClient lead = server.userWithRole("lead-lu", "lead");
            var o = lead.get("/api/v1/events?type=outcome").json().get("events").get(0);
            assertEquals("reopened", o.get("outcome").asText());
            assertEquals(2, o.get("score").asInt());
            var i = lead.get("/api/v1/events?type=insert").json().get("events").get(0);
            assertEquals("降噪耳机 X2", i.get("product").asText());
            assertEquals("coupon", i.get("compensation").get("offer").asText());
            assertEquals("10.50", i.get("compensation").get("amount").asText(), "amounts come back normalised");
            assertEquals("ap-7", i.get("compensation").get("approvalId").asText());
            var a = lead.get("/api/v1/events?type=approval").json().get("events").get(0);
            assertEquals("granted", a.get("approval").asText());
            assertEquals("30.00", a.get("compensation").get("amount").asText());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void badOutcomesCompensationAndApprovalsAreRefusedNamingTheField(TestDatabases.DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            ApiClient agent = server.userWithRole("agent-ann", "agent");
            assertEquals("outcome", agent.post("/api/v1/events", Map.of("type", "outcome", "ticketId", "1", "helpdesk", "rt",
                    "outcome", "happy")).errorField());
            assertEquals("ticketId", agent.post("/api/v1/events", Map.of("type", "outcome", "helpdesk", "rt",
                    "outcome", "resolved")).errorField());
            assertEquals("helpdesk", agent.post("/api/v1/events", Map.of("type", "outcome", "ticketId", "1",
                    "outcome", "resolved")).errorField());
            assertEquals("score", agent.post("/api/v1/events", Map.of("type", "outcome", "ticketId", "1", "helpdesk", "rt",
                    "outcome", "satisfied", "score", 101)).errorField());
            assertEquals("outcome", agent.post("/api/v1/events", Map.of("type", "search", "outcome", "resolved")).errorField(),
                    "an outcome on a search is a mistake, not something to drop silently");
            Map<String, Object> insert = Map.of("type", "insert", "entryId", "e-1", "entryVersion", 1);
            for (var bad : Map.of("compensation.offer", Map.of("offer", "voucher", "amount", "5"),
                    "compensation.amount", Map.of("offer", "coupon", "amount", "-5")).entrySet()) {
                Map<String, Object> e = new java.util.HashMap<>(insert);
                e.put("compensation", bad.getValue());
                Response r = agent.post("/api/v1/events", e);
                assertEquals(422, r.status(), r.text());
                assertEquals(bad.getKey(), r.errorField(), r.text());
            }
            Map<String, Object> tooPrecise = new java.util.HashMap<>(insert);
            tooPrecise.put("compensation", Map.of("offer", "refund", "amount", "9.999"));
            assertEquals("compensation.amount", agent.post("/api/v1/events", tooPrecise).errorField());
            assertEquals("compensation", agent.post("/api/v1/events", Map.of("type", "search",
                    "compensation", Map.of("offer", "coupon", "amount", "5"))).errorField());
            assertEquals("compensation.approvalId", agent.post("/api/v1/events", Map.of("type", "approval", "approval", "asked",
                    "compensation", Map.of("offer", "coupon", "amount", "5"))).errorField());
            assertEquals("approval", agent.post("/api/v1/events", Map.of("type", "approval", "approval", "maybe",
                    "compensation", Map.of("offer", "coupon", "amount", "5", "approvalId", "a"))).errorField());
            assertEquals("product", agent.post("/api/v1/events", Map.of("type", "search", "product", "x".repeat(201))).errorField());
            assertEquals(0, server.userWithRole("lead-lu", "lead").get("/api/v1/events").json().get("events").size(),
                    "nothing refused was stored");
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void anEventMustNameAnEntryThatExistsAndTheCallerMayReadAtAVersionItHasHad(TestDatabases.DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            published(server, "delay-e1");
            Map<String, Object> draft = Fixtures.entry("draft-e2");
            assertEquals(201, server.admin().post("/api/v1/entries", draft).status());
            ApiClient agent = server.userWithRole("agent-ann", "agent");

            Response unknown = agent.post("/api/v1/events", Map.of("type", "view", "entryId", "no-such-entry"));
            assertEquals(422, unknown.status(), unknown.text());
            assertEquals("entryId", unknown.errorField());
            Response hidden = agent.post("/api/v1/events", Map.of("type", "view", "entryId", "draft-e2"));
            assertEquals(422, hidden.status(), "agents read published entries only: " + hidden.text());
            assertEquals(unknown.json().path("error").path("message").asText().replace("no-such-entry", "draft-e2"),
                    hidden.json().path("error").path("message").asText(), "a draft is not told apart from nothing");
            Response future = agent.post("/api/v1/events", Map.of("type", "insert", "entryId", "delay-e1", "entryVersion", 9));
            assertEquals(422, future.status(), future.text());
            assertEquals("entryVersion", future.errorField());

            assertEquals(201, server.userWithRole("ed", "editor").post("/api/v1/events",
                    Map.of("type", "view", "entryId", "draft-e2")).status(), "editors read drafts");
            assertEquals(1, server.admin().get("/api/v1/events").json().get("events").size(), "nothing else was written");
        }
    }

    /** Creates a published entry with {@code key}; returns its id. */
    private static String published(TestServer server, String key) {
        Map<String, Object> entry = Fixtures.entry(key);
        entry.put("status", "published");
        Response r = server.admin().post("/api/v1/entries", entry);
        assertEquals(201, r.status(), r.text());
        return r.json().get("id").asText();
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void searchesSayWhetherTheyWereConfidentAndInsertsWhichActionsWereDone(TestDatabases.DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            String entry = published(server, "delay-e1");
            ApiClient agent = server.userWithRole("agent-ann", "agent");
            agent.post("/api/v1/events", Map.of("type", "search", "query", "qwertyuiop", "hits", 5, "confident", false,
                    "ticketId", "77"));
            agent.post("/api/v1/events", Map.of("type", "search", "query", "退款没到账", "hits", 5, "confident", true,
                    "ticketId", "77"));
            Response insert = agent.post("/api/v1/events", Map.of("type", "insert", "entryId", entry, "entryVersion", 1,
                    "ticketId", "77", "actions", List.of("已联系快递催件", "已登记加急")));
            assertEquals(201, insert.status(), insert.text());
            assertEquals(List.of("已联系快递催件", "已登记加急"), strings(insert.json().get("actions")));

            ApiClient lead = server.userWithRole("lead-lu", "lead");
            var searches = lead.get("/api/v1/events?type=search&ticketId=77").json().get("events");
            Map<String, Boolean> confident = new java.util.HashMap<>();
            searches.forEach(e -> confident.put(e.get("query").asText(), e.get("confident").asBoolean()));
            assertEquals(Map.of("qwertyuiop", false, "退款没到账", true), confident);
            var stored = lead.get("/api/v1/events?type=insert&ticketId=77").json().get("events").get(0);
            assertEquals(List.of("已联系快递催件", "已登记加急"), strings(stored.get("actions")));
            assertFalse(stored.has("confident"), "an insert says nothing about confidence: " + stored);
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void aConfidentThatIsNoBooleanOrActionsThatAreNoStringsAreRejectedNamingTheField(TestDatabases.DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            String entry = published(server, "delay-e1");
            ApiClient admin = server.admin();
            assertEquals("confident", admin.post("/api/v1/events", Map.of("type", "search", "confident", "yes")).errorField());
            Response r = admin.post("/api/v1/events", Map.of("type", "insert", "entryId", entry, "entryVersion", 1,
                    "actions", List.of(Map.of("done", true))));
            assertEquals(422, r.status());
            assertEquals("actions[0]", r.errorField());
            assertEquals("actions", admin.post("/api/v1/events", Map.of("type", "insert", "entryId", entry,
                    "entryVersion", 1, "actions", "all of them")).errorField());
        }
    }

    private static List<String> strings(com.fasterxml.jackson.databind.JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
