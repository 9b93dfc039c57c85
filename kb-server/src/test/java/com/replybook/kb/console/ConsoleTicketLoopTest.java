package com.replybook.kb.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.cases.CaseCollection;
import com.replybook.kb.cases.CaseDraft;
import com.replybook.kb.cases.CollectionItem;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ticket loop in the console: clock targets (leads edit), overdue follow-ups (leads), collections as training
 * (agents read and mark studied, leads publish and see who studied), and an entry's questions learned from searches.
 */
class ConsoleTicketLoopTest {

    static final String PASSWORD = ConsoleSecurityTest.PASSWORD;
    static final String XSS = ConsoleSecurityTest.XSS;
    static final Pattern BASED_ON = Pattern.compile("name=\"basedOn\" value=\"(\\d+)\"");
    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        server.createConsoleUsers(PASSWORD, "lead:lead", "ed:editor", "amy:agent", "ben:agent");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ConsoleClient signedIn(String user) {
        ConsoleClient c = new ConsoleClient(server.base());
        assertEquals(303, c.signIn(user, PASSWORD).statusCode());
        return c;
    }

    static Map<String, String> clockForm(ConsoleClient c) {
        Map<String, String> f = new HashMap<>();
        String page = c.get("/console/clocks").body();
        Matcher m = Pattern.compile("name=\"([a-z]+\\.[a-z]+|amberPercent|version)\" value=\"([^\"]*)\"").matcher(page);
        while (m.find()) f.put(m.group(1), m.group(2));
        f.put("_csrf", c.csrf("/console/clocks"));
        return f;
    }

    @Test
    void aLeadChangesAClockTargetOnTheConsoleAndTheApiServesIt() {
        ConsoleClient lead = signedIn("lead");
        Map<String, String> form = clockForm(lead);
        assertEquals("1", form.get("chat.first"));
        form.put("chat.first", "2");
        HttpResponse<String> saved = lead.post("/console/clocks", form);
        assertEquals(303, saved.statusCode());
        assertTrue(lead.get("/console/clocks").body().contains("id=\"flash\""));
        assertEquals(2, server.admin().get("/api/v1/clocks").json().at("/channels/chat/firstResponseMinutes").asInt());
    }

    @Test
    void aBadTargetComesBackMarkedNextToItsInputAndNothingIsSaved() {
        ConsoleClient lead = signedIn("lead");
        Map<String, String> form = clockForm(lead);
        form.put("email.action", "10");
        form.put("sms.first", "soon");
        HttpResponse<String> r = lead.post("/console/clocks", form);
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("data-field=\"channels.email.stageMinutes.action\""), "the error sits at its input");
        assertTrue(r.body().contains("data-field=\"channels.sms.firstResponseMinutes\""));
        assertTrue(r.body().contains("value=\"soon\""), "what the lead typed is kept");
        assertEquals(60, server.admin().get("/api/v1/clocks").json().at("/channels/email/stageMinutes/action").asInt());
    }

    @Test
    void aBadTargetIsExplainedInTheLeadsLanguage() {
        server.createConsoleUser("lead.zh", "lead", "zh-CN", PASSWORD);
        ConsoleClient lead = signedIn("lead.zh");
        Map<String, String> form = clockForm(lead);
        form.put("email.action", "10");
        form.put("sms.first", "0");
        String page = lead.post("/console/clocks", form).body();
        assertTrue(page.contains("必须晚于前一阶段（30 分钟）。"), "the stage order in Chinese");
        assertTrue(page.contains("请填写 1 到 43200 之间的整数。"), "the range in Chinese");
    }

    @Test
    void editorsReadTheTargetsAndAgentsDoNot() {
        String page = signedIn("ed").get("/console/clocks").body();
        assertTrue(page.contains("readonly") && !page.contains("id=\"clocks-save\""));
        assertEquals(403, signedIn("ed").post("/console/clocks", clockForm(signedIn("lead"))).statusCode());
        assertEquals(403, signedIn("amy").get("/console/clocks").statusCode());
    }

    @Test
    void leadsSeeOverdueFollowUpsByAgentAndMarkThemDone() {
        ApiClient amy = server.userWithRole("amy", "agent");
        ApiClient ben = server.userWithRole("ben", "agent");
        String late = post(amy, "9001", Duration.ofMinutes(-1), "答应今天 5 点前回电 " + XSS);
        post(amy, "9002", Duration.ofHours(5), "还没到期");
        String bens = post(ben, "9003", Duration.ofMinutes(-1), "补发单号");
        ConsoleClient lead = signedIn("lead");
        String page = lead.get("/console/followups").body();
        assertTrue(page.contains("data-id=\"" + late + "\"") && page.contains("data-id=\"" + bens + "\""), "both overdue");
        assertFalse(page.contains("还没到期"), "one not due yet is not overdue");
        assertFalse(page.contains("<script>alert(1)"), "notes are escaped");
        assertTrue(page.contains("#9001"));
        String onlyBen = lead.get("/console/followups?agent=ben").body();
        assertTrue(onlyBen.contains(bens) && !onlyBen.contains(late));

        HttpResponse<String> done = lead.post("/console/followups/" + late + "/done",
                Map.of("_csrf", lead.csrf("/console/followups"), "agent", ""));
        assertEquals(303, done.statusCode());
        assertFalse(lead.get("/console/followups").body().contains("data-id=\"" + late + "\""));
        assertEquals("done", amy.get("/api/v1/followups?status=done").json().at("/followups/0/status").asText());
        assertEquals(403, signedIn("amy").get("/console/followups").statusCode(), "agents use the help-desk panel");
    }

    @Test
    void agentsReadPublishedCollectionsMarkThemStudiedAndLeadsSeeWho() {
        var cases = server.app().cases();
        var handled = cases.create(new CaseDraft("差评威胁：先道歉再给方案", "<p>客户：不给退我就差评</p>", "道歉并给两个选择",
                "客户感到被尊重", "撤回差评", List.of(), List.of(), 5, "rt:7"), "lead");
        CaseCollection col = cases.createCollection("差评处理", "第二周", "lead");
        col = cases.setItems(col.id(), List.of(new CollectionItem("case", handled.id(), null)), "lead", col.updatedAt());
        ConsoleClient amy = signedIn("amy");
        assertFalse(amy.get("/console/collections").body().contains(col.id()), "not published yet");
        assertEquals(404, amy.get("/console/collections/" + col.id()).statusCode());

        ConsoleClient lead = signedIn("lead");
        String leadPage = lead.get("/console/collections/" + col.id()).body();
        Matcher basedOn = BASED_ON.matcher(leadPage);
        assertTrue(basedOn.find());
        assertEquals(303, lead.post("/console/collections/" + col.id(), Map.of("_csrf", lead.csrf("/console/collections/" + col.id()),
                "basedOn", basedOn.group(1), "action", "publish")).statusCode());

        String read = amy.get("/console/collections/" + col.id()).body();
        assertTrue(read.contains("客户感到被尊重") && read.contains("id=\"mark-studied-button\""), "agents read the case itself");
        assertFalse(read.contains("name=\"action\" value=\"remove\""), "and cannot change the collection");
        assertEquals(303, amy.post("/console/collections/" + col.id() + "/studied",
                Map.of("_csrf", amy.csrf("/console/collections/" + col.id()), "studied", "true")).statusCode());
        assertTrue(amy.get("/console/collections/" + col.id()).body().contains("id=\"studied-state\""));
        assertTrue(amy.get("/console/collections").body().contains("flag studied"));
        assertFalse(signedIn("ben").get("/console/collections/" + col.id()).body().contains("id=\"studied-state\""), "amy's mark is hers");
        String who = lead.get("/console/collections/" + col.id()).body();
        assertTrue(who.contains("id=\"studies\"") && who.contains("<td>amy"), "the lead sees who studied it");
    }

    @Test
    void theEntryPageListsQuestionsLearnedFromSearchesAndAcceptingOneAddsIt() {
        Map<String, Object> e = Fixtures.entry("console-learn");
        e.put("status", "published");
        JsonNode entry = server.admin().post("/api/v1/entries", e).json();
        ApiClient agent = server.userWithRole("ben", "agent");
        for (String ticket : List.of("301", "302")) {
            agent.post("/api/v1/events", Map.of("type", "search", "query", "件卡住不走了", "source", "typed", "helpdesk", "rt", "ticketId", ticket));
            agent.post("/api/v1/events", Map.of("type", "insert", "entryId", entry.get("id").asText(), "entryVersion",
                    entry.get("version").asLong(), "helpdesk", "rt", "ticketId", ticket));
        }
        ConsoleClient ed = signedIn("ed");
        String page = ed.get("/console/entries/" + entry.get("id").asText()).body();
        assertTrue(page.contains("id=\"suggested-questions\"") && page.contains("件卡住不走了"), "shown on the entry page");
        HttpResponse<String> accepted = ed.post("/console/entries/" + entry.get("id").asText() + "/suggested-questions",
                Map.of("_csrf", ed.csrf("/console/entries/" + entry.get("id").asText()), "action", "accept", "text", "件卡住不走了"));
        assertEquals(303, accepted.statusCode());
        assertTrue(server.admin().get("/api/v1/entries/console-learn").json().get("questions").toString().contains("件卡住不走了"));
        String after = ed.get("/console/entries/" + entry.get("id").asText()).body();
        assertTrue(after.contains("id=\"no-suggested-questions\"") && after.contains("id=\"flash\""));
    }

    private static String post(ApiClient agent, String ticket, Duration dueIn, String note) {
        var r = agent.post("/api/v1/followups", Map.of("ticketId", ticket, "helpdesk", "rt",
                "dueAt", Instant.now().plus(dueIn).toString(), "note", note));
        assertEquals(201, r.status(), r.text());
        return r.json().get("id").asText();
    }
}
