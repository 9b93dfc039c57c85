package com.replybook.kb.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestDatabases;
import com.replybook.kb.testing.TestServer;
import java.nio.file.Path;
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
            ApiClient agent = server.userWithRole("agent-ann", "agent");
            Response stored = agent.post("/api/v1/events", Map.of("type", "insert", "entryId", "e-1", "entryVersion", 3,
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
            assertEquals("e-1", e.get("entryId").asText());
            assertEquals(3, e.get("entryVersion").asLong());
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
            Response r = server.admin().post("/api/v1/events", Map.of("type", "insert", "entryId", "e-1"));
            assertEquals(422, r.status());
            assertEquals("entryVersion", r.errorField());
            assertEquals("type", server.admin().post("/api/v1/events", Map.of("type", "click")).errorField());
            assertEquals("source", server.admin().post("/api/v1/events", Map.of("type", "search", "source", "robot")).errorField());
            assertEquals("tone", server.admin().post("/api/v1/events",
                    Map.of("type", "search", "tone", "<script>")).errorField());
        }
    }
}
