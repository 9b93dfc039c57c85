package com.replybook.kb.guardrails;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestDatabases.DbTarget;
import com.replybook.kb.testing.TestServer;
import com.replybook.kb.web.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each shop's wording rules and compensation policy (issue 20, item 4) over HTTP: a shop without its own uses its
 * locale's; its own apply to its checks, entries, replies and approvals only; who may change which.
 */
class ShopGuardrailsApiTest {

    /** A shop key longer than a locale tag, so that the keys of its own rules are longer than 35 characters. */
    static final String TMALL = "tmall-flagship-store-of-the-yunqi-brand";
    static final String JD = "jd";
    static final String PHRASE = "亲亲这边";

    @TempDir
    Path dir;

    static void shops(TestServer server) {
        assertEquals(201, server.admin().post("/api/v1/shops", Map.of("key", TMALL, "name", "云栖天猫旗舰店")).status());
        assertEquals(201, server.admin().post("/api/v1/shops", Map.of("key", JD, "name", "云栖京东自营店")).status());
    }

    /** The locale's zh-CN rules with one more blocking phrase, as a PUT body. */
    static Map<String, Object> rulesWithBlocked(ApiClient client, String phrase) {
        List<Object> rules = new ArrayList<>(Json.MAPPER.convertValue(
                client.get("/api/v1/wording/zh-CN").json().get("rules"), List.class));
        rules.add(Map.of("phrase", phrase, "severity", "block", "suggestion", "您好", "reason", "品牌语气"));
        return Map.of("rules", rules);
    }

    static Response check(ApiClient client, String text, String shop) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("locale", "zh-CN", "text", text));
        if (shop != null) body.put("shop", shop);
        return client.post("/api/v1/wording/check", body);
    }

    @ParameterizedTest
    @MethodSource("com.replybook.kb.testing.TestDatabases#all")
    void aShopUsesItsLocalesWordingRulesUntilItKeepsItsOwnWhichApplyToItAlone(DbTarget db) {
        try (TestServer server = TestServer.start(dir, db, false)) {
            shops(server);
            ApiClient lead = server.userWithRole("lead.w", "lead");
            String text = PHRASE + "帮您查一下";

            JsonNode inherited = lead.get("/api/v1/wording/zh-CN?shop=" + TMALL).json();
            assertTrue(inherited.get("inherited").asBoolean(), inherited.toString());
            assertEquals(TMALL, inherited.get("shop").asText());
            assertEquals(lead.get("/api/v1/wording/zh-CN").json().get("rules"), inherited.get("rules"));

            Response saved = lead.put("/api/v1/wording/zh-CN?shop=" + TMALL, rulesWithBlocked(lead, PHRASE), "\"0\"");
            assertEquals(200, saved.status(), saved.text());
            assertFalse(saved.json().get("inherited").asBoolean());
            assertEquals(1, saved.json().get("version").asLong());

            assertTrue(check(lead, text, TMALL).json().get("blocked").asBoolean(), "the shop's own rules block it");
            assertFalse(check(lead, text, JD).json().get("blocked").asBoolean(), "another shop keeps the locale's");
            assertFalse(check(lead, text, null).json().get("blocked").asBoolean(), "the locale's rules are unchanged");

            Response removed = lead.delete("/api/v1/wording/zh-CN?shop=" + TMALL, "\"1\"");
            assertEquals(200, removed.status(), removed.text());
            assertTrue(removed.json().get("inherited").asBoolean());
            assertFalse(check(lead, text, TMALL).json().get("blocked").asBoolean(), "back to the locale's rules");
            assertEquals(404, lead.delete("/api/v1/wording/zh-CN?shop=" + TMALL, null).status(), "nothing left to remove");
        }
    }

    @Test
    void anEntryMustPassTheWordingRulesOfEveryShopItReaches() {
        try (TestServer server = TestServer.start(dir, false)) {
            shops(server);
            ApiClient lead = server.userWithRole("lead.e", "lead");
            assertEquals(200, lead.put("/api/v1/wording/zh-CN?shop=" + TMALL, rulesWithBlocked(lead, PHRASE), null).status());

            Response forTmall = lead.post("/api/v1/entries", entry("w-tmall.zh-cn", List.of(TMALL)));
            assertEquals(422, forTmall.status(), forTmall.text());
            assertTrue(forTmall.text().contains("\"script\"") && forTmall.text().contains(PHRASE), forTmall.text());
            Response everyShop = lead.post("/api/v1/entries", entry("w-all.zh-cn", List.of()));
            assertEquals(422, everyShop.status(), "an entry of every shop reaches tmall's customers too");
            assertEquals(201, lead.post("/api/v1/entries", entry("w-jd.zh-cn", List.of(JD))).status());
        }
    }

    @Test
    void aShopsOwnCompensationPolicyDecidesItsChecksRepliesAndApprovals() {
        try (TestServer server = TestServer.start(dir, false)) {
            shops(server);
            ApiClient lead = server.userWithRole("lead.c", "lead");
            ApiClient agent = server.userWithRole("agent.c", "agent");
            Map<String, Object> policy = Map.of("currency", "CNY", "rules", List.of(Map.of("category", "物流",
                    "orderMin", "0", "customerTags", List.of(), "offer", "coupon", "maxAmount", "20")));
            Response saved = lead.put("/api/v1/compensation/policy/zh-CN?shop=" + TMALL, policy, null);
            assertEquals(200, saved.status(), saved.text());
            assertTrue(lead.get("/api/v1/compensation/policy/zh-CN?shop=" + JD).json().get("inherited").asBoolean());

            assertTrue(couponCheck(agent, TMALL).json().get("allowed").asBoolean(), "tmall gives up to ¥20");
            assertFalse(couponCheck(agent, JD).json().get("allowed").asBoolean(), "jd keeps the locale's ¥5");
            assertFalse(couponCheck(agent, null).json().get("allowed").asBoolean());

            Map<String, Object> e = Fixtures.entry("c-coupon.zh-cn");
            e.put("status", "published");
            e.put("script", "送您一张 ${compensation.coupon} 元优惠券。");
            assertEquals(201, lead.post("/api/v1/entries", e).status());
            Map<String, Object> ticket = Map.of("tone", "standard", "channel", "chat",
                    "context", Map.of("order", Map.of("amount", "50")));
            String inTmall = agent.post("/api/v1/entries/c-coupon.zh-cn/render?shop=" + TMALL, ticket).json().get("text").asText();
            String inJd = agent.post("/api/v1/entries/c-coupon.zh-cn/render?shop=" + JD, ticket).json().get("text").asText();
            assertTrue(inTmall.contains("20 元优惠券"), inTmall);
            assertTrue(inJd.contains("5 元优惠券"), inJd);

            Response asked = agent.post("/api/v1/approvals", approval(TMALL, "30"));
            assertEquals(201, asked.status(), asked.text());
            assertEquals("20", asked.json().get("policyMax").asText(), "what tmall's policy allows");
            assertEquals(TMALL, asked.json().get("shop").asText());
        }
    }

    @Test
    void aLeadOfOneShopSeesAndDecidesTheirShopsApprovalsOnly() {
        try (TestServer server = TestServer.start(dir, false)) {
            shops(server);
            ApiClient agent = server.userWithRole("agent.a", "agent");
            String tmallId = agent.post("/api/v1/approvals", approval(TMALL, "30")).json().get("id").asText();
            String noShopId = agent.post("/api/v1/approvals", approval(null, "30")).json().get("id").asText();
            ApiClient jdLead = server.userInShops("lead.jd", "lead", JD);
            ApiClient tmallLead = server.userInShops("lead.tmall", "lead", TMALL);

            JsonNode jdList = jdLead.get("/api/v1/approvals").json();
            assertEquals(0, jdList.get("approvals").size(), jdList.toString());
            assertEquals(0, jdList.get("pending").asInt());
            assertEquals(404, jdLead.get("/api/v1/approvals/" + tmallId).status());
            assertEquals(404, jdLead.post("/api/v1/approvals/" + tmallId + "/decision", Map.of("approved", true)).status());
            assertEquals(404, tmallLead.get("/api/v1/approvals/" + noShopId).status(), "an approval of no shop is "
                    + "for the leads of every shop");

            assertEquals(1, tmallLead.get("/api/v1/approvals").json().get("approvals").size());
            Response decided = tmallLead.post("/api/v1/approvals/" + tmallId + "/decision", Map.of("approved", true));
            assertEquals(200, decided.status(), decided.text());
            assertEquals(2, server.admin().get("/api/v1/approvals").json().get("approvals").size(),
                    "a lead of every shop sees them all");
        }
    }

    @Test
    void aLeadOfSomeShopsChangesOnlyTheirShopsOwnRulesAndPolicy() {
        try (TestServer server = TestServer.start(dir, false)) {
            shops(server);
            ApiClient tmallLead = server.userInShops("lead.t", "lead", TMALL);
            Map<String, Object> rules = rulesWithBlocked(tmallLead, PHRASE);

            Response shared = tmallLead.put("/api/v1/wording/zh-CN", rules, null);
            assertEquals(403, shared.status(), "the locale's rules are every shop's: " + shared.text());
            assertEquals("shop", shared.errorField());
            Response other = tmallLead.put("/api/v1/wording/zh-CN?shop=" + JD, rules, null);
            assertEquals(403, other.status(), other.text());
            assertEquals("shop", other.errorField());
            assertEquals(200, tmallLead.put("/api/v1/wording/zh-CN?shop=" + TMALL, rules, null).status());
            assertEquals(403, tmallLead.get("/api/v1/compensation/policy/zh-CN?shop=" + JD).status());

            Response unknown = tmallLead.get("/api/v1/wording/zh-CN?shop=nowhere");
            assertEquals(400, unknown.status(), unknown.text());
            assertEquals("shop", unknown.errorField());
            Response noShop = server.admin().delete("/api/v1/compensation/policy/zh-CN", null);
            assertEquals(400, noShop.status(), "the locale's policy is replaced, never removed: " + noShop.text());
            assertEquals("shop", noShop.errorField());
        }
    }

    private static Map<String, Object> entry(String key, List<String> shops) {
        Map<String, Object> e = Fixtures.entry(key);
        e.put("shops", shops);
        e.put("script", PHRASE + "帮您催一下快递 ${order.id}。");
        return e;
    }

    private static Response couponCheck(ApiClient client, String shop) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("locale", "zh-CN", "category", "物流/延误",
                "orderAmount", "50", "offer", "coupon", "amount", "15"));
        if (shop != null) body.put("shop", shop);
        Response r = client.post("/api/v1/compensation/check", body);
        assertEquals(200, r.status(), r.text());
        return r;
    }

    private static Map<String, Object> approval(String shop, String amount) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("ticketId", "1024", "helpdesk", "rt", "locale", "zh-CN",
                "category", "物流/延误", "orderAmount", "50", "offer", "coupon", "amount", amount, "reason", "顾客等了五天"));
        if (shop != null) body.put("shop", shop);
        return body;
    }
}
