package com.replybook.kb.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rendering and save-time script validation over HTTP. */
class RenderApiTest {

    @TempDir
    Path dir;
    TestServer server;
    ApiClient admin;

    @BeforeEach
    void start() {
        server = TestServer.start(dir, false);
        admin = server.admin();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void publish(String key, String script) {
        publish(key, script, Map.of());
    }

    /** Publishes entry {@code key} with {@code script} and {@code versions}, e.g. {@code smsScript → …}. */
    private void publish(String key, String script, Map<String, String> versions) {
        Map<String, Object> e = Fixtures.entry(key);
        e.put("script", script);
        e.putAll(versions);
        e.put("status", "published");
        Response r = admin.post("/api/v1/entries", e);
        assertEquals(201, r.status(), r.text());
    }

    @Test
    void renderFillsTheTicketValuesInTheChosenToneAndChannel() {
        publish("render.zh-cn", "您的订单 ${order.id} 已加急处理。");
        Response r = server.userWithRole("agent.a", "agent").post("/api/v1/entries/render.zh-cn/render", Map.of(
                "tone", "warm", "channel", "chat", "emotion", "angry",
                "context", Map.of("customer", Map.of("name", "王女士"), "order", Map.of("id", "E1024"))));
        assertEquals(200, r.status(), r.text());
        String text = r.json().get("text").asText();
        assertTrue(text.contains("E1024"), text);
        assertTrue(text.contains("王女士"), text);
        assertEquals(0, r.json().get("warnings").size(), r.text());
        assertFalse(text.contains("${"), text);
    }

    @Test
    void missingVariableIsAWarningNamingIt() {
        publish("missing.zh-cn", "您的订单 ${order.id} 已加急处理。");
        JsonNode r = admin.post("/api/v1/entries/missing.zh-cn/render", Map.of("context", Map.of())).json();
        assertTrue(r.get("warnings").toString().contains("missing:order.id"), r.toString());
    }

    @Test
    void unknownToneIsA400NamingTheField() {
        publish("tone.zh-cn", "好的。");
        Response r = admin.post("/api/v1/entries/tone.zh-cn/render", Map.of("tone", "sarcastic"));
        assertEquals(400, r.status());
        assertEquals("tone", r.errorField());
    }

    @Test
    void ticketValuesAreEscapedInHtml() {
        publish("xss.zh-cn", "您好 ${customer.name}，订单已处理。");
        JsonNode r = admin.post("/api/v1/entries/xss.zh-cn/render", Map.of("channel", "email",
                "context", Map.of("customer", Map.of("name", "<script>alert(1)</script>")))).json();
        assertFalse(r.get("html").asText().contains("<script>"), r.get("html").asText());
    }

    /** Editors' text is code: the script and its SMS and review versions are all checked against the sandbox. */
    @ParameterizedTest
    @ValueSource(strings = {"script", "smsScript", "reviewScript"})
    void aDangerousScriptIsRefusedAtSaveTimeNamingItsFieldLineAndColumn(String field) {
        Map<String, Object> e = Fixtures.entry("evil.zh-cn");
        e.put(field, "第一行\n${\"freemarker.template.utility.Execute\"?new()(\"id\")}");
        Response r = admin.post("/api/v1/entries", e);
        assertEquals(422, r.status(), r.text());
        assertEquals(field, r.errorField());
        JsonNode problem = r.json().path("error").path("errors").get(0);
        assertEquals(2, problem.get("line").asInt(), r.text());
        assertTrue(problem.get("column").asInt() >= 1);
        assertEquals(404, admin.get("/api/v1/entries/evil.zh-cn").status());
    }

    @Test
    void syntaxErrorIsRefusedNamingItsLine() {
        Map<String, Object> e = Fixtures.entry("syntax.zh-cn");
        e.put("script", "一\n二\n三 ${order.id");
        Response r = admin.post("/api/v1/entries", e);
        assertEquals(422, r.status(), r.text());
        assertEquals(3, r.json().path("error").path("errors").get(0).get("line").asInt(), r.text());
    }

    @Test
    void agentsCannotRenderDraftsNorPreviewUnsavedScripts() {
        admin.post("/api/v1/entries", Fixtures.entry("draft.zh-cn"));
        ApiClient agent = server.userWithRole("agent.b", "agent");
        assertEquals(404, agent.post("/api/v1/entries/draft.zh-cn/render", Map.of()).status());
        assertEquals(403, agent.post("/api/v1/render", Map.of("script", "好的")).status());
        Response preview = server.userWithRole("editor.b", "editor").post("/api/v1/render",
                Map.of("script", "订单 ${order.id}", "channel", "sms", "context", Map.of("order", Map.of("id", "A1"))));
        assertEquals(200, preview.status(), preview.text());
        assertTrue(preview.json().get("text").asText().contains("A1"));
    }

    @Test
    void anSmsIsRenderedFromTheEntrysShortVersionAndOtherChannelsFromItsScript() {
        publish("short.zh-cn", "订单 ${order.id} 的包裹在中转站滞留，我们已联系加急，并为您登记了优先派送，今天内会给您回电。",
                Map.of("smsScript", "订单 ${order.id} 已加急派送，今天内回电。"));
        assertEquals("订单 ${order.id} 已加急派送，今天内回电。",
                admin.get("/api/v1/entries/short.zh-cn").json().get("smsScript").asText());
        Map<String, Object> context = Map.of("order", Map.of("id", "E1024"));

        JsonNode sms = admin.post("/api/v1/entries/short.zh-cn/render", Map.of("channel", "sms", "context", context)).json();
        assertTrue(sms.get("text").asText().contains("订单 E1024 已加急派送"), sms.toString());
        assertFalse(sms.get("text").asText().contains("中转站"), sms.toString());
        assertEquals(1, sms.get("segments").asInt(), sms.toString());
        JsonNode chat = admin.post("/api/v1/entries/short.zh-cn/render", Map.of("channel", "chat", "context", context)).json();
        assertTrue(chat.get("text").asText().contains("中转站滞留"), chat.toString());

        // An editor previewing unsaved text gets the same choice.
        Response preview = admin.post("/api/v1/render", Map.of("script", "长版本 ${order.id}", "smsScript", "短版本 ${order.id}",
                "channel", "sms", "context", context));
        assertTrue(preview.json().get("text").asText().contains("短版本 E1024"), preview.text());
    }

    @Test
    void anEntryWithoutAShortVersionSendsItsScriptAsSms() {
        publish("no-short.zh-cn", "订单 ${order.id} 已加急。");
        assertEquals("", admin.get("/api/v1/entries/no-short.zh-cn").json().get("smsScript").asText());
        JsonNode sms = admin.post("/api/v1/entries/no-short.zh-cn/render", Map.of("channel", "sms",
                "context", Map.of("order", Map.of("id", "E1024")))).json();
        assertTrue(sms.get("text").asText().contains("订单 E1024 已加急"), sms.toString());
    }

    @Test
    void aReviewReplyFromAnEntryWithoutAReviewVersionSaysSo() {
        publish("no-review.zh-cn", "订单 ${order.id} 已加急。");
        JsonNode review = admin.post("/api/v1/entries/no-review.zh-cn/render", Map.of("channel", "review")).json();
        assertEquals("no-review-version:", review.get("warnings").get(0).asText(), review.toString());
        JsonNode chat = admin.post("/api/v1/entries/no-review.zh-cn/render", Map.of("channel", "chat")).json();
        assertFalse(chat.get("warnings").toString().contains("no-review-version"), chat.toString());
    }

    @Test
    void anSmsVersionLongerThanTenMessagesIsRefused() {
        Map<String, Object> e = Fixtures.entry("long-short.zh-cn");
        e.put("smsScript", "好".repeat(701));
        Response tooLong = admin.post("/api/v1/entries", e);
        assertEquals(422, tooLong.status(), tooLong.text());
        assertEquals("smsScript", tooLong.errorField());
        assertEquals(404, admin.get("/api/v1/entries/long-short.zh-cn").status());
    }

    @Test
    void aReviewReplyIsRenderedFromThePublicVersionWithoutPersonalDetails() {
        publish("public.zh-cn", "订单 ${order.id} 的包裹在中转站滞留，运单 ${tracking.no} 已加急，今天内给您回电。",
                Map.of("reviewScript", "包裹在中转站滞留，我们已联系加急派送，并安排专人跟进到签收。"));
        Map<String, Object> context = Map.of("order", Map.of("id", "E1024"), "tracking", Map.of("no", "SF1234567890"));

        JsonNode review = admin.post("/api/v1/entries/public.zh-cn/render", Map.of("channel", "review", "context", context)).json();
        String text = review.get("text").asText();
        assertTrue(text.contains("我们已联系加急派送，并安排专人跟进到签收"), text);
        assertFalse(text.contains("E1024") || text.contains("SF1234567890") || text.contains("回电"), text);
        assertEquals(0, review.get("warnings").size(), review.toString());
        JsonNode email = admin.post("/api/v1/entries/public.zh-cn/render", Map.of("channel", "email", "context", context)).json();
        assertTrue(email.get("text").asText().contains("运单 SF1234567890 已加急"), email.toString());

        Response bad = admin.post("/api/v1/render", Map.of("script", "好的", "reviewScript", "${order.id",
                "channel", "review"));
        assertEquals(422, bad.status(), bad.text());
        assertEquals("reviewScript", bad.errorField());
    }

    @Test
    void aReplyForABoxThatAlreadyGreetsTheCustomerStartsWithoutItsOwnGreeting() {
        publish("greeted.en", "Your parcel is on its way.");
        ApiClient agent = server.userWithRole("agent.g", "agent");
        Map<String, Object> ticket = Map.of("customer", Map.of("name", "Emma Stone"));
        for (String channel : List.of("chat", "email")) {
            String greeted = agent.post("/api/v1/entries/greeted.en/render", Map.of("tone", "formal", "channel", channel,
                    "locale", "en", "context", ticket)).json().get("text").asText();
            assertTrue(greeted.startsWith("Dear Emma Stone,"), greeted);

            Response bare = agent.post("/api/v1/entries/greeted.en/render", Map.of("tone", "formal", "channel", channel,
                    "locale", "en", "context", ticket, "greeting", false));
            String text = bare.json().get("text").asText();
            String html = bare.json().get("html").asText();
            assertFalse(text.contains("Dear Emma Stone"), text);
            assertTrue(text.contains("Your parcel is on its way."), text);
            assertFalse(html.contains("Dear Emma Stone") || html.startsWith("<p></p>"), html);
        }
        assertEquals("greeting", agent.post("/api/v1/entries/greeted.en/render", Map.of("greeting", "no")).errorField());
    }
}
