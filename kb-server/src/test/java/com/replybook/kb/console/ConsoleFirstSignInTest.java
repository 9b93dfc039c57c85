package com.replybook.kb.console;

import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How a fresh installation's admin gets into the console: a password set through the API with the admin token. */
class ConsoleFirstSignInTest {

    static final String PASSWORD = "a long first password";
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void adminSetsTheirFirstPasswordWithTheBootstrapTokenAndSignsIn() {
        assertEquals(401, new ConsoleClient(server.base()).signIn("admin", PASSWORD).statusCode(), "no password yet");
        assertEquals(204, server.admin().put("/api/v1/users/admin/password", Map.of("password", PASSWORD), null).status());
        assertEquals(303, new ConsoleClient(server.base()).signIn("admin", PASSWORD).statusCode());
    }

    @Test
    void aWeakPasswordIsRefusedNamingTheField() {
        var r = server.admin().put("/api/v1/users/admin/password", Map.of("password", "short"), null);
        assertEquals(422, r.status());
        assertEquals("password", r.errorField());
    }

    @Test
    void onlyAdminsMaySetPasswords() {
        var lead = server.userWithRole("lead1", "lead");
        assertEquals(403, lead.put("/api/v1/users/admin/password", Map.of("password", "taking over the admin"), null).status());
    }
}
