package com.replybook.kb.guardrails.compensation;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.guardrails.Defaults;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.ApiClient.Response;
import com.replybook.kb.testing.TestServer;
import com.replybook.kb.vocabulary.SupportedLocale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code /api/v1/compensation} over HTTP: the default policies, who may change them, validation, and matching. */
class CompensationApiTest {

    @TempDir
    static Path dir;
    static TestServer server;
    static ApiClient agent;
    static ApiClient editor;
    static ApiClient lead;

    @BeforeAll
    static void start() {
        server = TestServer.start(dir, false);
        agent = server.userWithRole("agent.c", "agent");
        editor = server.userWithRole("editor.c", "editor");
        lead = server.userWithRole("lead.c", "lead");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Map<String, Object> rule(String category, String min, String max, List<String> tags, String offer, String amount) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("category", category);
        r.put("orderMin", min);
        if (max != null) r.put("orderMax", max);
        r.put("customerTags", tags);
        r.put("offer", offer);
        r.put("maxAmount", amount);
        return r;
    }

    static Map<String, Object> check(String locale, String category, String order, List<String> tags, String offer, String amount) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("locale", locale);
        b.put("category", category);
        b.put("orderAmount", order);
        b.put("customerTags", tags);
        b.put("offer", offer);
        b.put("amount", amount);
        return b;
    }

    @Test
    void everyLocaleStartsWithThePolicyOfTheGuidesAndAnyRoleReadsIt() {
        JsonNode cn = agent.get("/api/v1/compensation/policy/zh-CN").json();
        assertEquals("CNY", cn.get("currency").asText());
        assertTrue(agent.get("/api/v1/compensation/policy/en").json().get("defaults").asBoolean(), "nobody changed en");
        assertTrue(cn.get("rules").toString().contains("{\"category\":\"物流\",\"orderMin\":\"0\",\"orderMax\":\"100\","
                + "\"customerTags\":[],\"offer\":\"coupon\",\"maxAmount\":\"5\"}"), cn.toString());
        assertEquals("TWD", agent.get("/api/v1/compensation/policy/zh-TW").json().get("currency").asText());
        assertEquals("USD", agent.get("/api/v1/compensation/policy/en").json().get("currency").asText());
        assertEquals(404, agent.get("/api/v1/compensation/policy/fr").status());
        assertEquals(401, server.client(null).get("/api/v1/compensation/policy/zh-CN").status());
    }

    @ParameterizedTest(name = "{1} order {2} tags [{3}] {4} {5} → allowed {6}, max {7}")
    @CsvSource(delimiter = '|', textBlock = """
            zh-CN | 物流/延误     | 80     |     | coupon   | 10  | false | 5
            zh-CN | 物流/延误     | 80     |     | coupon   | 5   | true  | 5
            zh-CN | 物流/延误     | 100    |     | coupon   | 10  | true  | 10
            zh-CN | 物流/延误     | 499.99 |     | coupon   | 20  | false | 10
            zh-CN | 物流/丢件     | 5000   |     | coupon   | 20  | true  | 20
            zh-CN | 物流/延误     | 80     | vip | coupon   | 30  | true  | 30
            zh-CN | 质量/到货故障 | 80     |     | refund   | 16  | true  | 16
            zh-CN | 质量/到货故障 | 80     |     | refund   | 17  | false | 16
            zh-CN | 质量/到货故障 | 5000   |     | refund   | 600 | false | 500
            zh-CN | 发货/错发     | 150    |     | shipping | 30  | true  | 30
            zh-CN | 订单/发票     | 150    |     | coupon   | 5   | true  | 5
            zh-CN | 订单/发票     | 150    |     | gift     | 1   | false | 0
            zh-TW | 物流/延遲     | 800    |     | coupon   | 50  | true  | 50
            zh-TW | 物流/延误     | 800    |     | coupon   | 60  | false | 50
            en    | logistics/delay | 15   |     | coupon   | 5   | true  | 5
            en    | LOGISTICS/Delay | 150  |     | coupon   | 25  | false | 20
            """)
    void theMostSpecificRuleDecides(String locale, String category, String order, String tag, String offer, String amount,
                                    boolean allowed, String max) {
        Response r = agent.post("/api/v1/compensation/check",
                check(locale, category, order, tag == null ? List.of() : List.of(tag), offer, amount));
        assertEquals(200, r.status(), r.text());
        assertEquals(allowed, r.json().get("allowed").asBoolean(), r.text());
        assertEquals(!allowed, r.json().get("needsApproval").asBoolean(), r.text());
        assertEquals(max, r.json().get("maxAmount").asText(), r.text());
    }

    @Test
    void onlyLeadsReplaceAPolicyAndTheNewRulesApplyAtOnce() {
        List<Map<String, Object>> rules = List.of(rule("售后", "0", null, List.of(), "coupon", "8"),
                rule("售后/维修", "0", "300", List.of("黑金"), "gift", "40.5"));
        Map<String, Object> policy = Map.of("currency", "CNY", "rules", rules);
        assertEquals(403, agent.put("/api/v1/compensation/policy/zh-CN", policy, null).status());
        assertEquals(403, editor.put("/api/v1/compensation/policy/zh-CN", policy, null).status());
        try {
            Response saved = lead.put("/api/v1/compensation/policy/zh-CN", policy, null);
            assertEquals(200, saved.status(), saved.text());
            assertEquals("lead.c", saved.json().get("updatedBy").asText());
            assertFalse(saved.json().get("defaults").asBoolean());
            assertEquals("40.50", saved.json().at("/rules/1/maxAmount").asText());
            assertTrue(saved.json().at("/rules/0/orderMax").isMissingNode(), "an open range has no orderMax");

            JsonNode gift = agent.post("/api/v1/compensation/check", check("zh-CN", "售后/维修/上门", "100", List.of("黑金", "vip"),
                    "gift", "40")).json();
            assertTrue(gift.get("allowed").asBoolean(), gift.toString());
            assertEquals("售后/维修", gift.at("/rule/category").asText());
            JsonNode old = agent.post("/api/v1/compensation/check", check("zh-CN", "物流/延误", "80", List.of(), "coupon", "5")).json();
            assertEquals("0", old.get("maxAmount").asText(), "the defaults no longer apply: " + old);

            String version = saved.etag();
            assertEquals(409, lead.put("/api/v1/compensation/policy/zh-CN", policy, "\"0\"").status(), "a stale If-Match");
            assertEquals(200, lead.put("/api/v1/compensation/policy/zh-CN", policy, version).status());
        } finally {
            restoreDefaults();
        }
    }

    @Test
    void badRowsAreNamedByRowAndFieldAndNothingIsHalfSaved() {
        String before = agent.get("/api/v1/compensation/policy/zh-TW").json().get("rules").toString();
        List<Map<String, Object>> rules = new ArrayList<>();
        rules.add(rule("物流", "0", "100", List.of(), "coupon", "5"));
        rules.add(rule("物流", "50", "200", List.of(), "coupon", "8"));      // overlaps row 1
        rules.add(rule("物流", "0", "100", List.of(), "coupon", "9"));       // contradicts row 1
        rules.add(rule("品質", "0", null, List.of(), "coupon", "-3"));       // negative
        rules.add(rule("品質", "0", null, List.of(), "refund", "ten"));      // not a number
        rules.add(rule("品質", "0", null, List.of(), "voucher", "10"));      // unknown offer
        rules.add(rule("品質", "300", "100", List.of(), "gift", "10"));      // a range that ends before it starts
        rules.add(rule("物流", "0", "100", List.of("vip"), "coupon", "30")); // other tags: no overlap
        Response bad = lead.put("/api/v1/compensation/policy/zh-TW", Map.of("currency", "TWD", "rules", rules), null);
        assertEquals(422, bad.status(), bad.text());
        List<String> fields = new ArrayList<>();
        bad.json().at("/error/errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("rules[1].orderMin", "rules[2].orderMin", "rules[3].maxAmount", "rules[4].maxAmount",
                "rules[5].offer", "rules[6].orderMax"), fields, bad.text());
        assertTrue(bad.text().contains("Row 3: this rule contradicts row 1"), bad.text());
        assertEquals(before, agent.get("/api/v1/compensation/policy/zh-TW").json().get("rules").toString());

        assertEquals("currency", lead.put("/api/v1/compensation/policy/zh-TW",
                Map.of("currency", "XYZ", "rules", List.of()), null).errorField());
        Response fr = lead.put("/api/v1/compensation/policy/fr", Map.of("currency", "EUR", "rules", List.of()), null);
        assertEquals(422, fr.status());
        assertEquals("locale", fr.errorField());
        Response noRules = lead.put("/api/v1/compensation/policy/zh-TW", Map.of("currency", "TWD"), null);
        assertEquals(400, noRules.status());
        assertEquals("rules", noRules.errorField());
    }

    @Test
    void aCheckNamesEveryBadField() {
        Response r = agent.post("/api/v1/compensation/check", check("fr", "物流", "abc", List.of(), "voucher", "-1"));
        assertEquals(422, r.status());
        List<String> fields = new ArrayList<>();
        r.json().at("/error/errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("locale", "orderAmount", "offer", "amount"), fields, r.text());
    }

    /** Puts zh-CN's built-in policy back, for the matching table. */
    private static void restoreDefaults() {
        JsonNode builtIn = Defaults.read("compensation", SupportedLocale.ZH_CN);
        assertEquals(200, lead.put("/api/v1/compensation/policy/zh-CN", builtIn, null).status());
    }
}
