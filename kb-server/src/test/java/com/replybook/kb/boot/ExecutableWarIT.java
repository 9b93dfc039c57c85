package com.replybook.kb.boot;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.HostileRequests;
import com.replybook.kb.testing.WarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar kb-server.war} as a user runs it. */
class ExecutableWarIT {

    @TempDir
    Path dir;

    @Test
    void firstStartLoadsTheSampleLibraryAndPrintsAnAdminTokenOnce() throws Exception {
        String token;
        try (WarProcess server = WarProcess.start(dir.resolve("data"), Map.of())) {
            Matcher m = Pattern.compile("(rb_[A-Za-z0-9_-]{43})").matcher(server.output());
            assertTrue(m.find(), "no admin token printed:\n" + server.output());
            token = m.group(1);
            Response entries = server.client(token).get("/api/v1/entries?locale=zh-CN&pageSize=1");
            assertEquals(200, entries.status(), entries.text());
            assertTrue(entries.json().get("total").asInt() >= 30, entries.text());
        }
        try (WarProcess again = WarProcess.start(dir.resolve("data"), Map.of())) {
            assertTrue(!again.output().contains("shown once"), "token printed a second time");
            assertEquals(200, again.client(token).get("/api/v1/me").status());
        }
    }

    @Test
    void configuredAdminTokenWorksAndNoSampleDataLeavesTheLibraryEmpty() {
        String token = "rb_configured_token_for_tests_123456";
        try (WarProcess server = WarProcess.start(dir.resolve("data"), Map.of("REPLYBOOK_ADMIN_TOKEN", token),
                "--no-sample-data")) {
            Response me = server.client(token).get("/api/v1/me");
            assertEquals("admin", me.json().get("role").asText());
            assertEquals(0, server.client(token).get("/api/v1/entries").json().get("total").asInt());
        }
    }

    @Test
    void hostileRequestsAndTheContainersOwnErrorsLeakNoTraceUnderJavaJar() {
        String token = "rb_configured_token_for_tests_123456";
        try (WarProcess server = WarProcess.start(dir.resolve("data"), Map.of("REPLYBOOK_ADMIN_TOKEN", token),
                "--semantic-search", "false")) {
            String entryId = server.client(token).get("/api/v1/entries?pageSize=1").json().path("items").get(0).path("id").asText();
            List<String> leaks = HostileRequests.against(server.base(), token, HostileRequests.pathParameters(entryId, "admin"))
                    .all(Duration.ofSeconds(45)); // Jetty's idle timeout, 30 s, ends the stalled bodies
            assertTrue(leaks.isEmpty(), leaks.size() + " leaks:\n" + String.join("\n", leaks));
            assertFalse(server.output().contains("handleException"), "Jetty handled an error itself:\n" + server.output());
        }
    }

    @Test
    void theBootstrapTokenBringsBackAnAdminThatWasDisabledAcrossRealRestarts() {
        String token = "rb_configured_token_for_tests_123456";
        Map<String, String> env = Map.of("REPLYBOOK_ADMIN_TOKEN", token);
        try (WarProcess first = WarProcess.start(dir.resolve("data"), env, "--no-sample-data", "--semantic-search", "false")) {
            ApiClient admin = first.client(token);
            assertEquals(409, admin.put("/api/v1/users/admin", Map.of("disabled", true), null).status(), "the last admin");
            assertEquals(201, admin.post("/api/v1/users", Map.of("username", "ops", "role", "admin")).status());
            ApiClient ops = first.client(admin.post("/api/v1/users/ops/tokens", Map.of("label", "ops")).json().path("token").asText());
            assertEquals(200, ops.put("/api/v1/users/admin", Map.of("disabled", true), null).status());
            assertEquals(401, admin.get("/api/v1/me").status());
        }
        for (int restart = 0; restart < 2; restart++) {
            try (WarProcess again = WarProcess.start(dir.resolve("data"), env, "--no-sample-data", "--semantic-search", "false")) {
                Response me = again.client(token).get("/api/v1/me");
                assertEquals("admin", me.json().path("role").asText(), me.text());
                assertEquals(restart == 0, again.output().contains("re-enabled admin"), again.output());
            }
        }
    }

    @Test
    void bootstrapClassesAtTheWarRootAreNotServed() throws Exception {
        try (WarProcess server = WarProcess.start(dir.resolve("data"), Map.of(), "--no-sample-data")) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.base().resolve("/com/replybook/kb/boot/Main.class")).build(), HttpResponse.BodyHandlers.ofString());
            assertNotEquals(200, r.statusCode());
        }
    }
}
