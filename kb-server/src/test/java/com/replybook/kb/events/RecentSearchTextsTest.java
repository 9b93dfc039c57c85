package com.replybook.kb.events;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.SettableClock;
import com.replybook.kb.testing.TestDatabases;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a starting server replays to warm up its search: the search log's newest texts, on SQLite and PostgreSQL. */
class RecentSearchTextsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void theSearchLogGivesTheNewestTypedTextsEachOnce(TestDatabases.DbTarget db) {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-01T08:00:00Z"));
        try (TestServer server = TestServer.start(dir, db, false, clock)) {
            ApiClient agent = server.userWithRole("agent-ann", "agent");
            for (String q : List.of("退款多久到账", "where is my order", "退款多久到账", "包裹破损")) {
                clock.advance(Duration.ofMinutes(1));
                agent.post("/api/v1/events", Map.of("type", "search", "query", q, "hits", 1, "source", "typed"));
            }
            clock.advance(Duration.ofMinutes(1));
            agent.post("/api/v1/events", Map.of("type", "search", "hits", 1, "source", "ticket"));
            EventStore log = new EventStore(server.app().database(), clock);
            assertEquals(List.of("包裹破损", "退款多久到账", "where is my order"), log.recentSearchTexts(10));
            assertEquals(List.of("包裹破损", "退款多久到账"), log.recentSearchTexts(2));
        }
    }
}
