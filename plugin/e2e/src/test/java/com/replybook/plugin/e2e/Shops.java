package com.replybook.plugin.e2e;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two shops in kb-server, Tmall and JD, each with a published entry of its own on a question no sample entry
 * answers (a trade-in subsidy), whose script names the shop: a panel that works in one shop must list that shop's
 * entry and never the other's, and render the shop's own name.
 */
final class Shops {
    static final String TMALL = "tmall";
    static final String TMALL_NAME = "云栖天猫旗舰店";
    static final String JD = "jd";
    static final String JD_NAME = "云栖京东自营店";
    static final String TMALL_ENTRY = "trade-in-subsidy.tmall";
    static final String JD_ENTRY = "trade-in-subsidy.jd";
    /** What the customer writes: found by both shops' entries when no shop narrows the search. */
    static final String QUESTION = "以旧换新的补贴怎么申请，什么时候到账";

    private Shops() {
    }

    /** Creates the shops and their entries (once per kb-server) and waits until search finds both entries. */
    static void setUp(KbServer kb) {
        Set<String> known = new HashSet<>();
        kb.get("/api/v1/shops").path("shops").forEach(s -> known.add(s.path("key").asText()));
        if (!known.contains(TMALL)) {
            shop(kb, TMALL, TMALL_NAME);
            shop(kb, JD, JD_NAME);
            entry(kb, TMALL_ENTRY, TMALL);
            entry(kb, JD_ENTRY, JD);
        }
        Http.await(Duration.ofSeconds(20), "both shops' entries to be searchable", () -> {
            Set<String> keys = new HashSet<>();
            kb.get("/api/v1/search?limit=20&q=" + java.net.URLEncoder.encode(QUESTION, java.nio.charset.StandardCharsets.UTF_8))
                    .path("hits").forEach(h -> keys.add(h.path("key").asText()));
            return keys.containsAll(List.of(TMALL_ENTRY, JD_ENTRY));
        });
    }

    private static void shop(KbServer kb, String key, String name) {
        kb.post("/api/v1/shops", json(Map.of("key", key, "name", name, "locales", List.of("zh-CN"))));
    }

    private static void entry(KbServer kb, String key, String shop) {
        kb.post("/api/v1/entries", json(Map.of(
                "key", key, "locale", "zh-CN", "category", "售后/以旧换新", "status", "published", "shops", List.of(shop),
                "problem", "以旧换新补贴怎么申请", "questions", List.of("以旧换新的补贴怎么申请", "以旧换新补贴什么时候到账"),
                "cause", "顾客不清楚以旧换新补贴的申请流程和到账时间",
                "script", "感谢您选择${shop.name}！以旧换新补贴在旧机质检通过后提交申请，审核通过后 3 个工作日内到账。",
                "actions", List.of("核对旧机质检结果"))));
    }

    private static String json(Object value) {
        try {
            return Http.JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of the hits the panel lists. */
    static Set<String> keys(List<org.openqa.selenium.WebElement> hits) {
        Set<String> keys = new HashSet<>();
        hits.forEach(h -> keys.add(h.getAttribute("data-key")));
        return keys;
    }
}
