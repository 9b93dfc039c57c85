package com.replybook.kb.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Leads see what agents search, where searches find nothing, and which entries are used, from real events. */
class InsightsApiTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void insightsCountSearchesGapsAndEntryUsageFromRecordedEvents(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            ApiClient admin = server.admin();
            Map<String, Object> used = Fixtures.entry("used.zh-cn");
            used.put("status", "published");
            Map<String, Object> unused = Fixtures.entry("unused.zh-cn");
            unused.put("status", "published");
            String usedId = admin.post("/api/v1/entries", used).json().get("id").asText();
            admin.post("/api/v1/entries", unused);

            ApiClient agent = server.userWithRole("agent.c", "agent");
            for (int i = 0; i < 3; i++) agent.post("/api/v1/events", Fixtures.event("search", Map.of("query", " 快递没动 ", "hits", 4)));
            agent.post("/api/v1/events", Fixtures.event("search", Map.of("query", "发票抬头写错", "hits", 0)));
            agent.post("/api/v1/events", Fixtures.event("search", Map.of("query", "Re: 订单 E1 的问题", "hits", 0, "source", "ticket")));
            agent.post("/api/v1/events", Fixtures.event("view", Map.of("entryId", usedId)));
            agent.post("/api/v1/events", Fixtures.event("insert", Map.of("entryId", usedId, "entryVersion", 1,
                    "tone", "warm", "channel", "chat", "emotion", "angry")));

            JsonNode insights = server.userWithRole("lead.c", "lead").get("/api/v1/analytics/insights?days=7").json();
            assertEquals(5, insights.get("searches").asLong());
            assertEquals("快递没动", insights.get("topQueries").get(0).get("query").asText());
            assertEquals(3, insights.get("topQueries").get(0).get("count").asLong());
            assertEquals("发票抬头写错", insights.get("zeroResultQueries").get(0).get("query").asText());
            assertEquals(1, insights.get("zeroResultQueries").size());
            assertEquals("used.zh-cn", insights.get("topEntries").get(0).get("key").asText());
            assertEquals(1, insights.get("topEntries").get(0).get("inserts").asLong());
            assertEquals("unused.zh-cn", insights.get("unusedEntries").get(0).get("key").asText());
            assertEquals(1, insights.get("unusedEntries").size());
            assertEquals(1, insights.get("insertsByTone").get("warm").asLong());
            assertEquals(1, insights.get("emotions").get("angry").asLong());
            assertEquals(403, agent.get("/api/v1/analytics/insights").status());
            assertEquals("days", admin.get("/api/v1/analytics/insights?days=0").errorField());
        }
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aSearchThatListedOnlyWeakerHitsIsAGapAndAConfidentOneIsNot(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            ApiClient agent = server.userWithRole("agent.c", "agent");
            agent.post("/api/v1/events", Fixtures.event("search", Map.of("query", "qwertyuiop", "hits", 5, "confident", false)));
            agent.post("/api/v1/events", Fixtures.event("search", Map.of("query", "qwertyuiop", "hits", 5, "confident", false)));
            agent.post("/api/v1/events", Fixtures.event("search", Map.of("query", "退款没到账", "hits", 5, "confident", true)));
            agent.post("/api/v1/events", Fixtures.event("search", Map.of("query", "旧版插件的搜索", "hits", 3)));

            JsonNode gaps = server.userWithRole("lead.c", "lead").get("/api/v1/analytics/insights?days=7").json()
                    .get("zeroResultQueries");
            assertEquals(1, gaps.size(), gaps.toString());
            assertEquals("qwertyuiop", gaps.get(0).get("query").asText());
            assertEquals(2, gaps.get(0).get("count").asLong());
        }
    }
}
