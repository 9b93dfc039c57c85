package com.replybook.kb.entries;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestDatabases;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An entry's {@code acceptedFallbacks}: stored and returned, validated, kept through updates, and obeyed by the
 * entry's render: a value the ticket lacks becomes its stand-in word only where the editor accepted that; every
 * other one is a fill-in marker the agent must fill. Over HTTP, on SQLite and on PostgreSQL.
 */
class AcceptedFallbacksTest {

    static final String DBS = "com.replybook.kb.testing.TestDatabases#all";
    static final String SCRIPT = "您购买的${product.name}已由${tracking.carrier}发出，运单号 ${tracking.no}。";

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource(DBS)
    void anEntryStoresTheStandInsItsEditorAcceptedAndItsRenderAsksForTheRest(TestDatabases.DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            ApiClient admin = server.admin();
            Map<String, Object> entry = Fixtures.entry("carrier-asked.zh-cn");
            entry.put("script", SCRIPT);
            entry.put("status", "published");
            entry.put("acceptedFallbacks", List.of("product.name"));
            Response created = admin.post("/api/v1/entries", entry);
            assertEquals(201, created.status(), created.text());
            assertEquals(List.of("product.name"), strings(created.json().get("acceptedFallbacks")));
            String id = created.json().get("id").asText();

            ApiClient agent = server.userWithRole("agent-a", "agent");
            JsonNode reply = agent.post("/api/v1/entries/" + id + "/render",
                    Map.of("channel", "chat", "context", Map.of("tracking", Map.of("no", "SF1234567890")))).json();
            assertTrue(reply.get("text").asText().contains("您购买的商品已由【请填写：快递公司】发出"), reply.toString());
            assertEquals(List.of("missing:tracking.carrier"), strings(reply.get("warnings")));

            entry.put("acceptedFallbacks", List.of("product.name", "tracking.carrier"));
            Response updated = admin.put("/api/v1/entries/" + id, entry, "\"1\"");
            assertEquals(200, updated.status(), updated.text());
            assertEquals(List.of("product.name", "tracking.carrier"),
                    strings(agent.get("/api/v1/entries/" + id).json().get("acceptedFallbacks")));
            JsonNode accepted = agent.post("/api/v1/entries/" + id + "/render",
                    Map.of("channel", "chat", "context", Map.of("tracking", Map.of("no", "SF1234567890")))).json();
            assertTrue(accepted.get("text").asText().contains("已由快递公司发出"), accepted.toString());
            assertTrue(accepted.get("warnings").isEmpty(), accepted.toString());
        }
    }

    @ParameterizedTest
    @MethodSource(DBS)
    void onlyVariablesWithAStandInWordMayBeAcceptedAndAnEntryWithoutTheFieldAcceptsNone(TestDatabases.DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            ApiClient admin = server.admin();
            Map<String, Object> entry = Fixtures.entry("bad-fallbacks.zh-cn");
            entry.put("acceptedFallbacks", List.of("order.id"));
            Response noStandIn = admin.post("/api/v1/entries", entry);
            assertEquals(422, noStandIn.status());
            assertEquals("acceptedFallbacks", noStandIn.errorField());
            assertEquals("entry.noFallback", noStandIn.json().at("/error/reason").asText(), noStandIn.text());
            assertTrue(noStandIn.text().contains("order.id"), noStandIn.text());
            entry.put("acceptedFallbacks", "product.name");
            assertEquals("acceptedFallbacks", admin.post("/api/v1/entries", entry).errorField());

            entry.remove("acceptedFallbacks");
            Response plain = admin.post("/api/v1/entries", entry);
            assertEquals(201, plain.status(), plain.text());
            assertTrue(plain.json().get("acceptedFallbacks").isEmpty());
            JsonNode preview = admin.post("/api/v1/render", Map.of("script", SCRIPT, "locale", "zh-CN")).json();
            assertEquals(List.of("missing:product.name", "missing:tracking.carrier", "missing:tracking.no"),
                    strings(preview.get("warnings")).stream().sorted().toList());
            JsonNode previewAccepted = admin.post("/api/v1/render", Map.of("script", SCRIPT, "locale", "zh-CN",
                    "acceptedFallbacks", List.of("product.name"))).json();
            assertFalse(strings(previewAccepted.get("warnings")).contains("missing:product.name"));
            assertEquals("acceptedFallbacks", admin.post("/api/v1/render", Map.of("script", SCRIPT,
                    "acceptedFallbacks", List.of("coupon.amount"))).errorField());
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
