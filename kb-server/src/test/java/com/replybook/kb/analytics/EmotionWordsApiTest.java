package com.replybook.kb.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.SettableClock;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customers' emotion words come from the tickets agents ask suggestions for, and nothing of those messages but
 * daily word counts is ever stored.
 */
class EmotionWordsApiTest {

    static final String NAME = "王女士";
    static final String PHONE = "13812345678";
    static final String MESSAGE = NAME + "，电话" + PHONE + "。你们太过分了，我很失望，不太满意";
    static final String SUBJECT = "耳机降噪失效，太过分了";

    @TempDir
    Path dir;

    static Map<String, Object> ticket(String subject, String customerText) {
        return Map.of("subject", subject, "messages", List.of(Map.of("author", "customer", "text", customerText),
                Map.of("author", "agent", "text", "您别生气，我们马上处理")));
    }

    static Map<String, Long> words(JsonNode insights) {
        Map<String, Long> out = new LinkedHashMap<>();
        insights.get("emotionWords").forEach(w -> out.put(w.get("word").asText() + ":" + w.get("emotion").asText(),
                w.get("count").asLong()));
        return out;
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void ticketSearchesFeedTheCloudOncePerMessageInTheReadersScriptAndLanguage(DbTarget db) {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-08T09:00:00Z"));
        try (TestServer server = TestServer.start(dir, db, false, clock)) {
            ApiClient agent = server.userWithRole("ann", "agent");
            assertEquals(200, agent.post("/api/v1/search/ticket", ticket(SUBJECT, MESSAGE)).status());
            assertEquals(200, agent.post("/api/v1/search/ticket", ticket(SUBJECT, MESSAGE)).status(),
                    "the panel opened again on the same ticket");
            clock.advance(Duration.ofDays(1));
            agent.post("/api/v1/search/ticket", Map.of("messages", List.of(Map.of("author", "customer", "text", "你們太過分了"))));
            agent.post("/api/v1/search/ticket", Map.of("messages", List.of(Map.of("author", "customer",
                    "text", "I'm not angry, just disappointed."))));

            ApiClient lead = server.userWithRole("lena", "lead");
            assertEquals(Map.of("太过分:angry", 3L, "失望:disappointed", 1L, "不满意:disappointed", 1L,
                    "disappointed:disappointed", 1L), words(lead.get("/api/v1/analytics/insights?days=7").json()),
                    "the agent's 别生气/马上 are not the customer's; the repeated ticket counts once; 不 angry is not angry");
            assertEquals(Map.of("太過分:angry", 3L, "失望:disappointed", 1L, "不滿意:disappointed", 1L),
                    words(lead.get("/api/v1/analytics/insights?days=7&locale=zh-TW").json()));
            assertEquals(Map.of("disappointed:disappointed", 1L), words(lead.get("/api/v1/analytics/insights?days=7&locale=en").json()));
            assertEquals(Map.of("太过分:angry", 1L), words(lead.get("/api/v1/analytics/insights?days=1&locale=zh-CN").json()),
                    "today only");
            assertEquals("太过分", lead.get("/api/v1/analytics/insights?days=7").json().get("emotionWords").get(0).get("word").asText(),
                    "most frequent first");
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void noCustomerTextIsStoredAnywhereAfterATicketSearch(DbTarget db) throws SQLException {
        try (TestServer server = TestServer.start(dir, db, false)) {
            ApiClient agent = server.userWithRole("ann", "agent");
            assertEquals(200, agent.post("/api/v1/search/ticket", ticket(SUBJECT, MESSAGE)).status());
            // What the widget reports after suggesting from the ticket: its subject is the customer's text too.
            assertEquals(201, agent.post("/api/v1/events", Map.of("type", "search", "source", "ticket", "query", SUBJECT,
                    "hits", 0, "helpdesk", "rt", "ticketId", "9")).status());

            String everything = dump(server);
            assertTrue(everything.contains("太过分"), "the emotion word itself is counted: " + everything);
            for (String personal : List.of(NAME, PHONE, "你们太过分了", "不太满意", "耳机降噪失效", "我们马上处理")) {
                assertFalse(everything.contains(personal), personal + " was stored");
            }
            ApiClient lead = server.userWithRole("lena", "lead");
            String exported = lead.get("/api/v1/analytics/insights.csv?days=7").text()
                    + lead.get("/api/v1/analytics/insights?days=7").text();
            for (String personal : List.of(NAME, PHONE, "耳机降噪失效", "你们太过分了")) {
                assertFalse(exported.contains(personal), personal + " is in the insights or their export");
            }
        }
    }

    @Test
    void countsOlderThanTheRetentionAreDeleted() {
        SettableClock clock = new SettableClock(Instant.parse("2026-12-01T09:00:00Z"));
        ServerConfig config = TestServer.config(dir, false).with(ServerConfig.EMOTION_WORD_RETENTION_DAYS, 3);
        try (TestServer server = TestServer.start(config, clock)) {
            ApiClient agent = server.userWithRole("ann", "agent");
            agent.post("/api/v1/search/ticket", Map.of("messages", List.of(Map.of("author", "customer", "text", "很失望"))));
            clock.advance(Duration.ofDays(3));
            agent.post("/api/v1/search/ticket", Map.of("messages", List.of(Map.of("author", "customer", "text", "很着急"))));
            JsonNode in = server.userWithRole("lena", "lead").get("/api/v1/analytics/insights?days=30").json();
            assertEquals(Map.of("着急:anxious", 1L), words(in), "the day four days ago is past a 3-day retention");
        }
    }

    /** Every text cell of every table, as one string. */
    static String dump(TestServer server) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = server.app().database().connection()) {
            DatabaseMetaData meta = c.getMetaData();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    String schema = rs.getString("TABLE_SCHEM");
                    if (schema == null || schema.equals("public")) tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertTrue(tables.contains("emotion_word_counts") && tables.contains("usage_events"), tables.toString());
            try (Statement st = c.createStatement()) {
                for (String table : tables) {
                    try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) all.append(rs.getString(i)).append('\t');
                        }
                    }
                }
            }
        }
        return all.toString();
    }
}
