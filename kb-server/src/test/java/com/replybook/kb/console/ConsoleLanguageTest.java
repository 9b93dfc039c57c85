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
 * Each user's language: chosen in the user menu or by an admin on the Users page, stored on the user; the bootstrap
 * admin speaks the browser's language until one is chosen. And where signing in leads an agent.
 */
class ConsoleLanguageTest {

    static final String PASSWORD = ConsoleSecurityTest.PASSWORD;
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        server.createConsoleUser("li", "editor", "zh-CN", PASSWORD);
        server.createConsoleUser("tom", "editor", "zh-CN", PASSWORD);
        server.createConsoleUser("ann", "agent", "zh-TW", PASSWORD);
        server.createConsoleUser("boss", "admin", "en", PASSWORD);
        server.app().passwords().setPassword(server.app().users().findByUsername("admin").orElseThrow().id(), PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ConsoleClient signedIn(String name, String browserLanguage) {
        ConsoleClient c = new ConsoleClient(server.base()).language(browserLanguage);
        assertEquals(303, c.signIn(name, PASSWORD).statusCode());
        return c;
    }

    static HttpResponse<String> chooseLanguage(ConsoleClient c, String locale, String back) {
        return c.post("/console/me/locale", Map.of("_csrf", c.csrf("/console/entries"), "locale", locale, "back", back));
    }

    @Test
    void aUserSwitchesTheConsolesLanguageInTheUserMenuAndKeepsIt() {
        ConsoleClient li = signedIn("li", "zh-CN");
        assertTrue(li.get("/console/entries").body().contains("<html lang=\"zh-CN\">"));
        HttpResponse<String> switched = chooseLanguage(li, "en", "/console/entries?status=draft");
        assertEquals(303, switched.statusCode());
        assertEquals("/console/entries?status=draft", switched.headers().firstValue("Location").orElseThrow(),
                "back to the page the menu was opened on");
        String page = li.get("/console/entries?status=draft").body();
        assertTrue(page.contains("<html lang=\"en\">") && page.contains("The console is now in English."), page);
        assertEquals("en", server.app().users().findByUsername("li").orElseThrow().locale(), "stored on the user");
        assertTrue(signedIn("li", "zh-TW").get("/console/entries").body().contains("<html lang=\"en\">"),
                "the choice holds in a new session and whatever the browser says");

        chooseLanguage(li, "", "/console/entries");
        assertEquals(null, server.app().users().findByUsername("li").orElseThrow().locale());
        assertTrue(signedIn("li", "zh-TW").get("/console/entries").body().contains("<html lang=\"zh-TW\">"),
                "an empty choice follows the browser");
    }

    @Test
    void theMenuNeverSendsAnyoneOffTheConsole() {
        ConsoleClient li = signedIn("li", "zh-CN");
        for (String back : new String[] {"https://evil.example/", "//evil.example/x", "/console/../../x\r\nSet-Cookie: a=b"}) {
            HttpResponse<String> r = chooseLanguage(li, "zh-CN", back);
            assertEquals("/console/", r.headers().firstValue("Location").orElseThrow(), back);
        }
        HttpResponse<String> refused = chooseLanguage(li, "fr", "/console/entries");
        assertEquals(422, refused.statusCode());
        assertTrue(refused.body().contains("请选择控制台支持的语言。"), refused.body());
    }

    @Test
    void anAdminSetsAUsersLanguageOnTheUsersPage() {
        ConsoleClient boss = signedIn("boss", "en");
        String id = server.app().users().findByUsername("tom").orElseThrow().id();
        HttpResponse<String> r = boss.post("/console/users/" + id,
                Map.of("_csrf", boss.csrf("/console/users"), "action", "locale", "locale", "zh-TW"));
        assertEquals(303, r.statusCode(), r.body());
        assertTrue(signedIn("tom", "en").get("/console/entries").body().contains("<html lang=\"zh-TW\">"));
        assertTrue(boss.get("/console/users").body().contains("<option value=\"zh-TW\" lang=\"zh-TW\" selected>繁體中文</option>"));
    }

    @Test
    void theBootstrapAdminSpeaksTheBrowsersLanguageUntilChoosingOne() {
        assertEquals(null, server.app().users().findByUsername("admin").orElseThrow().locale());
        assertTrue(signedIn("admin", "zh-TW,zh;q=0.8").get("/console/users").body().contains("<html lang=\"zh-TW\">"));
        assertTrue(signedIn("admin", "en-GB").get("/console/users").body().contains("<html lang=\"en\">"));
    }

    @Test
    void anAgentWhoSignsInIsToldWhereReplybookIsForThem() {
        ConsoleClient ann = signedIn("ann", "zh-TW");
        HttpResponse<String> home = ann.get("/console/");
        assertEquals(200, home.statusCode());
        assertTrue(home.body().contains("Replybook 就在你的客服系統裡"), home.body());
        assertTrue(home.body().contains("在 Request Tracker 中") && home.body().contains("在 Zendesk 中"), home.body());
        assertTrue(home.body().contains("id=\"language-form\""), "the language switch is there for agents too");
        assertFalse(home.body().contains("href=\"/console/entries\""), "no links to pages an agent may not open");
        HttpResponse<String> editorHome = signedIn("li", "zh-CN").get("/console/");
        assertEquals("/console/entries", editorHome.headers().firstValue("Location").orElseThrow(), "editors start at the entries");
    }

    @Test
    void theConsoleHasAFavicon() {
        HttpResponse<String> icon = new ConsoleClient(server.base()).get("/console/static/favicon.svg");
        assertEquals(200, icon.statusCode());
        assertEquals("image/svg+xml", icon.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(signedIn("li", "zh-CN").get("/console/entries").body()
                .contains("<link rel=\"icon\" href=\"/console/static/favicon.svg\" type=\"image/svg+xml\">"));
    }
}
