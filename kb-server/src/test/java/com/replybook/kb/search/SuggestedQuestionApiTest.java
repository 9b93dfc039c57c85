package com.replybook.kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Questions learned from agents' searches, end to end: the widget's events in, the suggestions out for editors,
 * accepted as a new revision that search finds, dismissed for good. On SQLite and PostgreSQL.
 */
class SuggestedQuestionApiTest {

    static final String TYPED = "cash returned timing";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void wordsThatLedToAnEntryInTwoTicketsAreSuggestedAndOnceAcceptedSearchFindsTheEntryByThem(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            JsonNode refund = create(server, "refund-late", "Refund not received yet", List.of("Where is my refund?"));
            create(server, "parcel-late", "Parcel has not moved", List.of("Where is my parcel?"));
            ApiClient agent = server.userWithRole("agent.q", "agent");
            ApiClient editor = server.userWithRole("editor.q", "editor");
            String id = refund.get("id").asText();
            assertTrue(eventually(() -> ranksFirst(agent, id, "Where is my refund")), "indexed");
            assertFalse(ranksFirst(agent, id, TYPED), "before: the typed words do not find the refund entry first");

            typedThenInserted(agent, "101", TYPED, refund);
            typedThenInserted(agent, "102", "Cash  returned TIMING?", refund);
            typedThenInserted(agent, "103", "where is my refund", refund); // already a question
            typedThenInserted(agent, "104", "where is my refund", refund);
            typedThenInserted(agent, "105", "invoice copy", refund); // one ticket only

            Response list = editor.get("/api/v1/entries/refund-late/suggested-questions");
            assertEquals(200, list.status(), list.text());
            assertEquals("[{\"text\":\"" + TYPED + "\",\"tickets\":2}]", list.json().get("questions").toString());
            assertEquals(403, agent.get("/api/v1/entries/refund-late/suggested-questions").status(), "editors and up");

            Response accepted = editor.post("/api/v1/entries/refund-late/suggested-questions/accept", Map.of("text", TYPED));
            assertEquals(200, accepted.status(), accepted.text());
            assertTrue(accepted.json().get("questions").toString().contains(TYPED));
            assertEquals(refund.get("version").asLong() + 1, accepted.json().get("version").asLong(), "a new revision");
            JsonNode revisions = editor.get("/api/v1/entries/refund-late/revisions").json().get("revisions");
            assertTrue(revisions.toString().contains("\"question\""), revisions.toString());
            assertEquals("[]", editor.get("/api/v1/entries/refund-late/suggested-questions").json().get("questions").toString());
            assertTrue(eventually(() -> ranksFirst(agent, id, TYPED)), "after: search finds the refund entry by the agents' words");
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aDismissedQuestionIsNeverSuggestedAgainAndBadTextsNameTheField(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            JsonNode refund = create(server, "refund-slow", "Refund not received yet", List.of("Where is my refund?"));
            ApiClient agent = server.userWithRole("agent.d", "agent");
            ApiClient editor = server.userWithRole("editor.d", "editor");
            typedThenInserted(agent, "201", "money back", refund);
            typedThenInserted(agent, "202", "money back", refund);
            Response dismissed = editor.post("/api/v1/entries/refund-slow/suggested-questions/dismiss", Map.of("text", "Money back!"));
            assertEquals(200, dismissed.status(), dismissed.text());
            assertEquals("[]", dismissed.json().get("questions").toString());
            typedThenInserted(agent, "203", "money back", refund);
            assertEquals("[]", editor.get("/api/v1/entries/refund-slow/suggested-questions").json().get("questions").toString(),
                    "more tickets do not bring it back");

            Response notSuggested = editor.post("/api/v1/entries/refund-slow/suggested-questions/accept", Map.of("text", "anything"));
            assertEquals(422, notSuggested.status(), notSuggested.text());
            assertEquals("text", notSuggested.errorField());
            assertEquals("question.notSuggested", notSuggested.json().at("/error/errors/0/reason").asText(), "a code clients word");
            assertEquals("text", editor.post("/api/v1/entries/refund-slow/suggested-questions/accept", Map.of("text", "")).errorField());
            assertEquals(404, editor.get("/api/v1/entries/no-such-entry/suggested-questions").status());
            assertEquals(403, agent.post("/api/v1/entries/refund-slow/suggested-questions/dismiss", Map.of("text", "x")).status());
            assertFalse(editor.get("/api/v1/entries/refund-slow").json().get("questions").toString().contains("money back"));
        }
    }

    static JsonNode create(TestServer server, String key, String problem, List<String> questions) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("key", key);
        e.put("locale", "en");
        e.put("category", "after-sales");
        e.put("problem", problem);
        e.put("questions", questions);
        e.put("cause", "The bank needs a few days");
        e.put("script", "We have issued it; the bank shows it within 3 to 5 working days.");
        e.put("status", "published");
        Response r = server.admin().post("/api/v1/entries", e);
        assertEquals(201, r.status(), r.text());
        return r.json();
    }

    /** What the widget reports when an agent types {@code text} in ticket {@code ticket} and inserts {@code entry}. */
    static void typedThenInserted(ApiClient agent, String ticket, String text, JsonNode entry) {
        Map<String, Object> search = new HashMap<>(Map.of("type", "search", "query", text, "source", "typed", "hits", 3,
                "helpdesk", "rt", "ticketId", ticket));
        assertEquals(201, agent.post("/api/v1/events", search).status());
        Map<String, Object> insert = Map.of("type", "insert", "entryId", entry.get("id").asText(),
                "entryVersion", entry.get("version").asLong(), "helpdesk", "rt", "ticketId", ticket);
        assertEquals(201, agent.post("/api/v1/events", insert).status());
    }

    static boolean eventually(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    static boolean ranksFirst(ApiClient agent, String id, String q) {
        JsonNode hits = agent.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).json().get("hits");
        return hits.size() > 0 && hits.get(0).get("id").asText().equals(id);
    }
}
