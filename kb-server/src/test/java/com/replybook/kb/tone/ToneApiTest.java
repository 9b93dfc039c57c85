package com.replybook.kb.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/v1/tone} end to end over HTTP. */
class ToneApiTest {

    @TempDir
    Path dir;

    @Test
    void customerTagsPickTheToneAndTheMessagePicksTheEmotion() {
        try (TestServer server = TestServer.start(dir, false)) {
            ApiClient agent = server.userWithRole("agent-ann", "agent");
            Response vip = agent.post("/api/v1/tone/suggest", Map.of("tags", List.of("VIP"), "text", "快递三天没动了，到底什么时候到？"));
            assertEquals("formal", vip.json().get("tone").asText());
            assertEquals("anxious", vip.json().get("emotion").asText());
            assertEquals("vip", vip.json().get("matchedTag").asText());
            assertEquals("lively", agent.post("/api/v1/tone/suggest", Map.of("tags", List.of("学生"))).json().get("tone").asText());
            Response angry = agent.post("/api/v1/tone/suggest", Map.of("tags", List.of(), "text", "骗子！我要投诉"));
            assertEquals("warm", angry.json().get("tone").asText(), "a feeling without a tag rule gets the warm tone");
            assertEquals("standard", agent.post("/api/v1/tone/suggest", Map.of("text", "请问能开发票吗")).json().get("tone").asText());
        }
    }

    @Test
    void onlyAdminsReplaceTheMappingAndBadRulesAreNamed() {
        try (TestServer server = TestServer.start(dir, false)) {
            Map<String, Object> mapping = Map.of("rules", List.of(Map.of("tag", "wholesale", "tone", "formal")));
            assertEquals(403, server.userWithRole("ed", "editor").put("/api/v1/tone/mapping", mapping, null).status());
            Response ok = server.admin().put("/api/v1/tone/mapping", mapping, null);
            assertEquals(200, ok.status(), ok.text());
            assertEquals(1, server.admin().get("/api/v1/tone/mapping").json().get("rules").size());
            assertEquals("formal", server.admin().post("/api/v1/tone/suggest", Map.of("tags", List.of("wholesale")))
                    .json().get("tone").asText());
            assertEquals("standard", server.admin().post("/api/v1/tone/suggest", Map.of("tags", List.of("vip")))
                    .json().get("tone").asText(), "the old rules are gone");
            Response bad = server.admin().put("/api/v1/tone/mapping",
                    Map.of("rules", List.of(Map.of("tag", "vip", "tone", "shouty"))), null);
            assertEquals(422, bad.status());
            assertEquals("rules[0].tone", bad.errorField());
        }
    }

    @Test
    void aShopKeepsItsOwnMappingWhichItsSuggestionsUseAndOtherShopsUseTheSharedOne() {
        try (TestServer server = TestServer.start(dir, false)) {
            ApiClient admin = server.admin();
            assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "tmall", "name", "云栖天猫旗舰店")).status());
            assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店")).status());
            ApiClient agent = server.userWithRole("agent-bo", "agent");
            assertEquals(true, agent.get("/api/v1/tone/mapping?shop=tmall").json().get("inherited").asBoolean());

            Map<String, Object> lively = Map.of("rules", List.of(Map.of("tag", "vip", "tone", "lively")));
            Response saved = admin.put("/api/v1/tone/mapping?shop=tmall", lively, null);
            assertEquals(200, saved.status(), saved.text());
            assertEquals(false, saved.json().get("inherited").asBoolean());

            assertEquals("lively", tone(agent, "vip", "tmall"), "tmall's VIPs are its young fans");
            assertEquals("formal", tone(agent, "vip", "jd"), "jd keeps the shared mapping");
            assertEquals("formal", tone(agent, "vip", null));
            Response other = server.userInShops("agent-jd", "agent", "jd").post("/api/v1/tone/suggest",
                    Map.of("tags", List.of("vip"), "shop", "tmall"));
            assertEquals(403, other.status(), other.text());
            assertEquals("shop", other.errorField());

            assertEquals(200, admin.delete("/api/v1/tone/mapping?shop=tmall", null).status());
            assertEquals("formal", tone(agent, "vip", "tmall"), "back to the shared mapping");
            assertEquals(404, admin.delete("/api/v1/tone/mapping?shop=tmall", null).status());
            assertEquals(400, admin.delete("/api/v1/tone/mapping", null).status(), "the shared mapping is never removed");
        }
    }

    private static String tone(ApiClient client, String tag, String shop) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("tags", List.of(tag)));
        if (shop != null) body.put("shop", shop);
        Response r = client.post("/api/v1/tone/suggest", body);
        assertEquals(200, r.status(), r.text());
        return r.json().get("tone").asText();
    }
}
