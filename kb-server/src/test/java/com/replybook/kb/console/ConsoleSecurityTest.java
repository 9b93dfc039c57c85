package com.replybook.kb.console;

import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, sessions, CSRF, roles and output escaping of the console, over HTTP on a real server. */
class ConsoleSecurityTest {

    static final String PASSWORD = "correct horse battery";
    static final String XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'";
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        server.createConsoleUsers(PASSWORD, "ed:editor", "lead:lead", "agent:agent");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    ConsoleClient signedIn(String user) {
        ConsoleClient c = new ConsoleClient(server.base());
        assertEquals(303, c.signIn(user, PASSWORD).statusCode());
        return c;
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        HttpResponse<String> r = new ConsoleClient(server.base()).get("/console/entries");
        assertEquals(303, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElseThrow().endsWith("/console/signin"));
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichHalfWasWrong() {
        HttpResponse<String> r = new ConsoleClient(server.base()).signIn("ed", "wrong password!");
        assertEquals(401, r.statusCode());
        assertTrue(r.body().contains("signin-error"));
    }

    @Test
    void signInGivesANewSessionIdSoAFixedSessionIsUseless() {
        ConsoleClient c = new ConsoleClient(server.base());
        c.csrf("/console/signin");
        String before = c.sessionId();
        assertNotNull(before);
        c.signIn("ed", PASSWORD);
        assertNotEquals(before, c.sessionId());
        assertEquals(200, c.get("/console/entries").statusCode());
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSiteStrict() {
        ConsoleClient c = new ConsoleClient(server.base());
        HttpResponse<String> r = c.get("/console/signin");
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith("RBSESSION=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=strict"), cookie);
    }

    @Test
    void consolePagesCarryAStrictContentSecurityPolicy() {
        HttpResponse<String> r = signedIn("ed").get("/console/entries");
        String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
    }

    @Test
    void postWithoutCsrfTokenIsRefused() {
        ConsoleClient c = signedIn("ed");
        HttpResponse<String> r = c.post("/console/entries/new", entryForm("csrf.en", "no token"));
        assertEquals(403, r.statusCode());
        assertTrue(server.app().entries().find("csrf.en").isEmpty());
    }

    @Test
    void postWithAnotherSessionsCsrfTokenIsRefused() {
        ConsoleClient mallory = signedIn("lead");
        String foreignToken = mallory.csrf("/console/entries");
        ConsoleClient victim = signedIn("ed");
        Map<String, String> form = entryForm("csrf2.en", "foreign token");
        form.put("_csrf", foreignToken);
        assertEquals(403, victim.post("/console/entries/new", form).statusCode());
    }

    @Test
    void sessionAuthenticatedApiWritesNeedTheCsrfHeader() {
        ConsoleClient c = signedIn("ed");
        String token = c.csrf("/console/entries");
        HttpRequest.Builder without = HttpRequest.newBuilder(server.base().resolve("/api/v1/cases"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\",\"excerptText\":\"x\"}"));
        assertEquals(403, c.send(without).statusCode());
        HttpRequest.Builder with = HttpRequest.newBuilder(server.base().resolve("/api/v1/cases"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\",\"excerptText\":\"x\"}"));
        assertEquals(201, c.send(with).statusCode());
    }

    @Test
    void signOutEndsTheSession() {
        ConsoleClient c = signedIn("ed");
        String token = c.csrf("/console/entries");
        assertEquals(303, c.post("/console/signout", Map.of("_csrf", token)).statusCode());
        assertEquals(303, c.get("/console/entries").statusCode());
    }

    @Test
    void agentsCannotOpenTheConsoleAndEditorsCannotPublishOrManageUsers() {
        assertEquals(403, signedIn("agent").get("/console/entries").statusCode());
        ConsoleClient ed = signedIn("ed");
        assertEquals(403, ed.get("/console/users").statusCode());
        String token = ed.csrf("/console/entries/new");
        Map<String, String> form = entryForm("role.en", "editor creates");
        form.put("_csrf", token);
        HttpResponse<String> created = ed.post("/console/entries/new", form);
        assertEquals(303, created.statusCode(), created.body());
        String id = server.app().entries().find("role.en").orElseThrow().id();
        Map<String, String> publish = entryForm("role.en", "editor publishes");
        publish.put("_csrf", token);
        publish.put("version", "1");
        publish.put("action", "publish");
        assertEquals(403, ed.post("/console/entries/" + id, publish).statusCode());
        assertEquals("draft", server.app().entries().find("role.en").orElseThrow().status().wire());
        Map<String, String> newCase = new HashMap<>(Map.of("_csrf", token, "title", "x", "excerptHtml", "y"));
        assertEquals(403, ed.post("/console/cases/new", newCase).statusCode());
    }

    @Test
    void storedTextInEveryEntryFieldIsEscapedOnEveryPage() {
        ConsoleClient ed = signedIn("ed");
        String token = ed.csrf("/console/entries/new");
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", token);
        form.put("key", "xss.en");
        form.put("locale", "en");
        for (String f : List.of("category", "tags", "problem", "cause", "owner", "questions", "diagnostics", "actions")) {
            form.put(f, XSS + f);
        }
        form.put("tags", "<script>alert(1)</script>");
        form.put("script", "Hello " + XSS);
        HttpResponse<String> r = ed.post("/console/entries/new", form);
        assertEquals(303, r.statusCode(), r.body());
        String id = server.app().entries().find("xss.en").orElseThrow().id();
        for (String page : List.of("/console/entries", "/console/entries/" + id, "/console/entries/" + id + "/revisions",
                "/console/entries?q=script")) {
            String body = ed.get(page).body();
            assertFalse(body.contains("<script>alert"), page);
            assertFalse(body.contains("<img src=x"), page);
        }
        assertTrue(ed.get("/console/entries/" + id).body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }

    @Test
    void caseExcerptsAreCleanedAndMaskedWhenCapturedThroughTheApi() {
        var lead = server.userWithRole("capture-lead", "lead");
        var r = lead.post("/api/v1/cases", Map.of("title", "Lost parcel " + XSS,
                "excerptHtml", "<p onclick=\"x()\">客户：我的手机 13812345678，订单号 E20231111001</p><script>alert(1)</script>",
                "agentDid", "Reshipped", "tags", List.of("logistics")));
        assertEquals(201, r.status(), r.text());
        String excerpt = r.json().get("excerptHtml").asText();
        assertFalse(excerpt.contains("13812345678") || excerpt.contains("E20231111001") || excerpt.contains("script")
                || excerpt.contains("onclick"), excerpt);
        ConsoleClient c = signedIn("lead");
        String page = c.get("/console/cases/" + r.json().get("id").asText()).body();
        assertFalse(page.contains("<script>alert"));
        assertTrue(page.contains("[电话]"));
    }

    static Map<String, String> entryForm(String key, String problem) {
        Map<String, String> f = new HashMap<>();
        f.put("key", key);
        f.put("locale", "en");
        f.put("category", "logistics/delay");
        f.put("problem", problem);
        f.put("script", "Your order ${order.id} is on its way.");
        return f;
    }

    static String find(Pattern p, String body) {
        Matcher m = p.matcher(body);
        return m.find() ? m.group(1) : null;
    }
}
