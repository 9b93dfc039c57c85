package com.replybook.kb.app;

import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.console.ConsoleClient;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two servers on one PostgreSQL, each with its own data directory (index), as nodes behind a proxy without sticky
 * sessions: a console session, its flash messages, the synonyms and the tone mapping cross from node to node. The
 * same with separate processes, a write and a SIGKILL: MultiNodeIT.
 */
class NodesSharingADatabaseTest {

    static final String PASSWORD = "correct horse battery";
    static final Duration POLL = Duration.ofMillis(200);
    @TempDir
    static Path dir;
    static TestServer a;
    static TestServer b;

    @BeforeAll
    static void start() {
        String url = DbTarget.POSTGRESQL.freshUrl(dir);
        a = TestServer.start(node("a", url));
        b = TestServer.start(node("b", url));
        a.createConsoleUsers(PASSWORD, "ann:admin");
    }

    static ServerConfig node(String name, String url) {
        return TestServer.config(dir.resolve(name), false).with(ServerConfig.JDBC_URL, url)
                .with(ServerConfig.JDBC_USER, DbTarget.POSTGRESQL.user()).with(ServerConfig.POLL_INTERVAL, POLL);
    }

    @AfterAll
    static void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
    }

    @Test
    void aConsoleSessionStartedOnOneNodeWorksOnTheOtherAndSigningOutThereEndsItOnBoth() {
        ConsoleClient onA = new ConsoleClient(a.base());
        assertEquals(303, onA.signIn("ann", PASSWORD).statusCode());
        ConsoleClient onB = onA.on(b.base());
        assertEquals(200, onB.get("/console/entries").statusCode(), "node B accepts node A's session");
        HttpResponse<String> out = onB.post("/console/signout", Map.of("_csrf", onB.csrf("/console/entries")));
        assertEquals(303, out.statusCode());
        ConsoleClient sameBrowserOnA = onB.on(a.base());
        assertEquals(303, sameBrowserOnA.get("/console/entries").statusCode(), "signed out on B, so on A too");
    }

    @Test
    void aFlashMessageSetOnOneNodeIsShownByTheNodeThatServesTheNextPage() {
        ConsoleClient onA = new ConsoleClient(a.base());
        onA.signIn("ann", PASSWORD);
        HttpResponse<String> created = onA.post("/console/users", Map.of("_csrf", onA.csrf("/console/users"),
                "username", "flash.check", "role", "agent", "locale", "en", "password", ""));
        assertEquals(303, created.statusCode());
        String page = onA.on(b.base()).get("/console/users").body();
        assertTrue(page.contains("id=\"flash\"") && page.contains("flash.check"), "B shows A's confirmation");
    }

    @Test
    void aSynonymChangeOnOneNodeIsAppliedOnTheOtherWithinItsPollInterval() {
        ApiClient onA = a.admin();
        ApiClient onB = b.admin();
        assertEquals(201, onA.post("/api/v1/entries", published("nodes-synonym.en", "Our zorblat policy")).status());
        awaitTrue(() -> hits(onB, "zorblat") == 1, "the entry reaches B's index");
        assertEquals(0, hits(onB, "quixnode"), "no synonym yet");
        var put = onA.put("/api/v1/synonyms/en", Map.of("rules", List.of("quixnode, zorblat")), null);
        assertEquals(200, put.status(), put.text());
        assertEquals(1, hits(onA, "quixnode"), "applied at once where it was made");
        awaitTrue(() -> hits(onB, "quixnode") == 1, "applied on B within its poll interval, without a restart");
    }

    @Test
    void aToneMappingChangeOnOneNodeIsAppliedOnTheOther() {
        Map<String, Object> ticket = Map.of("tags", List.of("wholesale-buyer"), "text", "hello");
        assertEquals("standard", b.admin().post("/api/v1/tone/suggest", ticket).json().get("tone").asText());
        var put = a.admin().put("/api/v1/tone/mapping",
                Map.of("rules", List.of(Map.of("tag", "wholesale-buyer", "tone", "formal"))), null);
        assertEquals(200, put.status(), put.text());
        awaitTrue(() -> "formal".equals(b.admin().post("/api/v1/tone/suggest", ticket).json().get("tone").asText()),
                "B suggests the tone A's mapping gives");
    }

    @Test
    void aTokenRevokedOnOneNodeIsRefusedByTheOtherWithinItsPollIntervalNotItsCacheLifetime() throws Exception {
        ApiClient admin = a.admin();
        String userId = admin.post("/api/v1/users", Map.of("username", "nodes.agent", "role", "agent")).json()
                .get("id").asText();
        Response issued = admin.post("/api/v1/users/" + userId + "/tokens", Map.of("label", "plugin"));
        ApiClient agentOnB = b.client(issued.json().get("token").asText());
        assertEquals(200, agentOnB.get("/api/v1/me").status(), "B has the token in its cache now");
        String tokenId = admin.get("/api/v1/users/" + userId + "/tokens").json().get("tokens").get(0).get("id").asText();
        assertEquals(204, admin.delete("/api/v1/users/" + userId + "/tokens/" + tokenId, null).status());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos(); // the token cache keeps entries 30 s
        while (agentOnB.get("/api/v1/me").status() != 401) {
            if (System.nanoTime() > deadline) throw new AssertionError("B still accepts a token revoked on A");
            Thread.sleep(50);
        }
    }

    static Map<String, Object> published(String key, String problem) {
        Map<String, Object> e = Fixtures.entry(key);
        e.put("locale", "en");
        e.put("problem", problem);
        e.put("status", "published");
        return e;
    }

    static int hits(ApiClient client, String q) {
        return client.get("/api/v1/search?locale=en&q=" + q).json().get("total").asInt();
    }

    static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("Not within 20 s: " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
