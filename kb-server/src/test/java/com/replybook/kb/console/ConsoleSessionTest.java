package com.replybook.kb.console;

import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Console sessions kept in the database, over HTTP: sign-out everywhere, and a password, role or disable change
 * ending a user's sessions in every browser. Across two nodes: SharedDatabaseNodesTest.
 */
class ConsoleSessionTest {

    static final String PASSWORD = "correct horse battery";
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        server.createConsoleUsers(PASSWORD, "boss:admin", "ann:editor", "bob:editor", "cat:editor", "dan:lead",
                "eve:editor");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ConsoleClient signedIn(String user) {
        ConsoleClient c = new ConsoleClient(server.base());
        assertEquals(303, c.signIn(user, PASSWORD).statusCode());
        assertSignedIn(c);
        return c;
    }

    static void assertSignedIn(ConsoleClient c) {
        assertEquals(200, c.get("/console/entries").statusCode());
    }

    static void assertSentToSignIn(ConsoleClient c) {
        HttpResponse<String> r = c.get("/console/entries");
        assertEquals(303, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("/console/signin"));
    }

    @Test
    void signingOutEverywhereEndsTheUsersSessionsInEveryBrowserButNoOneElses() {
        ConsoleClient laptop = signedIn("ann");
        ConsoleClient phone = signedIn("ann");
        ConsoleClient colleague = signedIn("bob");
        assertTrue(laptop.get("/console/entries").body().contains("id=\"signout-everywhere\""));
        HttpResponse<String> r = laptop.post("/console/signout/everywhere", Map.of("_csrf", laptop.csrf("/console/entries")));
        assertEquals(303, r.statusCode());
        String signInPage = laptop.get(r.headers().firstValue("Location").orElseThrow()).body();
        assertTrue(signInPage.contains("id=\"signed-out-everywhere\""), "the sign-in page confirms it");
        assertSentToSignIn(laptop);
        assertSentToSignIn(phone);
        assertSignedIn(colleague);
    }

    @Test
    void signingOutEverywhereNeedsTheCsrfToken() {
        ConsoleClient c = signedIn("eve");
        assertEquals(403, c.post("/console/signout/everywhere", Map.of()).statusCode());
        assertSignedIn(c);
    }

    @Test
    void aPasswordSetThroughTheApiEndsTheUsersConsoleSessions() {
        ConsoleClient browser = signedIn("cat");
        var r = server.admin().put("/api/v1/users/cat/password", Map.of("password", "a brand new password"), null);
        assertEquals(204, r.status());
        assertSentToSignIn(browser);
        assertEquals(401, new ConsoleClient(server.base()).signIn("cat", PASSWORD).statusCode(), "the old password");
        assertEquals(303, new ConsoleClient(server.base()).signIn("cat", "a brand new password").statusCode());
    }

    @Test
    void anAdminWhoChangesTheirOwnPasswordStaysSignedInThereAndNowhereElse() {
        ConsoleClient here = signedIn("boss");
        ConsoleClient elsewhere = signedIn("boss");
        String id = server.app().users().findByUsername("boss").orElseThrow().id();
        HttpResponse<String> r = here.post("/console/users/" + id,
                Map.of("_csrf", here.csrf("/console/users"), "action", "password", "password", "another long password"));
        assertEquals(303, r.statusCode());
        HttpResponse<String> users = here.get("/console/users");
        assertEquals(200, users.statusCode());
        assertTrue(users.body().contains("id=\"flash\""), "the change is confirmed on the next page");
        assertSentToSignIn(elsewhere);
        server.app().passwords().setPassword(id, PASSWORD); // for the other tests
    }

    @Test
    void aNewRoleOrDisablingEndsTheUsersSessions() {
        ConsoleClient lead = signedIn("dan");
        ConsoleClient admin = signedIn("boss");
        String id = server.app().users().findByUsername("dan").orElseThrow().id();
        admin.post("/console/users/" + id, Map.of("_csrf", admin.csrf("/console/users"), "action", "role", "role", "editor"));
        assertSentToSignIn(lead);
        ConsoleClient again = signedIn("dan");
        assertEquals(200, server.admin().put("/api/v1/users/dan", Map.of("disabled", true), null).status());
        assertSentToSignIn(again);
        assertEquals(401, new ConsoleClient(server.base()).signIn("dan", PASSWORD).statusCode());
    }

    @Test
    void theConsoleNeverCreatesAServletContainerSession() {
        ConsoleClient c = signedIn("bob");
        c.get("/console/entries");
        c.get("/console/synonyms");
        assertFalse(c.cookies.getCookieStore().getCookies().stream().anyMatch(k -> k.getName().equals("JSESSIONID")));
    }
}
