package com.replybook.kb.cases;

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A case captured from the ticket view names its ticket and help-desk; the conversation is masked on the server. */
class CaseFromTicketApiTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ApiClient agent;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        agent = server.userWithRole("agent.capture", "agent");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Object> capture(String helpdesk, Object ticketId) {
        Map<String, Object> c = new HashMap<>();
        c.put("title", "快递三天没动了");
        c.put("excerptText", "客户：我的电话 13812345678，订单 E20231111888 三天没动了\n客服：已加急并补偿 10 元券");
        c.put("whyItWorked", "先共情，再给出明确时间和补偿");
        c.put("entryKeys", List.of("logistics-delay-stuck"));
        c.put("helpdesk", helpdesk);
        c.put("ticketId", ticketId);
        return c;
    }

    @Test
    void aCaseCapturedInATicketKeepsItsTicketAndIsMaskedOnTheServer() {
        Map<String, Object> body = capture("rt", "1042");
        body.put("agent", "alice");
        Response r = agent.post("/api/v1/cases", body);
        assertEquals(201, r.status(), r.text());
        JsonNode c = r.json();
        assertEquals("rt", c.get("helpdesk").asText());
        assertEquals("1042", c.get("ticketId").asText());
        assertEquals("alice", c.get("agent").asText());
        assertEquals("rt:1042", c.get("source").asText(), "where it came from, for leads who curate it");
        assertEquals("先共情，再给出明确时间和补偿", c.get("whyItWorked").asText());
        String excerpt = c.get("excerptHtml").asText();
        assertFalse(excerpt.contains("13812345678") || excerpt.contains("E20231111888"), excerpt);
        assertTrue(excerpt.contains("三天没动了"), excerpt);
        JsonNode stored = server.admin().get("/api/v1/cases/" + c.get("id").asText()).json();
        assertEquals("1042", stored.get("ticketId").asText());
        assertEquals(excerpt, stored.get("excerptHtml").asText());
    }

    @Test
    void aZendeskTicketNumberMayComeAsANumber() {
        Response r = agent.post("/api/v1/cases", capture("zendesk", 4711));
        assertEquals(201, r.status(), r.text());
        assertEquals("zendesk:4711", r.json().get("source").asText());
    }

    @Test
    void unknownHelpDesksAndTicketsAreRefusedNamingTheField() {
        Response desk = agent.post("/api/v1/cases", capture("jira", "1042"));
        assertEquals(422, desk.status(), desk.text());
        assertEquals("helpdesk", desk.errorField());
        Response ticket = agent.post("/api/v1/cases", capture("rt", "DROP TABLE"));
        assertEquals(422, ticket.status(), ticket.text());
        assertEquals("ticketId", ticket.errorField());
        Map<String, Object> half = capture("rt", "1042");
        half.remove("helpdesk");
        Response missing = agent.post("/api/v1/cases", half);
        assertEquals(422, missing.status(), missing.text());
        assertEquals("helpdesk", missing.errorField(), "a ticket without its help-desk names nothing");
        Map<String, Object> long_ = capture("rt", "1042");
        long_.put("whyItWorked", "好".repeat(CaseParser.MAX_TEXT + 1));
        assertEquals("whyItWorked", agent.post("/api/v1/cases", long_).errorField());
    }
}
