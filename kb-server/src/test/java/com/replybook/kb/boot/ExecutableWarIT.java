package com.replybook.kb.boot;

import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.WarProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void bootstrapClassesAtTheWarRootAreNotServed() throws Exception {
        try (WarProcess server = WarProcess.start(dir.resolve("data"), Map.of(), "--no-sample-data")) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    server.base().resolve("/com/replybook/kb/boot/Main.class")).build(), HttpResponse.BodyHandlers.ofString());
            assertNotEquals(200, r.statusCode());
        }
    }
}
