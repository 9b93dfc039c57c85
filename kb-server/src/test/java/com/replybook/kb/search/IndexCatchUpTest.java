package com.replybook.kb.search;

import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The derived index against the real store, on SQLite and PostgreSQL: a server whose index was closed while
 * another node wrote to the same database catches up from the change log on its next start.
 */
class IndexCatchUpTest {

    @TempDir
    Path dir;

    private static ServerConfig config(Path dataDir, DbTarget target, String url) {
        return TestServer.config(dataDir, false).with(ServerConfig.JDBC_URL, url)
                .with(ServerConfig.JDBC_USER, target.user());
    }

    private static TestServer start(ServerConfig config) throws InterruptedException {
        TestServer server = TestServer.start(config);
        assertTrue(server.app().search().index().awaitReady(Duration.ofSeconds(30)));
        return server;
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void changesWrittenWhileTheIndexWasClosedAreCaughtUpOnStart(DbTarget target) throws Exception {
        String url = target.freshUrl(dir);
        Path nodeA = dir.resolve("a");
        Path nodeB = dir.resolve("b");
        try (TestServer a = start(config(nodeA, target, url))) {
            assertEquals(201, a.admin().post("/api/v1/entries", SearchApiTest.entry("first", "zh-CN",
                    "包裹三天没有更新物流", List.of("快递三天没动了"), "published")).status());
        }
        try (TestServer b = start(config(nodeB, target, url))) {
            assertEquals(201, b.admin().post("/api/v1/entries", SearchApiTest.entry("second", "zh-CN",
                    "发票开错了怎么办", List.of("我要重开发票"), "published")).status());
        }
        try (TestServer a = start(config(nodeA, target, url))) {
            assertEquals(EntryIndex.Opening.REUSED, a.app().search().index().opening());
            var hits = a.admin().get("/api/v1/search?q=" + java.net.URLEncoder.encode("重开发票",
                    java.nio.charset.StandardCharsets.UTF_8)).json().get("hits");
            assertEquals("second", hits.get(0).get("key").asText());
        }
    }
}
