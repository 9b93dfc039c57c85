package com.replybook.kb.clocks;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The team's clock targets through {@code /api/v1/clocks}: defaults, who may change them, bad input, every node. */
class ClockApiTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ApiClient lead;
    static ApiClient agent;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir.resolve("one"), false);
        lead = server.userWithRole("lead.clock", "lead");
        agent = server.userWithRole("agent.clock", "agent");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Object> chat(int first, int fact, int action, int senior, int trace) {
        return Map.of("firstResponseMinutes", first,
                "stageMinutes", Map.of("fact", fact, "action", action, "senior", senior, "trace", trace));
    }

    @Test
    void everyChannelStartsWithTheGuidesTargetsAndAgentsMayReadThem() {
        JsonNode t = agent.get("/api/v1/clocks").json();
        assertEquals(1, t.at("/channels/chat/firstResponseMinutes").asInt(), "chat: within a minute");
        assertEquals(30, t.at("/channels/review/firstResponseMinutes").asInt(), "social media: 30 minutes");
        assertEquals(24 * 60, t.at("/channels/email/firstResponseMinutes").asInt(), "e-mail: 24 hours");
        assertEquals(30, t.at("/channels/email/stageMinutes/fact").asInt());
        assertEquals(60, t.at("/channels/email/stageMinutes/action").asInt());
        assertEquals(120, t.at("/channels/email/stageMinutes/senior").asInt());
        assertEquals(24 * 60, t.at("/channels/email/stageMinutes/trace").asInt());
        assertEquals("[\"fact\",\"action\",\"senior\",\"trace\"]", t.get("stages").toString());
        assertTrue(t.get("amberPercent").asInt() > 0 && t.get("amberPercent").asInt() < 100);
    }

    @Test
    void aLeadChangesOneChannelAndTheOthersKeepTheirTargets() {
        Response before = lead.get("/api/v1/clocks");
        Response r = lead.put("/api/v1/clocks", Map.of("amberPercent", 60, "channels", Map.of("sms", chat(20, 40, 90, 180, 2000))),
                before.etag());
        assertEquals(200, r.status(), r.text());
        assertEquals(20, r.json().at("/channels/sms/firstResponseMinutes").asInt());
        assertEquals(2000, r.json().at("/channels/sms/stageMinutes/trace").asInt());
        assertEquals(60, r.json().get("amberPercent").asInt());
        assertEquals("lead.clock", r.json().get("updatedBy").asText());
        assertEquals(before.json().at("/channels/chat").toString(), r.json().at("/channels/chat").toString());
        assertEquals(20, agent.get("/api/v1/clocks").json().at("/channels/sms/firstResponseMinutes").asInt(),
                "agents read the new target at once");
    }

    @Test
    void agentsAndEditorsMayNotChangeTheTargets() {
        Response r = agent.put("/api/v1/clocks", Map.of("channels", Map.of("chat", chat(5, 30, 60, 120, 1440))), null);
        assertEquals(403, r.status(), r.text());
        Response e = server.userWithRole("editor.clock", "editor")
                .put("/api/v1/clocks", Map.of("channels", Map.of("chat", chat(5, 30, 60, 120, 1440))), null);
        assertEquals(403, e.status(), e.text());
    }

    @Test
    void badTargetsAreRefusedNamingEachFieldAndNothingChanges() {
        String before = lead.get("/api/v1/clocks").json().get("channels").toString();
        Response r = lead.put("/api/v1/clocks", Map.of("amberPercent", 150, "channels", Map.of(
                "fax", chat(1, 2, 3, 4, 5),
                "chat", chat(0, 30, 20, 120, 99_999))), null);
        assertEquals(422, r.status(), r.text());
        String errors = r.json().at("/error/errors").toString();
        for (String field : new String[]{"amberPercent", "channels.fax", "channels.chat.firstResponseMinutes",
                "channels.chat.stageMinutes.action", "channels.chat.stageMinutes.trace"}) {
            assertTrue(errors.contains("\"" + field + "\""), field + " named in " + errors);
        }
        for (String code : new String[]{"clock.outOfRange", "clock.unknownChannel", "clock.stageOrder"}) {
            assertTrue(errors.contains("\"reason\":\"" + code + "\""), code + " given in " + errors);
        }
        assertEquals(before, lead.get("/api/v1/clocks").json().get("channels").toString());
    }

    @Test
    void aChannelWithoutItsStagesIsRefused() {
        Response r = lead.put("/api/v1/clocks", Map.of("channels", Map.of("chat", Map.of("firstResponseMinutes", 2))), null);
        assertEquals(422, r.status(), r.text());
        assertEquals("channels.chat.stageMinutes", r.errorField());
    }

    @Test
    void anEditBasedOnAnOldVersionIsRefusedWithTheCurrentVersion() {
        Response first = lead.get("/api/v1/clocks");
        assertEquals(200, lead.put("/api/v1/clocks", Map.of("channels", Map.of("sms", chat(25, 30, 60, 120, 1440))),
                first.etag()).status());
        Response stale = lead.put("/api/v1/clocks", Map.of("channels", Map.of("sms", chat(26, 30, 60, 120, 1440))),
                first.etag());
        assertEquals(409, stale.status(), stale.text());
        assertEquals("clock.changed", stale.json().at("/error/reason").asText(), stale.text());
        assertTrue(stale.json().at("/error/currentVersion").asLong() > first.json().get("version").asLong());
        assertEquals(25, lead.get("/api/v1/clocks").json().at("/channels/sms/firstResponseMinutes").asInt());
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        Response r = lead.send(lead.builder("/api/v1/clocks").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"channels\":")));
        assertEquals(400, r.status(), r.text());
    }

    @Test
    void aLeadsChangeOnOneNodeIsInForceOnAnotherWithinItsPollInterval() throws Exception {
        String url = DbTarget.POSTGRESQL.freshUrl(dir);
        Duration poll = Duration.ofMillis(200);
        try (TestServer a = TestServer.start(node("a", url, poll)); TestServer b = TestServer.start(node("b", url, poll))) {
            ApiClient leadOnA = a.userWithRole("lead.node", "lead");
            ApiClient agentOnB = b.client(b.app().users().issueToken(b.app().users().findByUsername("lead.node")
                    .orElseThrow().id(), "b"));
            assertEquals(1, agentOnB.get("/api/v1/clocks").json().at("/channels/chat/firstResponseMinutes").asInt());
            assertEquals(200, leadOnA.put("/api/v1/clocks", Map.of("channels", Map.of("chat", chat(3, 30, 60, 120, 1440))),
                    null).status());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            int seen = 1;
            while (seen != 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                seen = agentOnB.get("/api/v1/clocks").json().at("/channels/chat/firstResponseMinutes").asInt();
            }
            assertEquals(3, seen, "node B serves node A's change");
        }
    }

    private static ServerConfig node(String name, String url, Duration poll) {
        return TestServer.config(dir.resolve(name), false).with(ServerConfig.JDBC_URL, url)
                .with(ServerConfig.JDBC_USER, DbTarget.POSTGRESQL.user()).with(ServerConfig.POLL_INTERVAL, poll);
    }
}
