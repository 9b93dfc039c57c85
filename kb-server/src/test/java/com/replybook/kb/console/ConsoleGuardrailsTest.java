package com.replybook.kb.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Role;
import com.replybook.kb.auth.User;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.TestServer;
import com.replybook.kb.web.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The guardrails pages: compensation table, wording rules, approvals with their count, and the editor's preview. */
class ConsoleGuardrailsTest {

    @TempDir
    static Path dir;
    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static ConsoleClient signedIn(String name, Role role, String locale) {
        return signedInOn(server, name, role, locale);
    }

    /** A new user of {@code role} who reads the console in {@code locale}, signed in on {@code server}. */
    static ConsoleClient signedInOn(TestServer server, String name, Role role, String locale) {
        User user = server.app().users().createUser(name, name, role, locale);
        server.app().passwords().setPassword(user.id(), ConsoleSecurityTest.PASSWORD);
        ConsoleClient c = new ConsoleClient(server.base());
        assertEquals(303, c.signIn(name, ConsoleSecurityTest.PASSWORD).statusCode());
        return c;
    }

    @Test
    void aLeadSeesTheCompensationTableAndTheWordingRulesInTheirLanguage() {
        ConsoleClient lead = signedIn("lead.gz", Role.LEAD, "zh-CN");
        String policy = lead.get("/console/compensation").body();
        assertTrue(policy.contains("补偿权限 · zh-CN"), policy);
        assertTrue(policy.contains("data-field=\"category\" value=\"物流\""), "the rows are editable inputs");
        assertTrue(policy.contains("哪条规则适用？") && policy.contains("/static/guardrails.js"), policy);
        assertTrue(policy.contains("这是根据售后指南内置的规则"));
        String en = lead.get("/console/compensation?locale=en").body();
        assertTrue(en.contains("value=\"logistics\"") && en.contains("value=\"USD\""), en);

        String wording = lead.get("/console/wording?locale=zh-TW").body();
        assertTrue(wording.contains("話術禁忌") || wording.contains("话术禁忌"), wording);
        assertTrue(wording.contains("宅配"), "zh-TW rules speak Taiwan's words");
        assertTrue(wording.contains("试一段文字"), "a try-a-text box");

        ConsoleClient leadEn = signedIn("lead.ge", Role.LEAD, "en");
        assertTrue(leadEn.get("/console/wording").body().contains("Try a text"));
        assertEquals(403, signedIn("editor.g", Role.EDITOR, "en").get("/console/compensation").statusCode());
    }

    @Test
    void aLeadDecidesAPendingApprovalOnceAndTheNavigationCountsWhatWaits() {
        ApiClient agent = server.userWithRole("agent.gc", "agent");
        String id = agent.post("/api/v1/approvals", Map.of("ticketId", "77", "helpdesk", "zendesk", "locale", "zh-CN",
                "category", "物流/延误", "orderAmount", "80", "offer", "coupon", "amount", "10", "reason", "<b>老客户</b>"))
                .json().get("id").asText();
        agent.post("/api/v1/approvals", Map.of("ticketId", "78", "helpdesk", "rt", "locale", "en", "offer", "gift",
                "amount", "3")); // no order amount, no category, no reason: the page still shows it
        ConsoleClient lead = signedIn("lead.gc", Role.LEAD, "en");
        String page = lead.get("/console/approvals").body();
        assertTrue(page.contains("rt #78"), page);
        assertTrue(page.contains("data-id=\"" + id + "\""), page);
        assertTrue(page.contains("&lt;b&gt;老客户&lt;/b&gt;"), "the reason is escaped");
        int waiting = count(lead);
        assertTrue(waiting >= 2, "the navigation counts both requests: " + waiting);

        String csrf = lead.csrf("/console/approvals");
        HttpResponse<String> approved = lead.post("/console/approvals/" + id,
                Map.of("_csrf", csrf, "decision", "approve", "note", "OK this once"));
        assertEquals(303, approved.statusCode());
        assertTrue(lead.get("/console/approvals").body().contains("Approved. The agent"), "feedback where the lead acted");
        assertEquals(waiting - 1, count(lead));
        JsonNode seen = agent.get("/api/v1/approvals/" + id).json();
        assertEquals("approved", seen.get("status").asText());
        assertEquals("lead.gc", seen.get("decidedBy").asText());

        lead.post("/console/approvals/" + id, Map.of("_csrf", csrf, "decision", "reject"));
        assertTrue(lead.get("/console/approvals").body().contains("Another lead decided this request first."));
        assertEquals("approved", agent.get("/api/v1/approvals/" + id).json().get("status").asText(), "a decision is final");
        assertEquals(403, signedIn("editor.gc", Role.EDITOR, "en").get("/console/approvals").statusCode());
    }

    @Test
    void theEditorsPreviewShowsBlockedWordingAsAProblemAndDiscouragedWordingAsANote() throws Exception {
        ConsoleClient editor = signedIn("editor.gp", Role.EDITOR, "zh-CN");
        String csrf = editor.csrf("/console/entries/new");
        JsonNode blocked = preview(editor, csrf, "您别生气，订单 ${order.id} 已加急。");
        assertEquals("script", blocked.at("/problems/0/field").asText(), blocked.toString());
        assertTrue(blocked.at("/problems/0/reason").asText().startsWith("wording.blocked"), blocked.toString());
        assertTrue(blocked.at("/problems/0/text").asText().startsWith("第 1 行第 1 列：用语规范不允许使用“您别生气”"),
                "the rule's words in the editor's language, at their place: " + blocked);
        JsonNode vague = preview(editor, csrf, "订单 ${order.id} 大概明天到，另送 ¥${coupon.amount} 券。");
        assertEquals(0, vague.get("problems").size(), vague.toString());
        assertTrue(vague.at("/notes/0/text").asText().contains("用语规范建议避免使用“大概”"), vague.toString());
        assertTrue(vague.get("cells").toString().contains("compensation-over-limit:coupon:10:5:CNY"),
                "the sample ticket's ¥10 coupon on an ¥80 order is over the policy: " + vague.get("cells"));
    }

    @Test
    void theEditorsPreviewChecksAndRendersEachToneVersionInItsOwnRow() throws Exception {
        ConsoleClient editor = signedIn("editor.tv", Role.EDITOR, "zh-CN");
        String csrf = editor.csrf("/console/entries/new");
        JsonNode r = preview(editor, csrf, "订单 ${order.id} 已加急。", Map.of("formal", "尊敬的客户，订单 ${order.id} 已优先处理。",
                "lively", "您别生气嘛，订单 ${order.id} 冲鸭！"));
        assertEquals("toneScripts.lively", r.at("/problems/0/field").asText(), r.toString());
        assertTrue(r.at("/problems/0/text").asText().contains("您别生气"), r.toString());
        JsonNode clean = preview(editor, csrf, "订单 ${order.id} 已加急。", Map.of("formal", "尊敬的客户，订单 ${order.id} 已优先处理。"));
        for (JsonNode cell : clean.get("cells")) {
            if (!cell.path("channel").asText().equals("chat")) continue;
            boolean formal = cell.path("tone").asText().equals("formal");
            assertEquals(formal, cell.path("text").asText().contains("订单 E1 已优先处理"), cell.toString());
        }
    }

    private static JsonNode preview(ConsoleClient c, String csrf, String script) throws Exception {
        return preview(c, csrf, script, Map.of());
    }

    private static JsonNode preview(ConsoleClient c, String csrf, String script, Map<String, String> toneScripts)
            throws Exception {
        String body = Json.MAPPER.writeValueAsString(Map.of("script", script, "locale", "zh-CN", "category", "物流/延误",
                "toneScripts", toneScripts,
                "context", Map.of("order", Map.of("id", "E1", "amount", "80"), "coupon", Map.of("amount", "10"))));
        HttpResponse<String> r = c.send(HttpRequest.newBuilder(server.base().resolve("/console/preview"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, r.statusCode(), r.body());
        return Json.MAPPER.readTree(r.body());
    }

    private static int count(ConsoleClient c) {
        try {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"nav-approvals\">[^<]*<span class=\"badge nav-count\" data-count=\"(\\d+)\"")
                    .matcher(c.get("/console/entries").body());
            return m.find() ? Integer.parseInt(m.group(1)) : 0; // no badge when nothing waits
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aConsoleScriptSavesRulesThroughTheApiWithTheSession() throws Exception {
        ConsoleClient lead = signedIn("lead.gs", Role.LEAD, "en");
        String csrf = lead.csrf("/console/wording");
        String body = "{\"rules\":[{\"phrase\":\"calm down\",\"severity\":\"block\",\"suggestion\":\"\",\"reason\":\"\"},"
                + "{\"phrase\":\"x\",\"severity\":\"warn\"}]}";
        HttpResponse<String> bad = lead.send(HttpRequest.newBuilder(server.base().resolve("/api/v1/wording/en"))
                .header("Content-Type", "application/json").header("X-CSRF-Token", csrf).header("If-Match", "\"0\"")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(422, bad.statusCode(), bad.body());
        assertTrue(bad.body().contains("rules[1].phrase"));
        assertFalse(server.admin().get("/api/v1/wording/en").text().contains("\"x\""));
    }
}
