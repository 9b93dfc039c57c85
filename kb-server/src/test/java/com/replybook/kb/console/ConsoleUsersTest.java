package com.replybook.kb.console;

import com.replybook.kb.auth.User;
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

/** The console's Users page, over HTTP on a real server. */
class ConsoleUsersTest {

    static final String PASSWORD = "a long admin password";
    @TempDir
    static Path dir;
    static TestServer server;
    static User admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        admin = server.app().users().findByUsername("admin").orElseThrow();
        // The bootstrap admin follows the browser's language; this one reads Chinese.
        admin = server.app().users().update(admin.id(), null, null, "zh-CN", null);
        server.app().passwords().setPassword(admin.id(), PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theLastAdminIsToldInTheirLanguageWhyTheyCannotDisableOrDemoteThemselves() {
        ConsoleClient c = new ConsoleClient(server.base());
        assertEquals(303, c.signIn("admin", PASSWORD).statusCode());
        String csrf = c.csrf("/console/users");
        for (Map<String, String> form : new Map[]{Map.of("_csrf", csrf, "action", "disable"),
                Map.of("_csrf", csrf, "action", "role", "role", "editor")}) {
            HttpResponse<String> r = c.post("/console/users/" + admin.id(), form);
            assertEquals(409, r.statusCode(), r.body());
            assertTrue(r.body().contains("id=\"users-error\"") && r.body().contains("最后一位启用中的管理员"), r.body());
        }
        User now = server.app().users().find(admin.id()).orElseThrow();
        assertFalse(now.disabled());
        assertEquals("admin", now.role().wire());
        assertEquals(200, c.get("/console/users").statusCode(), "still signed in as an admin");
    }
}
