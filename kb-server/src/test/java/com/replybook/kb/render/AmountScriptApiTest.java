package com.replybook.kb.render;

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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scripts that compare amounts ({@code ?number}) save, with or without a review version, and render by the amount. */
class AmountScriptApiTest {

    static final String TIERED = "<#if order.amount?number gt 100>已为您升级为优先补发，并赠送 ${coupon.amount} 元无门槛券。"
            + "<#else>已为您补发，并赠送一张小额优惠券。</#if>";
    @TempDir
    static Path dir;
    static TestServer server;
    static ApiClient agent;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        agent = server.userWithRole("agent.amounts", "agent");
        Map<String, Object> e = Fixtures.entry("tiered-compensation.zh-cn");
        e.put("script", TIERED);
        e.put("reviewScript", "<#if order.amount?number gt 100>已为您优先处理。<#else>已为您处理。</#if>");
        e.put("status", "published");
        Response created = server.userWithRole("lead.amounts", "lead").post("/api/v1/entries", e);
        assertEquals(201, created.status(), "a comparison of amounts saves, review version and all: " + created.text());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode render(String channel, Map<String, Object> order) {
        Response r = agent.post("/api/v1/entries/tiered-compensation.zh-cn/render", Map.of("tone", "standard",
                "channel", channel, "context", Map.of("order", order, "coupon", Map.of("amount", "20"))));
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    @Test
    void theReplyFollowsTheOrdersAmountAsTheHelpDeskWritesIt() {
        for (String big : List.of("250.00", "¥1,299", "1,299.50 元", "RMB 101")) {
            String text = render("chat", Map.of("amount", big)).path("text").asText();
            assertTrue(text.contains("已为您升级为优先补发，并赠送 20 元无门槛券。"), big + ": " + text);
        }
        String small = render("chat", Map.of("amount", "59.9")).path("text").asText();
        assertTrue(small.contains("已为您补发，并赠送一张小额优惠券。"), small);
    }

    @Test
    void aMissingAmountRendersTheSmallerTierAndAsksTheAgentForIt() {
        JsonNode reply = render("chat", Map.of("id", "E1024"));
        assertTrue(reply.path("text").asText().contains("已为您补发"), reply.toString());
        assertTrue(reply.path("warnings").toString().contains("missing:order.amount"), reply.toString());
    }

    @Test
    void aPublicReviewReplyComparesWithoutShowingTheAmount() {
        JsonNode reply = render("review", Map.of("amount", "250.00"));
        assertFalse(reply.path("text").asText().contains("250"), reply.toString());
        assertTrue(reply.path("text").asText().contains("已为您"), reply.toString());
    }

    @Test
    void aComparisonWrittenWrongSaysHowToWriteIt() {
        Map<String, String> expected = Map.of(
                "<#if order.amount gt 100>大额</#if>", "script.compareTypes",
                "<#if order.amount?number > 100>大额</#if>", "script.notACondition",
                "<#if order.amount?number gt 100>大额</#if", "script.malformedTag");
        expected.forEach((script, reason) -> {
            Map<String, Object> e = Fixtures.entry("wrong-" + Math.abs(script.hashCode()));
            e.put("script", script);
            Response r = server.admin().post("/api/v1/entries", e);
            assertEquals(422, r.status(), r.text());
            assertEquals(reason, r.json().path("error").path("errors").path(0).path("reason").asText(), script + ": " + r.text());
        });
    }
}
