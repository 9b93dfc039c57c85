package com.replybook.kb.auth;

import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bootstrap token as the way back in: real restarts of the server on the same data directory, after the
 * admin was disabled, demoted or its token revoked, each time answer with an enabled admin, never a failed start.
 */
class AdminBootstrapTest {

    @TempDir
    Path dir;
    final List<String> logged = new ArrayList<>();
    final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            logged.add(r.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        Logger.getLogger(AdminBootstrap.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        Logger.getLogger(AdminBootstrap.class.getName()).removeHandler(capture);
    }

    @Test
    void aRestartReEnablesTheDisabledOwnerOfTheConfiguredToken() {
        try (TestServer first = TestServer.start(dir, false)) {
            ApiClient ops = first.userWithRole("ops", "admin");
            assertEquals(200, ops.put("/api/v1/users/admin", Map.of("disabled", true), null).status());
            assertEquals(401, first.admin().get("/api/v1/me").status());
        }
        assertTheTokenIsAnEnabledAdminAfterARestart("re-enabled admin");
    }

    @Test
    void aRestartMakesTheDemotedOwnerOfTheConfiguredTokenAnAdminAgain() {
        try (TestServer first = TestServer.start(dir, false)) {
            ApiClient ops = first.userWithRole("ops", "admin");
            assertEquals(200, ops.put("/api/v1/users/admin", Map.of("role", "agent"), null).status());
        }
        assertTheTokenIsAnEnabledAdminAfterARestart("made admin an admin again (was agent)");
    }

    @Test
    void aRestartStartsEvenWhenEveryAdminWasDisabledBehindTheServersBack() {
        try (TestServer first = TestServer.start(dir, false)) {
            sql(first, "UPDATE users SET disabled = 1, role = 'editor'");
        }
        assertTheTokenIsAnEnabledAdminAfterARestart("re-enabled admin and made admin an admin again (was editor)");
    }

    @Test
    void aRevokedConfiguredTokenWorksAgainAfterARestart() {
        try (TestServer first = TestServer.start(dir, false)) {
            ApiClient ops = first.userWithRole("ops", "admin");
            String adminId = ops.get("/api/v1/users/admin").json().path("id").asText();
            String tokenId = ops.get("/api/v1/users/admin/tokens").json().path("tokens").get(0).path("id").asText();
            assertEquals(204, ops.delete("/api/v1/users/" + adminId + "/tokens/" + tokenId, null).status());
        }
        assertTheTokenIsAnEnabledAdminAfterARestart("had been revoked");
    }

    @Test
    void aNewConfiguredTokenOnAnExistingDataDirectoryBelongsToTheAdminUser() {
        try (TestServer first = TestServer.start(dir, false)) {
            sql(first, "UPDATE users SET disabled = 1");
        }
        String other = "rb_another_configured_token_0123456789";
        try (TestServer again = TestServer.start(TestServer.config(dir, false).with(ServerConfig.ADMIN_TOKEN, other))) {
            Response me = again.client(other).get("/api/v1/me");
            assertEquals("admin", me.json().path("username").asText(), me.text());
            assertEquals("admin", me.json().path("role").asText());
        }
    }

    private void assertTheTokenIsAnEnabledAdminAfterARestart(String expectedLog) {
        for (int start = 0; start < 2; start++) { // the second restart has nothing left to repair
            try (TestServer again = TestServer.start(dir, false)) {
                Response me = again.admin().get("/api/v1/me");
                assertEquals(200, me.status(), me.text());
                assertEquals("admin", me.json().path("role").asText(), me.text());
            }
        }
        assertTrue(logged.stream().anyMatch(m -> m.contains(expectedLog)), "logged: " + logged);
    }

    private static void sql(TestServer server, String update) {
        server.app().database().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(update)) {
                return ps.executeUpdate();
            }
        });
    }
}
