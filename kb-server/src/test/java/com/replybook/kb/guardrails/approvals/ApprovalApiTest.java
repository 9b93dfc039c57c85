package com.replybook.kb.guardrails.approvals;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/approvals} over HTTP: asking, seeing only one's own, one decision by a lead, grants on insert events. */
class ApprovalApiTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ApiClient ann;
    static ApiClient bob;
    static ApiClient lead;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        ann = server.userWithRole("agent.ann", "agent");
        bob = server.userWithRole("agent.bob", "agent");
        lead = server.userWithRole("lead.li", "lead");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Object> ask(String ticket, String amount) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("ticketId", ticket);
        b.put("helpdesk", "rt");
        b.put("locale", "zh-CN");
        b.put("category", "物流/延误");
        b.put("orderAmount", "80");
        b.put("offer", "coupon");
        b.put("amount", amount);
        b.put("reason", "包裹延误一周，客户是老客户");
        return b;
    }

    @Test
    void anAgentAsksALeadDecidesOnceAndTheAgentSeesTheDecision() {
        Response asked = ann.post("/api/v1/approvals", ask("1024", "10"));
        assertEquals(201, asked.status(), asked.text());
        JsonNode a = asked.json();
        assertEquals("pending", a.get("status").asText());
        assertEquals("5", a.get("policyMax").asText(), "what the policy allowed, for the lead to weigh");
        assertEquals("CNY", a.get("currency").asText());
        assertEquals("agent.ann", a.get("requestedBy").asText());
        String id = a.get("id").asText();

        assertEquals(200, ann.get("/api/v1/approvals/" + id).status());
        assertEquals(404, bob.get("/api/v1/approvals/" + id).status(), "agents see only their own");
        assertEquals(0, bob.get("/api/v1/approvals?status=pending").json().get("approvals").size());
        JsonNode leadsList = lead.get("/api/v1/approvals?status=pending").json();
        assertTrue(leadsList.get("canDecide").asBoolean());
        assertTrue(leadsList.get("pending").asInt() >= 1);
        assertFalse(ann.get("/api/v1/approvals").json().get("canDecide").asBoolean());

        assertEquals(403, ann.post("/api/v1/approvals/" + id + "/decision", Map.of("approved", true)).status());
        Response decided = lead.post("/api/v1/approvals/" + id + "/decision", Map.of("approved", true, "note", "老客户，可以"));
        assertEquals(200, decided.status(), decided.text());
        assertEquals("approved", decided.json().get("status").asText());
        assertEquals("lead.li", decided.json().get("decidedBy").asText());
        Response again = lead.post("/api/v1/approvals/" + id + "/decision", Map.of("approved", false));
        assertEquals(409, again.status(), "one decision per approval");

        JsonNode seen = ann.get("/api/v1/approvals/" + id).json();
        assertEquals("approved", seen.get("status").asText());
        assertEquals("老客户，可以", seen.get("note").asText());
        assertEquals(404, lead.post("/api/v1/approvals/no-such-id/decision", Map.of("approved", true)).status());
        assertEquals("approved", lead.post("/api/v1/approvals/" + id + "/decision", Map.of("approved", "yes")).errorField());
    }

    @Test
    void everyStepIsAnApprovalEventAndTheInsertRecordsTheGrantedCompensation() {
        Map<String, Object> entry = Fixtures.entry("delay.approvals.zh-cn");
        entry.put("status", "published"); // agents insert published entries only
        String entryId = server.admin().post("/api/v1/entries", entry).json().get("id").asText();
        String approved = ann.post("/api/v1/approvals", ask("2048", "10")).json().get("id").asText();
        lead.post("/api/v1/approvals/" + approved + "/decision", Map.of("approved", true));
        String rejected = ann.post("/api/v1/approvals", ask("2048", "20")).json().get("id").asText();
        lead.post("/api/v1/approvals/" + rejected + "/decision", Map.of("approved", false, "note", "按政策给 5 元"));

        JsonNode steps = lead.get("/api/v1/events?type=approval&ticketId=2048").json().get("events");
        assertEquals(4, steps.size(), steps.toString());
        java.util.Set<String> seen = new java.util.TreeSet<>();
        steps.forEach(e -> seen.add(e.get("approval").asText() + " " + e.at("/compensation/amount").asText() + " "
                + e.at("/compensation/approvalId").asText().equals(approved)));
        assertEquals(java.util.Set.of("asked 10.00 true", "granted 10.00 true", "asked 20.00 false", "denied 20.00 false"), seen);

        Response ok = ann.post("/api/v1/events", insert(entryId, "coupon", "10", approved));
        assertEquals(201, ok.status(), ok.text());
        JsonNode stored = lead.get("/api/v1/events?type=insert&ticketId=2048").json().at("/events/0/compensation");
        assertEquals("coupon", stored.get("offer").asText());
        assertEquals("10.00", stored.get("amount").asText());
        assertEquals(approved, stored.get("approvalId").asText());
    }

    @Test
    void aRequestNamesEveryBadField() {
        Map<String, Object> b = ask("", "0");
        b.put("offer", "voucher");
        b.put("locale", "fr");
        Response r = ann.post("/api/v1/approvals", b);
        assertEquals(422, r.status(), r.text());
        String errors = r.json().at("/error/errors").toString();
        for (String field : new String[] {"ticketId", "locale", "offer"}) assertTrue(errors.contains("\"" + field + "\""), errors);
        Map<String, Object> none = ask("9", "10");
        none.remove("amount");
        assertEquals("amount", ann.post("/api/v1/approvals", none).errorField());
    }

    private static Map<String, Object> insert(String entryId, String offer, String amount, String approvalId) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("offer", offer);
        c.put("amount", amount);
        if (approvalId != null) c.put("approvalId", approvalId);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("entryId", entryId);
        fields.put("entryVersion", 1);
        fields.put("compensation", c);
        Map<String, Object> e = Fixtures.event("insert", fields);
        e.put("ticketId", "2048");
        return e;
    }
}
