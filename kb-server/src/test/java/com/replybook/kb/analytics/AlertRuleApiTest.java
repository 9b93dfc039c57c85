package com.replybook.kb.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Leads set the alert thresholds; an alert fires exactly when a threshold is reached within its days. */
class AlertRuleApiTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ApiClient lead;

    @BeforeAll
    static void start() {
        server = InsightsScenario.serverWithTheWeek(dir);
        lead = server.userWithRole("lena", "lead");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Object> rule(String kind, List<String> categories, Object threshold, Object days) {
        Map<String, Object> r = new HashMap<>(Map.of("kind", kind, "categories", categories, "threshold", threshold, "days", days));
        r.put("label", "test");
        return r;
    }

    static List<String> subjects(JsonNode alerts) {
        List<String> out = new java.util.ArrayList<>();
        alerts.forEach(a -> out.add(a.get("kind").asText() + ":" + a.path(a.get("kind").asText()).asText() + "×"
                + a.get("count").asLong()));
        return out;
    }

    @Test
    void aCategoryRuleFiresAtItsThresholdWithinItsDaysAndStopsWhenRaisedOrDeleted() {
        Response created = lead.post("/api/v1/analytics/alert-rules", rule("category", List.of(), 3, 3));
        assertEquals(201, created.status(), created.text());
        String id = created.json().get("id").asText();
        assertEquals(List.of("product:降噪耳机 X2×5", "category:质量/到货故障×3"),
                subjects(lead.get("/api/v1/analytics/alerts").json().get("alerts")),
                "the three defect inserts of 12-07 15:00 are within 3 days of now; 物流 and 订单 have one each");

        Response raised = lead.put("/api/v1/analytics/alert-rules/" + id, rule("category", List.of(), 4, 3), null);
        assertEquals(200, raised.status(), raised.text());
        assertEquals(4, raised.json().get("threshold").asInt());
        assertEquals(List.of("product:降噪耳机 X2×5"), subjects(lead.get("/api/v1/analytics/alerts").json().get("alerts")));

        assertEquals(204, lead.delete("/api/v1/analytics/alert-rules/disputes", null).status());
        assertEquals(List.of(), subjects(lead.get("/api/v1/analytics/alerts").json().get("alerts")));
        assertEquals(404, lead.delete("/api/v1/analytics/alert-rules/disputes", null).status());
        assertEquals(1, lead.get("/api/v1/analytics/alert-rules").json().get("rules").size());
        assertEquals(204, lead.delete("/api/v1/analytics/alert-rules/" + id, null).status());
    }

    @Test
    void theDefaultDisputeRuleCountsOnlyItsCategoriesAndFiresAtFiveNotFour() {
        Response r = lead.post("/api/v1/analytics/alert-rules", rule("product", List.of("质量"), 6, 7));
        JsonNode alerts = lead.get("/api/v1/analytics/alerts").json().get("alerts");
        assertTrue(subjects(alerts).contains("product:降噪耳机 X2×5"), alerts.toString());
        assertTrue(subjects(alerts).stream().noneMatch(s -> s.endsWith("×6")),
                "the delay insert on X2 is not a quality problem, so 6 is not reached: " + alerts);
        lead.delete("/api/v1/analytics/alert-rules/" + r.json().get("id").asText(), null);
    }

    @Test
    void badThresholdsAreRefusedNamingEachField() {
        Response r = lead.post("/api/v1/analytics/alert-rules", rule("shop", List.of("x".repeat(101)), 0, 91));
        assertEquals(422, r.status(), r.text());
        List<String> fields = new java.util.ArrayList<>();
        r.json().get("error").get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("kind", "threshold", "days", "categories"), fields);
        assertEquals("threshold", lead.post("/api/v1/analytics/alert-rules", rule("product", List.of(), "5.5", 7)).errorField());
        assertEquals("days", lead.post("/api/v1/analytics/alert-rules", rule("product", List.of(), 5, "a week")).errorField());
        assertEquals("categories", lead.post("/api/v1/analytics/alert-rules",
                Map.of("kind", "product", "categories", "质量", "threshold", 5, "days", 7)).errorField());
        assertEquals(404, lead.put("/api/v1/analytics/alert-rules/nope", rule("product", List.of(), 5, 7), null).status());
        assertEquals(1, lead.get("/api/v1/analytics/alert-rules").json().get("rules").size(), "nothing refused was stored");
    }

    @Test
    void alertsAndTheirRulesAreForLeads() {
        ApiClient agent = server.userWithRole("ann", "agent");
        ApiClient editor = server.userWithRole("ed", "editor");
        assertEquals(403, agent.get("/api/v1/analytics/alerts").status());
        assertEquals(403, editor.get("/api/v1/analytics/alert-rules").status());
        assertEquals(403, editor.post("/api/v1/analytics/alert-rules", rule("product", List.of(), 5, 7)).status());
    }
}
