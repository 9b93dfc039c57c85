package com.replybook.kb.console;

import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guessing passwords at the console's sign-in, over HTTP on a real server: wrong passwords are answered later and
 * later, then even the right one gets 429 with Retry-After, told in the visitor's language; an account that does
 * not exist gets exactly the same answers.
 */
class ConsoleSignInThrottleTest {

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        server.createConsoleUsers(ConsoleSecurityTest.PASSWORD, "ed:editor");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void guessingIsSlowedThenRefusedForKnownAndUnknownAccountsAlike() {
        CompletableFuture<List<String>> known = CompletableFuture.supplyAsync(() -> guess("ed"));
        CompletableFuture<List<String>> unknown = CompletableFuture.supplyAsync(() -> guess("no.such.user"));
        List<String> expected = new ArrayList<>(java.util.Collections.nCopies(10, "401 signin-error"));
        expected.add("429 signin-throttled 2 分钟");
        assertEquals(expected, known.join(), "the right password is refused too once the budget is spent");
        assertEquals(expected, unknown.join(), "an unknown account is answered exactly like a known one");
    }

    /** Ten wrong passwords, then the right one; each answer as "status, message id, wait". */
    private static List<String> guess(String username) {
        ConsoleClient c = new ConsoleClient(server.base());
        List<String> answers = new ArrayList<>();
        for (int i = 0; i <= 10; i++) {
            String password = i < 10 ? "wrong password " + i : ConsoleSecurityTest.PASSWORD;
            String csrf = c.csrf("/console/signin");
            HttpResponse<String> r = c.send(HttpRequest.newBuilder(server.base().resolve("/console/signin"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "zh-CN")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&username=" + username + "&password="
                            + URLEncoder.encode(password, StandardCharsets.UTF_8))));
            String id = r.body().contains("id=\"signin-throttled\"") ? "signin-throttled"
                    : r.body().contains("id=\"signin-error\"") ? "signin-error" : r.body();
            String wait = r.statusCode() == 429 ? " " + r.headers().firstValue("Retry-After").map(s ->
                    Integer.parseInt(s) > 0 && r.body().contains("登录尝试次数过多，请 2 分钟后再试") ? "2 分钟" : "Retry-After " + s)
                    .orElse("no Retry-After") : "";
            answers.add(r.statusCode() + " " + id + wait);
        }
        return answers;
    }
}
