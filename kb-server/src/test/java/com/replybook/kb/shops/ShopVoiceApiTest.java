package com.replybook.kb.shops;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each shop's voice and per-tone script versions (issue 20): a reply rendered in a shop takes its name, greeting,
 * closing and signature; an entry's tone version replaces its script in that tone; both are checked in the sandbox.
 */
class ShopVoiceApiTest {

    static final Map<String, Object> CONTEXT = Map.of("customer", Map.of("name", "王女士"), "order", Map.of("id", "E1024"));

    @TempDir
    Path dir;

    static String render(ApiClient client, String path, String tone, String channel) {
        Response r = client.post(path, Map.of("tone", tone, "channel", channel, "context", CONTEXT));
        assertEquals(200, r.status(), r.text());
        return r.json().path("text").asText();
    }

    @Test
    void aReplyRenderedInAShopTakesItsNameGreetingClosingAndSignature() {
        try (TestServer server = TestServer.start(dir, false)) {
            ApiClient admin = server.admin();
            Response shop = admin.post("/api/v1/shops", Map.of("key", "tmall", "name", "云栖天猫旗舰店",
                    "signature", "云栖旗舰店客服 · 7×24 在线",
                    "greetings", Map.of("warm", "亲爱的${customer.name}，欢迎回到云栖～"),
                    "closings", Map.of("warm", "云栖天猫旗舰店祝您生活愉快，有事随时找我们。")));
            assertEquals(201, shop.status(), shop.text());
            Map<String, Object> e = Fixtures.entry("voice.zh-cn");
            e.put("status", "published");
            e.put("script", "${shop.name}已为您的订单 ${order.id} 加急处理。");
            assertEquals(201, admin.post("/api/v1/entries", e).status());
            ApiClient agent = server.userWithRole("agent.wang", "agent");

            String chat = render(agent, "/api/v1/entries/voice.zh-cn/render?shop=tmall", "warm", "chat");
            assertTrue(chat.contains("亲爱的王女士，欢迎回到云栖～"), chat);
            assertTrue(chat.contains("云栖天猫旗舰店已为您的订单 E1024 加急处理。"), chat);
            assertTrue(chat.contains("云栖天猫旗舰店祝您生活愉快"), chat);
            String email = render(agent, "/api/v1/entries/voice.zh-cn/render?shop=tmall", "warm", "email");
            assertTrue(email.contains("云栖旗舰店客服 · 7×24 在线"), email);

            String formal = render(agent, "/api/v1/entries/voice.zh-cn/render?shop=tmall", "formal", "chat");
            assertFalse(formal.contains("欢迎回到云栖"), "a tone the shop has no greeting for keeps the layout's: " + formal);
            String noShop = render(agent, "/api/v1/entries/voice.zh-cn/render", "warm", "chat");
            assertFalse(noShop.contains("欢迎回到云栖"), noShop);
        }
    }

    @Test
    void aShopsVoiceIsCheckedInTheSandboxBeforeItIsSaved() {
        try (TestServer server = TestServer.start(dir, false)) {
            Response bad = server.admin().post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店",
                    "greetings", Map.of("warm", "亲爱的${customer.name"),
                    "closings", Map.of("lively", "<#list 1..999999999 as i>${i}</#list>"),
                    "layouts", Map.of("channel/chat.zh-CN.ftl", "<#assign x = body + body>${x}",
                            "channel/sms.en.ftl", "${body} ${orderNumber}",
                            "tone/warm.zh-CN.ftl", "<#assign greeting = \"hi\">")));
            assertEquals(422, bad.status(), bad.text());
            for (String field : List.of("\"greetings.warm\"", "\"closings.lively\"", "\"layouts.channel/chat.zh-CN.ftl\"",
                    "\"layouts.channel/sms.en.ftl\"", "\"layouts.tone/warm.zh-CN.ftl\"")) {
                assertTrue(bad.text().contains(field), field + " in " + bad.text());
            }
            assertTrue(bad.text().contains("orderNumber"), "a trial reply finds the unknown value: " + bad.text());
            assertEquals(404, server.admin().get("/api/v1/shops/jd").status(), "nothing was stored");
        }
    }

    @Test
    void aShopsOwnChannelLayoutsArrangeItsRepliesAndOtherShopsKeepTheBuiltInOnes() {
        try (TestServer server = TestServer.start(dir, false)) {
            ApiClient admin = server.admin();
            Response shop = admin.post("/api/v1/shops", Map.of("key", "tmall", "name", "云栖天猫旗舰店",
                    "layouts", Map.of("channel/chat.zh-CN.ftl", "【${shopName}】${tone.greeting}\n\n${body}\n\n—— ${agentName!\"云栖客服\"}",
                            "channel/email.zh-CN.ftlh", "<p>${tone.greeting}</p>${bodyHtml}<p>${shopName}</p>")));
            assertEquals(201, shop.status(), shop.text());
            assertEquals(201, admin.post("/api/v1/shops", Map.of("key", "jd", "name", "云栖京东自营店")).status());
            Map<String, Object> e = Fixtures.entry("layout.zh-cn");
            e.put("status", "published");
            assertEquals(201, admin.post("/api/v1/entries", e).status());
            ApiClient agent = server.userWithRole("agent.li", "agent");

            String chat = render(agent, "/api/v1/entries/layout.zh-cn/render?shop=tmall", "standard", "chat");
            assertTrue(chat.startsWith("【云栖天猫旗舰店】"), chat);
            assertTrue(chat.contains("您的订单 E1024 我们已经加急处理。") && chat.contains("—— 云栖客服"), chat);
            Response email = agent.post("/api/v1/entries/layout.zh-cn/render?shop=tmall", Map.of("tone", "standard",
                    "channel", "email", "context", CONTEXT));
            assertTrue(email.json().path("html").asText().matches("<p>王女士，您好！</p><p>[^<]*E1024[^<]*</p><p>云栖天猫旗舰店</p>"),
                    email.text());
            assertFalse(email.json().path("subject").asText().isBlank(), "the subject stays the built-in layout's");
            String jd = render(agent, "/api/v1/entries/layout.zh-cn/render?shop=jd", "standard", "chat");
            assertFalse(jd.contains("【"), "another shop keeps the built-in layout: " + jd);
        }
    }

    @Test
    void anEntrysToneVersionReplacesItsScriptInThatToneOnly() {
        try (TestServer server = TestServer.start(dir, false)) {
            Map<String, Object> e = Fixtures.entry("tones.zh-cn");
            e.put("status", "published");
            e.put("toneScripts", Map.of("formal", "尊敬的客户，贵司订单 ${order.id} 已安排优先处理。",
                    "lively", "亲～订单 ${order.id} 已经坐上火箭啦！"));
            e.put("smsScript", "订单${order.id}已加急");
            Response created = server.admin().post("/api/v1/entries", e);
            assertEquals(201, created.status(), created.text());
            assertEquals("尊敬的客户，贵司订单 ${order.id} 已安排优先处理。",
                    created.json().path("toneScripts").path("formal").asText());
            ApiClient agent = server.userWithRole("agent.wang", "agent");

            assertTrue(render(agent, "/api/v1/entries/tones.zh-cn/render", "formal", "chat")
                    .contains("贵司订单 E1024 已安排优先处理"));
            assertTrue(render(agent, "/api/v1/entries/tones.zh-cn/render", "lively", "email")
                    .contains("订单 E1024 已经坐上火箭啦"));
            String warm = render(agent, "/api/v1/entries/tones.zh-cn/render", "warm", "chat");
            assertTrue(warm.contains("您的订单 E1024 我们已经加急处理。"), "other tones keep the script: " + warm);
            assertTrue(render(agent, "/api/v1/entries/tones.zh-cn/render", "formal", "sms").contains("订单E1024已加急"),
                    "the SMS version wins over the tone's: SMS limits matter more than the voice");
        }
    }

    @Test
    void badToneVersionsAreRefusedNamingTheirTone() {
        try (TestServer server = TestServer.start(dir, false)) {
            Map<String, Object> e = Fixtures.entry("bad-tones.zh-cn");
            e.put("toneScripts", Map.of("formal", "尊敬的客户，订单 ${order.id", "grumpy", "哼"));
            Response r = server.admin().post("/api/v1/entries", e);
            assertEquals(422, r.status(), r.text());
            assertTrue(r.text().contains("\"toneScripts.formal\"") && r.text().contains("\"toneScripts.grumpy\""), r.text());
            e.put("toneScripts", Map.of("lively", "您别生气嘛，订单 ${order.id} 冲鸭！"));
            Response wording = server.admin().post("/api/v1/entries", e);
            assertEquals(422, wording.status(), "a tone version is wording-checked like the script: " + wording.text());
            assertTrue(wording.text().contains("\"toneScripts.lively\"") && wording.text().contains("您别生气"), wording.text());

            Response preview = server.admin().post("/api/v1/render", Map.of("script", "您好", "tone", "formal",
                    "toneScripts", Map.of("formal", "尊敬的${customer.name}：您好"), "context", CONTEXT));
            assertEquals(200, preview.status(), preview.text());
            assertTrue(preview.json().path("text").asText().contains("尊敬的王女士：您好"), preview.text());
        }
    }
}
