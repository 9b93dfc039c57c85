package com.replybook.kb.shops;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/shops}: admins create and change shops, every role lists the shops it works for. */
class ShopApiTest {

    @TempDir
    Path dir;

    @Test
    void anAdminCreatesAShopThatEveryRoleLists() {
        try (TestServer server = TestServer.start(dir, false)) {
            Response created = server.admin().post("/api/v1/shops", Map.of("key", "tmall-flagship",
                    "name", "云栖天猫旗舰店", "locales", List.of("zh-CN"), "signature", "云栖旗舰店客服 · 7×24 在线",
                    "greetings", Map.of("lively", "哈喽亲～")));

            assertEquals(201, created.status(), created.text());
            assertEquals("/api/v1/shops/tmall-flagship", created.header("Location"));
            assertEquals("\"1\"", created.etag());
            assertEquals("哈喽亲～", created.json().path("greetings").path("lively").asText());
            ApiClient agent = server.userWithRole("agent.wang", "agent");
            assertEquals(List.of("tmall-flagship"), keys(agent.get("/api/v1/shops")));
            assertEquals("云栖天猫旗舰店", agent.get("/api/v1/shops/tmall-flagship").json().path("name").asText());
        }
    }

    @Test
    void anAdminChangesAShopKeepingWhatThePutLeavesOut() {
        try (TestServer server = TestServer.start(dir, false)) {
            ApiClient admin = server.admin();
            admin.post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店", "signature", "京东客服"));

            Response changed = admin.put("/api/v1/shops/jd", Map.of("name", "云栖京东旗舰店"), "\"1\"");

            assertEquals(200, changed.status(), changed.text());
            assertEquals("云栖京东旗舰店", changed.json().path("name").asText());
            assertEquals("京东客服", changed.json().path("signature").asText(), "what the PUT left out stays");
            assertEquals(2, changed.json().path("version").asLong());
            Response stale = admin.put("/api/v1/shops/jd", Map.of("name", "旧名字"), "\"1\"");
            assertEquals(409, stale.status(), stale.text());
            assertEquals(404, admin.put("/api/v1/shops/nowhere", Map.of("name", "x"), null).status());
        }
    }

    @Test
    void onlyAnAdminCreatesOrChangesShops() {
        try (TestServer server = TestServer.start(dir, false)) {
            server.admin().post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店"));
            ApiClient lead = server.userWithRole("lead.sun", "lead");
            assertEquals(403, lead.post("/api/v1/shops", Map.of("key", "own", "name", "Own")).status());
            assertEquals(403, lead.put("/api/v1/shops/jd", Map.of("name", "x"), null).status());
        }
    }

    @Test
    void aUserLimitedToShopsListsTheirShopsOnly() {
        try (TestServer server = TestServer.start(dir, false)) {
            server.admin().post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店"));
            server.admin().post("/api/v1/shops", Map.of("key", "tmall", "name", "云栖天猫旗舰店"));
            ApiClient agent = server.userInShops("agent.jd", "agent", "jd");
            assertEquals(List.of("jd"), keys(agent.get("/api/v1/shops")));
            assertEquals(404, agent.get("/api/v1/shops/tmall").status());
            assertEquals(List.of("jd"), List.of(agent.get("/api/v1/me").json().path("shops").path(0).asText()));
        }
    }

    @Test
    void badShopsAreRefusedNamingEachField() {
        try (TestServer server = TestServer.start(dir, false)) {
            ApiClient admin = server.admin();
            admin.post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店"));
            assertEquals(409, admin.post("/api/v1/shops", Map.of("key", "jd", "name", "again")).status());

            Response bad = admin.post("/api/v1/shops", Map.of("key", "Bad Key", "locales", List.of("fr"),
                    "greetings", Map.of("grumpy", "哼")));

            assertEquals(422, bad.status(), bad.text());
            for (String field : List.of("\"key\"", "\"name\"", "\"locales\"", "\"greetings.grumpy\"")) {
                assertTrue(bad.text().contains(field), field + " in " + bad.text());
            }
        }
    }

    private static List<String> keys(Response r) {
        assertEquals(200, r.status(), r.text());
        List<String> out = new ArrayList<>();
        r.json().path("shops").forEach(s -> out.add(s.path("key").asText()));
        return out;
    }
}
