package com.replybook.kb.followups;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Promised follow-ups through {@code /api/v1/followups}: recorded by agents, each agent's own (never another's), all
 * of them for leads, done once, and bad input refused naming the field.
 */
class FollowUpApiTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ApiClient alice;
    static ApiClient bob;
    static ApiClient lead;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir.resolve("sqlite"), false);
        alice = server.userWithRole("alice", "agent");
        bob = server.userWithRole("bob", "agent");
        lead = server.userWithRole("lena", "lead");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Object> followUp(String ticket, Duration dueIn, String note) {
        Map<String, Object> f = new HashMap<>();
        f.put("ticketId", ticket);
        f.put("helpdesk", "rt");
        f.put("dueAt", Instant.now().plus(dueIn).truncatedTo(ChronoUnit.SECONDS).toString());
        f.put("note", note);
        return f;
    }

    static List<String> ids(Response list) {
        List<String> out = new ArrayList<>();
        list.json().get("followups").forEach(f -> out.add(f.get("id").asText()));
        return out;
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void anAgentRecordsAFollowUpAndFindsItOpenUntilTheyMarkItDone(DbTarget db, @TempDir Path own) {
        try (TestServer s = TestServer.start(own, db, false)) {
            ApiClient agent = s.userWithRole("carol", "agent");
            Response created = agent.post("/api/v1/followups", followUp("1042", Duration.ofHours(24), "24 小时回访：确认补发已签收"));
            assertEquals(201, created.status(), created.text());
            JsonNode f = created.json();
            assertEquals("open", f.get("status").asText());
            assertEquals("1042", f.get("ticketId").asText());
            assertEquals("rt", f.get("helpdesk").asText());
            assertEquals("carol", f.get("agent").asText());
            assertFalse(f.get("overdue").asBoolean());
            assertTrue(created.header("Location").endsWith("/api/v1/followups/" + f.get("id").asText()));
            assertEquals(List.of(f.get("id").asText()), ids(agent.get("/api/v1/followups?status=open")));

            Response done = agent.post("/api/v1/followups/" + f.get("id").asText() + "/done", "");
            assertEquals(200, done.status(), done.text());
            assertEquals("done", done.json().get("status").asText());
            assertEquals("carol", done.json().get("doneBy").asText());
            assertEquals(List.of(), ids(agent.get("/api/v1/followups?status=open")));
            assertEquals(List.of(f.get("id").asText()), ids(agent.get("/api/v1/followups?status=done")));
            Response again = agent.post("/api/v1/followups/" + f.get("id").asText() + "/done", "");
            assertEquals(200, again.status(), "done twice is no error");
            assertEquals(done.json().get("doneAt").asText(), again.json().get("doneAt").asText(), "it stays done as it was");
        }
    }

    @Test
    void followUpsArePerAgentAndNeverVisibleToAnotherAgentButLeadsSeeEveryonesByAgent() {
        String a = alice.post("/api/v1/followups", followUp("2001", Duration.ofHours(2), "回电")).json().get("id").asText();
        String b = bob.post("/api/v1/followups", followUp("2002", Duration.ofHours(3), "回电")).json().get("id").asText();
        assertTrue(ids(alice.get("/api/v1/followups")).contains(a));
        assertFalse(ids(alice.get("/api/v1/followups")).contains(b), "bob's is not alice's business");
        assertFalse(ids(alice.get("/api/v1/followups?agent=bob")).contains(b), "not even when she asks for it by name");
        assertEquals(404, alice.post("/api/v1/followups/" + b + "/done", "").status(), "nor can she close it");
        assertEquals("open", lead.get("/api/v1/followups?agent=bob").json().get("followups").get(0).get("status").asText());

        List<String> all = ids(lead.get("/api/v1/followups"));
        assertTrue(all.contains(a) && all.contains(b), "leads see everyone's");
        List<String> bobs = ids(lead.get("/api/v1/followups?agent=bob"));
        assertTrue(bobs.contains(b) && !bobs.contains(a), "filtered by agent");
        assertEquals(200, lead.post("/api/v1/followups/" + b + "/done", "").status(), "a lead may close anyone's");
    }

    @Test
    void agentsSharingAHelpDeskTokenKeepTheirOwnFollowUps() {
        ApiClient bridge = server.userWithRole("rt-bridge", "agent");
        Map<String, Object> forDan = followUp("3001", Duration.ofHours(1), "回电");
        forDan.put("agent", "dan");
        Map<String, Object> forEve = followUp("3002", Duration.ofHours(1), "回电");
        forEve.put("agent", "eve");
        String dan = bridge.post("/api/v1/followups", forDan).json().get("id").asText();
        String eve = bridge.post("/api/v1/followups", forEve).json().get("id").asText();
        assertEquals(List.of(dan), ids(bridge.get("/api/v1/followups?agent=dan")));
        assertEquals(404, bridge.post("/api/v1/followups/" + eve + "/done", Map.of("agent", "dan")).status(),
                "the bridge acting for dan cannot close eve's");
        assertEquals(200, bridge.post("/api/v1/followups/" + eve + "/done", Map.of("agent", "eve")).status());
        assertFalse(ids(alice.get("/api/v1/followups")).contains(dan), "another kb-server user never sees them");
    }

    @Test
    void dueBeforeListsOnlyThoseDueEarlierAndTheOverdueAreFlagged() {
        ApiClient agent = server.userWithRole("fay", "agent");
        String late = agent.post("/api/v1/followups", followUp("4001", Duration.ofMinutes(-1), "答应的回电")).json().get("id").asText();
        String soon = agent.post("/api/v1/followups", followUp("4002", Duration.ofMinutes(30), "下午回电")).json().get("id").asText();
        String later = agent.post("/api/v1/followups", followUp("4003", Duration.ofDays(2), "后天确认")).json().get("id").asText();
        String before = URLEncoder.encode(Instant.now().plus(Duration.ofHours(1)).toString(), StandardCharsets.UTF_8);
        Response r = agent.get("/api/v1/followups?status=open&dueBefore=" + before);
        assertEquals(List.of(late, soon), ids(r), "earliest due first, none after the hour");
        assertTrue(r.json().get("followups").get(0).get("overdue").asBoolean());
        assertFalse(r.json().get("followups").get(1).get("overdue").asBoolean());
        assertFalse(ids(agent.get("/api/v1/followups?status=open")).isEmpty());
        assertTrue(ids(agent.get("/api/v1/followups")).contains(later));
        assertEquals("no-store", r.header("Cache-Control"));
    }

    @Test
    void aFollowUpMayNameTheEntryWhoseScriptPromisedIt() {
        Response entry = server.admin().post("/api/v1/entries", published("followup-callback"));
        assertEquals(201, entry.status(), entry.text());
        Map<String, Object> f = followUp("5001", Duration.ofHours(5), "明天下午 5 点前电话答复");
        f.put("entryId", "followup-callback");
        Response r = alice.post("/api/v1/followups", f);
        assertEquals(201, r.status(), r.text());
        assertEquals(entry.json().get("id").asText(), r.json().get("entryId").asText(), "stored by id, given by key");
    }

    @Test
    void dueTimesInThePastOrYearsAheadAreRefusedNamingDueAt() {
        assertRefused(followUp("6001", Duration.ofDays(-1), "x"), "dueAt", "past");
        assertRefused(followUp("6001", Duration.ofDays(3 * 365), "x"), "dueAt", "days ahead");
        Map<String, Object> garbled = followUp("6001", Duration.ofHours(1), "x");
        garbled.put("dueAt", "tomorrow at five");
        assertRefused(garbled, "dueAt", "ISO-8601");
        Map<String, Object> missing = followUp("6001", Duration.ofHours(1), "x");
        missing.remove("dueAt");
        assertRefused(missing, "dueAt", "required");
    }

    @Test
    void unknownHelpDesksAndTicketsAreRefusedNamingTheField() {
        Map<String, Object> desk = followUp("7001", Duration.ofHours(1), "x");
        desk.put("helpdesk", "freshdesk");
        assertRefused(desk, "helpdesk", "freshdesk");
        for (String ticket : new String[]{"abc", "0", "12345678901234567890", "../1", "-5", ""}) {
            assertRefused(followUp(ticket, Duration.ofHours(1), "x"), "ticketId", null);
        }
        Map<String, Object> entry = followUp("7001", Duration.ofHours(1), "x");
        entry.put("entryId", "no-such-entry");
        assertRefused(entry, "entryId", "no-such-entry");
        Map<String, Object> unknownField = followUp("7001", Duration.ofHours(1), "x");
        unknownField.put("priority", "high");
        assertRefused(unknownField, "priority", null);
    }

    @Test
    void eachProblemOfAFollowUpCarriesItsCodeForClientsToWordIt() {
        Map<String, Object> bad = followUp("abc", Duration.ofDays(-1), "x");
        Response r = alice.post("/api/v1/followups", bad);
        assertEquals(422, r.status(), r.text());
        Map<String, String> reasons = new java.util.HashMap<>();
        r.json().at("/error/errors").forEach(e -> reasons.put(e.get("field").asText(), e.path("reason").asText()));
        assertEquals(Map.of("ticketId", "input.ticketId", "dueAt", "followup.duePast"), reasons, r.text());
        Map<String, Object> noDesk = followUp("7001", Duration.ofHours(1), "x");
        noDesk.remove("helpdesk");
        noDesk.remove("ticketId");
        Response missing = alice.post("/api/v1/followups", noDesk);
        assertTrue(missing.text().contains("\"reason\":\"input.helpdeskRequired\""), missing.text());
        assertTrue(missing.text().contains("\"reason\":\"input.ticketIdRequired\""), missing.text());
        assertEquals("followup.notFound", alice.post("/api/v1/followups/no-such-id/done", "").json().at("/error/reason").asText());
    }

    @Test
    void anOversizedNoteIsRefusedNamingNoteAndNothingIsStored() {
        int before = ids(alice.get("/api/v1/followups")).size();
        assertRefused(followUp("8001", Duration.ofHours(1), "回".repeat(1001)), "note", "1000");
        assertEquals(201, alice.post("/api/v1/followups", followUp("8001", Duration.ofHours(1), "回".repeat(1000))).status());
        assertEquals(before + 1, ids(alice.get("/api/v1/followups")).size());
    }

    @Test
    void badListParametersAreRefusedNamingTheParameter() {
        assertEquals("status", alice.get("/api/v1/followups?status=late").errorField());
        assertEquals("dueBefore", alice.get("/api/v1/followups?dueBefore=soon").errorField());
        assertEquals("helpdesk", alice.get("/api/v1/followups?helpdesk=jira").errorField());
        assertEquals(404, alice.post("/api/v1/followups/no-such-id/done", "").status());
        assertEquals(401, server.client(null).get("/api/v1/followups").status());
    }

    private static void assertRefused(Map<String, Object> body, String field, String inMessage) {
        Response r = alice.post("/api/v1/followups", body);
        assertEquals(422, r.status(), r.text());
        String errors = r.json().path("error").path("errors").toString();
        assertTrue(errors.contains("\"field\":\"" + field + "\""), field + " named in " + r.text());
        if (inMessage != null) assertTrue(errors.contains(inMessage), "'" + inMessage + "' explained in " + r.text());
    }

    private static Map<String, Object> published(String key) {
        Map<String, Object> e = Fixtures.entry(key);
        e.put("status", "published");
        return e;
    }
}
