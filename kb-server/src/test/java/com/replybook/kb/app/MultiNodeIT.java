package com.replybook.kb.app;

import com.replybook.kb.console.ConsoleClient;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.WarProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.replybook.kb.app.NodesSharingADatabaseTest.awaitTrue;
import static com.replybook.kb.app.NodesSharingADatabaseTest.hits;
import static com.replybook.kb.app.NodesSharingADatabaseTest.published;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Several nodes as README's "Running several nodes" deploys them: separate {@code java -jar kb-server.war}
 * processes on one PostgreSQL, each with its own data directory, reached without sticky sessions. A write, a synonym
 * change and a console session cross from node to node; a node killed with SIGKILL right after an acknowledged
 * import loses nothing.
 */
class MultiNodeIT {

    static final String TOKEN = "rb_multi_node_admin_token_0123456789";
    static final String PASSWORD = "correct horse battery";
    @TempDir
    static Path dir;
    static String url;
    static WarProcess a;
    static WarProcess b;

    @BeforeAll
    static void start() {
        url = DbTarget.POSTGRESQL.freshUrl(dir);
        a = node("a");
        b = node("b");
    }

    /** A node on the shared database, with its own data directory, polling every 300 ms. */
    static WarProcess node(String name) {
        Map<String, String> env = new HashMap<>(Map.of("REPLYBOOK_ADMIN_TOKEN", TOKEN, "REPLYBOOK_JDBC_URL", url,
                "REPLYBOOK_JDBC_USER", DbTarget.POSTGRESQL.user(), "REPLYBOOK_POLL_INTERVAL_MS", "300"));
        return WarProcess.start(dir.resolve(name), env, "--no-sample-data", "--semantic-search", "false");
    }

    @AfterAll
    static void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
    }

    @Test
    void aWriteOnOneNodeIsFoundBySearchOnTheOther() {
        Response created = a.client(TOKEN).post("/api/v1/entries", published("multi-write.en", "The glimmerbox refund"));
        assertEquals(201, created.status(), created.text());
        awaitTrue(() -> hits(b.client(TOKEN), "glimmerbox") == 1, "B's index applies A's write");
    }

    @Test
    void aSynonymChangeOnOneNodeIsAppliedOnTheOther() {
        assertEquals(201, b.client(TOKEN).post("/api/v1/entries", published("multi-syn.en", "A frobnitz warranty")).status());
        awaitTrue(() -> hits(a.client(TOKEN), "frobnitz") == 1, "A has B's entry");
        assertEquals(0, hits(b.client(TOKEN), "wizzlewarp"));
        Response put = a.client(TOKEN).put("/api/v1/synonyms/en", Map.of("rules", List.of("wizzlewarp, frobnitz")), null);
        assertEquals(200, put.status(), put.text());
        awaitTrue(() -> hits(b.client(TOKEN), "wizzlewarp") == 1, "B applies A's synonyms without a restart");
    }

    @Test
    void aConsoleSessionStartedOnOneNodeWorksOnTheOtherAndSigningOutThereEndsIt() {
        ApiClient admin = a.client(TOKEN);
        assertEquals(201, admin.post("/api/v1/users", Map.of("username", "multi.editor", "role", "editor", "locale", "en")).status());
        assertEquals(204, admin.put("/api/v1/users/multi.editor/password", Map.of("password", PASSWORD), null).status());
        ConsoleClient onA = new ConsoleClient(a.base());
        assertEquals(303, onA.signIn("multi.editor", PASSWORD).statusCode());
        ConsoleClient onB = onA.on(b.base());
        assertEquals(200, onB.get("/console/entries").statusCode(), "B accepts A's session");
        HttpResponse<String> out = onB.post("/console/signout", Map.of("_csrf", onB.csrf("/console/entries")));
        assertEquals(303, out.statusCode());
        assertEquals(303, onB.on(a.base()).get("/console/entries").statusCode(), "signed out on B, so on A too");
    }

    @Test
    void aNodeKilledRightAfterAnAcknowledgedImportLosesNothing() {
        WarProcess c = node("c");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Map<String, Object> e = Fixtures.entry("multi-kill-" + i + ".zh-cn");
            e.put("problem", "多节点 killword" + i + "x 包裹没有更新");
            e.put("status", "published");
            batch.add(e);
        }
        Response imported;
        try {
            imported = c.client(TOKEN).post("/api/v1/entries/import", batch);
        } finally {
            c.kill();
        }
        assertEquals(200, imported.status(), imported.text());
        assertEquals(300, imported.json().get("created").asInt());
        try (WarProcess again = WarProcess.start(dir.resolve("c"), Map.of("REPLYBOOK_ADMIN_TOKEN", TOKEN,
                "REPLYBOOK_JDBC_URL", url, "REPLYBOOK_JDBC_USER", DbTarget.POSTGRESQL.user()),
                "--no-sample-data", "--semantic-search", "false")) {
            ApiClient client = again.client(TOKEN);
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Response r = client.get("/api/v1/search?limit=1&q=killword" + i + "x");
                if (r.json().get("total").asInt() != 1) missing.add("multi-kill-" + i);
            }
            assertEquals(List.of(), missing, "acknowledged but not found after the restart");
            awaitTrue(() -> a.client(TOKEN).get("/api/v1/search?limit=1&q=killword299x").json().get("total").asInt() == 1,
                    "and on the other node");
        }
    }
}
