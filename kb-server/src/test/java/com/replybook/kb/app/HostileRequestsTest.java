package com.replybook.kb.app;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.HostileRequests;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard against leaks: hostile bodies, query strings and stalled bodies to every documented API route, as an
 * admin and as an agent, on the real servlets. No answer may carry a stack frame, an exception or class name, a 5xx
 * or anything but the JSON error; and nothing is written.
 */
class HostileRequestsTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static String agentToken;
    static Function<String, String> params;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.config(dir, true), Duration.ofSeconds(2));
        ApiClient admin = server.admin();
        String entryId = admin.get("/api/v1/entries?pageSize=1").json().path("items").get(0).path("id").asText();
        agentToken = server.app().users().issueToken(server.app().users().createUser("agent.one", "Agent",
                com.replybook.kb.auth.Role.AGENT, "en").id(), "hostile");
        params = HostileRequests.pathParameters(entryId, "agent.one");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void hostileBodiesGetTheJsonErrorAndNeverATraceOrAClassName() {
        long entriesBefore = entries();
        for (String token : List.of(TestServer.ADMIN_TOKEN, agentToken)) {
            List<String> leaks = HostileRequests.against(server.base(), token, params).bodies();
            assertTrue(leaks.isEmpty(), leaks.size() + " leaks:\n" + String.join("\n", leaks));
        }
        assertEquals(entriesBefore, entries(), "a hostile body wrote an entry");
    }

    @Test
    void hostileQueryStringsGetTheJsonErrorAndNeverATraceOrAClassName() {
        List<String> leaks = HostileRequests.against(server.base(), agentToken, params).queries();
        assertTrue(leaks.isEmpty(), leaks.size() + " leaks:\n" + String.join("\n", leaks));
    }

    @Test
    void aroundTheApplicationTheRootLeadsToTheConsoleAndNoErrorLeaks() {
        List<String> leaks = HostileRequests.against(server.base(), agentToken, params).aroundTheApplication();
        assertTrue(leaks.isEmpty(), leaks.size() + " leaks:\n" + String.join("\n", leaks));
    }

    @Test
    void aStalledBodyGetsATimeoutInJsonAndNeverATrace() {
        List<String> leaks = HostileRequests.against(server.base(), TestServer.ADMIN_TOKEN, params)
                .stalledBodies(Duration.ofSeconds(20));
        assertTrue(leaks.isEmpty(), leaks.size() + " leaks:\n" + String.join("\n", leaks));
    }

    @Test
    void everyApiBodyIsStrictJsonAndTextThatIsNotTextIsRefusedNamingTheField() {
        HostileRequests probe = HostileRequests.against(server.base(), TestServer.ADMIN_TOKEN, params);
        ApiClient admin = server.admin();
        for (String route : probe.bodyRoutes()) {
            String[] mp = route.split(" ", 2);
            boolean array = mp[1].endsWith("/import");
            for (String name : List.of("trailing garbage", "a duplicate key", "a NUL character", "a lone surrogate")) {
                byte[] body = HostileRequests.BODIES.get(name).bytes();
                if (array) body = ("[" + new String(body, StandardCharsets.UTF_8).replace(" <script>", "") + "]"
                        + (name.equals("trailing garbage") ? " x" : "")).getBytes(StandardCharsets.UTF_8);
                ApiClient.Response r = admin.send(admin.builder(mp[1]).header("Content-Type", "application/json")
                        .method(mp[0], HttpRequest.BodyPublishers.ofByteArray(body)));
                assertEquals(400, r.status(), route + " with " + name + ": " + r.text());
                if (name.startsWith("a NUL") || name.startsWith("a lone")) {
                    assertEquals(array ? "[0].key" : "key", r.errorField(), route + " with " + name + ": " + r.text());
                }
            }
        }
        assertEquals(0, server.admin().get("/api/v1/events?type=search").json().path("events").size(), "an event was written");
    }

    private static long entries() {
        return server.admin().get("/api/v1/entries?pageSize=1&status=any").json().path("total").asLong();
    }
}
