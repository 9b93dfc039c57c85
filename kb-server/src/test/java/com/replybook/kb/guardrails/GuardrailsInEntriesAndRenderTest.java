package com.replybook.kb.guardrails;

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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guardrails where replies are written and rendered: the save-time wording check and the compensation advice. */
class GuardrailsInEntriesAndRenderTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ApiClient editor;
    static ApiClient agent;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        editor = server.userWithRole("editor.g", "editor");
        agent = server.userWithRole("agent.g", "agent");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aBlockingPhraseInTheScriptOrAVersionIsRefusedNamingTheFieldAndThePhrase() {
        Map<String, Object> e = Fixtures.entry("blame.zh-cn");
        e.put("script", "订单 ${order.id} 还没到？\n快递的事我们管不了，您自己联系快递吧。");
        Response r = editor.post("/api/v1/entries", e);
        assertEquals(422, r.status(), r.text());
        assertEquals("script", r.errorField());
        assertTrue(r.json().at("/error/message").asText().contains("快递的事我们管不了"), r.text());
        assertEquals(2, r.json().at("/error/errors/0/line").asInt(), "the line of the phrase in the script");
        assertTrue(r.json().at("/error/errors/0/reason").asText().startsWith("wording.blocked"), "a code the console words");
        assertEquals("快递的事我们管不了", r.json().at("/error/errors/0/args/found").asText(), r.text());

        Map<String, Object> sms = Fixtures.entry("blame-sms.zh-cn");
        sms.put("smsScript", "您別生氣，已加急");
        Response s = editor.post("/api/v1/entries", sms);
        assertEquals(422, s.status(), s.text());
        assertEquals("smsScript", s.errorField());
        assertTrue(s.text().contains("您別生氣"), "traditional text is caught by the simplified rule: " + s.text());

        Map<String, Object> review = Fixtures.entry("blame-review.zh-cn");
        review.put("reviewScript", "这不是我们的责任，请联系物流。");
        assertEquals("reviewScript", editor.post("/api/v1/entries", review).errorField());
    }

    @Test
    void aWarningPhraseIsSavedAndTemplateCodeIsNotText() {
        Map<String, Object> e = Fixtures.entry("vague.zh-cn");
        e.put("script", "您的订单 ${order.id} 大概明天到。<#if coupon??>另送券。</#if>");
        assertEquals(201, editor.post("/api/v1/entries", e).status());
    }

    @Test
    void aRenderOverThePolicySaysSoAndScriptsUseWhatThePolicyGives() {
        Map<String, Object> e = Fixtures.entry("delay-coupon.zh-cn");
        e.put("script", "为您申请了 ¥${coupon.amount} 无门槛券（您可获得的上限为 ¥${compensation.coupon}）。");
        e.put("status", "published");
        String id = server.admin().post("/api/v1/entries", e).json().get("id").asText();

        JsonNode over = agent.post("/api/v1/entries/" + id + "/render", Map.of("context",
                Map.of("order", Map.of("amount", "80.00"), "coupon", Map.of("amount", "10"),
                        "compensation", Map.of("coupon", "999")))).json();
        assertTrue(over.get("warnings").toString().contains("\"compensation-over-limit:coupon:10:5:CNY\""), over.toString());
        assertTrue(over.get("text").asText().contains("上限为 ¥5"), "the policy's amount, not the client's: " + over);

        JsonNode within = agent.post("/api/v1/entries/" + id + "/render", Map.of("context",
                Map.of("order", Map.of("amount", "¥1,299.00"), "coupon", Map.of("amount", "20")))).json();
        assertFalse(within.get("warnings").toString().contains("compensation-over-limit"), within.toString());
        assertTrue(within.get("text").asText().contains("上限为 ¥20"), within.toString());

        JsonNode vip = agent.post("/api/v1/entries/" + id + "/render", Map.of("context",
                Map.of("order", Map.of("amount", "80"), "customer", Map.of("tags", java.util.List.of("VIP")),
                        "coupon", Map.of("amount", "30")))).json();
        assertFalse(vip.get("warnings").toString().contains("compensation-over-limit"), vip.toString());
    }
}
