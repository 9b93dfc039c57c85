package com.replybook.kb.users;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/users} over HTTP: the last enabled admin stays one, users are found by id or username. */
class UserApiTest {

    @TempDir
    Path dir;
    TestServer server;
    ApiClient admin;

    @BeforeEach
    void start() {
        server = TestServer.start(dir, false);
        admin = server.admin();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theOnlyAdminCannotDisableOrDemoteItself() {
        Response disable = admin.put("/api/v1/users/admin", Map.of("disabled", true), null);
        assertEquals(409, disable.status(), disable.text());
        assertEquals("last_admin", disable.errorCode());
        assertEquals("disabled", disable.errorField());
        assertTrue(disable.json().path("error").path("message").asText().contains("last enabled admin"), disable.text());

        Response demote = admin.put("/api/v1/users/admin", Map.of("role", "lead"), null);
        assertEquals(409, demote.status(), demote.text());
        assertEquals("role", demote.errorField());

        Response me = admin.get("/api/v1/me");
        assertEquals("admin", me.json().path("role").asText(), "nothing was written: " + me.text());
        assertFalse(admin.get("/api/v1/users/admin").json().path("disabled").asBoolean());
    }

    @Test
    void anAdminMayStepDownOnceAnotherAdminIsEnabled() {
        ApiClient second = server.userWithRole("ops", "admin");
        assertEquals(200, admin.put("/api/v1/users/admin", Map.of("role", "lead"), null).status());
        Response last = second.put("/api/v1/users/ops", Map.of("disabled", true), null);
        assertEquals(409, last.status(), "ops is now the last enabled admin: " + last.text());
        assertEquals(200, second.put("/api/v1/users/admin", Map.of("role", "admin"), null).status());
        assertEquals(200, second.put("/api/v1/users/ops", Map.of("disabled", true), null).status());
    }

    @Test
    void aDisabledAdminDoesNotCountAsTheOneThatIsLeft() {
        server.userWithRole("ops", "admin");
        assertEquals(200, admin.put("/api/v1/users/ops", Map.of("disabled", true), null).status());
        assertEquals(409, admin.put("/api/v1/users/admin", Map.of("disabled", true), null).status());
    }

    @Test
    void aUserIsReadByUsernameAsWellAsById() {
        Response byName = admin.get("/api/v1/users/admin");
        assertEquals(200, byName.status(), byName.text());
        assertEquals("admin", byName.json().path("username").asText());
        Response byId = admin.get("/api/v1/users/" + byName.json().path("id").asText());
        assertEquals("admin", byId.json().path("username").asText());
        assertEquals(404, admin.get("/api/v1/users/nobody").status());
    }

    @Test
    void disabledMustBeABooleanNotAWordThatReadsAsFalse() {
        server.userWithRole("li.na", "agent");
        Response r = admin.put("/api/v1/users/li.na", Map.of("disabled", "yes"), null);
        assertEquals(400, r.status(), r.text());
        assertEquals("disabled", r.errorField());
    }
}
