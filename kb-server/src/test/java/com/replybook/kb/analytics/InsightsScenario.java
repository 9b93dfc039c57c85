package com.replybook.kb.analytics;

import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.SettableClock;
import com.replybook.kb.testing.TestServer;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A week of a small shop's after-sales, recorded through the real API on fixed days so every count, share and
 * daily series of the insights is known. "Now" is {@link #NOW}; a 7-day period runs 2026-12-04 … 2026-12-10.
 * <ul>
 *   <li>entries (zh-CN, published): {@code delay} 物流/延误, {@code defect} 质量/到货故障, {@code invoice} 订单/发票</li>
 *   <li>12-01 (outside 7 days): ann inserts delay (rt:0)</li>
 *   <li>12-04: ann inserts delay into rt:1 for 降噪耳机 X2 after typing a search there; rt:1 resolved an hour later</li>
 *   <li>12-05: bob inserts defect into rt:2 (a ¥10 coupon, approval ap-1) and rt:3 (a ¥25.50 refund), both X2</li>
 *   <li>12-06: rt:2 reopened; rt:3 satisfied</li>
 *   <li>12-07 15:00: bob inserts defect into rt:4, rt:5, rt:6 (X2); rt:4 dissatisfied</li>
 *   <li>12-08: rt:7 reopened (before anything was inserted there: it counts for nobody)</li>
 *   <li>12-09: ann inserts delay into rt:7 (保温杯) and invoice into rt:8 (no product)</li>
 *   <li>approvals: ap-1 asked and granted, ap-2 asked and denied</li>
 * </ul>
 * So in 7 days: 8 inserts; 质量/到货故障 5 (0.625, daily [0,2,0,3,0,0,0]), 物流/延误 2 (0.25) with the one search,
 * 订单/发票 1 (0.125); 降噪耳机 X2 6 (0.75, daily [1,2,0,3,0,0,0]), 保温杯 1. The default dispute rule fires for X2
 * (5 quality inserts within 7 days).
 */
final class InsightsScenario {

    static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");
    static final String X2 = "降噪耳机 X2";
    static final String CUP = "保温杯";

    final Map<String, String> ids = new HashMap<>();
    private final SettableClock clock;
    private final ApiClient ann;
    private final ApiClient bob;

    private InsightsScenario(TestServer server, SettableClock clock) {
        this.clock = clock;
        this.ann = server.userWithRole("ann", "agent");
        this.bob = server.userWithRole("bob", "agent");
        clock.set(Instant.parse("2026-11-30T08:00:00Z"));
        entry(server, "delay", "物流/延误", "包裹三天没有更新物流");
        entry(server, "defect", "质量/到货故障", "耳机到货降噪失效");
        entry(server, "invoice", "订单/发票", "发票抬头想改成公司");
    }

    /** Records the week on {@code server}, whose clock is {@code clock}; leaves the clock at {@link #NOW}. */
    static InsightsScenario record(TestServer server, SettableClock clock) {
        InsightsScenario s = new InsightsScenario(server, clock);
        s.at("2026-12-01T10:00:00Z").insert(s.ann, "delay", "0", null, null);
        s.at("2026-12-04T09:00:00Z").search(s.ann, "1", "快递三天没动", X2).insert(s.ann, "delay", "1", X2, null);
        s.at("2026-12-04T10:00:00Z").outcome("1", "resolved");
        s.at("2026-12-05T09:00:00Z").insert(s.bob, "defect", "2", X2, Map.of("offer", "coupon", "amount", "10", "approvalId", "ap-1"))
                .insert(s.bob, "defect", "3", X2, Map.of("offer", "refund", "amount", "25.5"));
        s.at("2026-12-06T09:00:00Z").outcome("2", "reopened").outcome("3", "satisfied");
        s.at("2026-12-07T15:00:00Z").insert(s.bob, "defect", "4", X2, null).insert(s.bob, "defect", "5", X2, null)
                .insert(s.bob, "defect", "6", X2, null);
        s.at("2026-12-07T16:00:00Z").outcome("4", "dissatisfied");
        s.at("2026-12-08T09:00:00Z").outcome("7", "reopened");
        s.at("2026-12-09T09:00:00Z").insert(s.ann, "delay", "7", CUP, null).insert(s.ann, "invoice", "8", null, null);
        s.approval("ap-1", "asked").approval("ap-1", "granted").approval("ap-2", "asked").approval("ap-2", "denied");
        clock.set(NOW);
        return s;
    }

    /** A SQLite server in {@code dir} whose clock stands at {@link #NOW}, with the week recorded. */
    static TestServer serverWithTheWeek(java.nio.file.Path dir) {
        SettableClock clock = new SettableClock(NOW);
        TestServer server = TestServer.start(TestServer.config(dir, false), clock);
        record(server, clock);
        return server;
    }

    private static void entry(TestServer server, String key, String category, String problem) {
        Map<String, Object> e = Fixtures.entry(key);
        e.put("category", category);
        e.put("problem", problem);
        e.put("status", "published");
        var created = server.admin().post("/api/v1/entries", e);
        assertEquals(201, created.status(), created.text());
    }

    private InsightsScenario at(String instant) {
        clock.set(Instant.parse(instant));
        return this;
    }

    private InsightsScenario insert(ApiClient agent, String key, String ticket, String product, Map<String, String> compensation) {
        Map<String, Object> e = event("insert", ticket);
        e.put("entryId", id(agent, key));
        e.put("entryVersion", 1);
        e.put("tone", "warm");
        e.put("channel", "email");
        e.put("agent", agent == ann ? "ann" : "bob");
        if (product != null) e.put("product", product);
        if (compensation != null) e.put("compensation", compensation);
        return post(agent, e);
    }

    private InsightsScenario search(ApiClient agent, String ticket, String query, String product) {
        Map<String, Object> e = event("search", ticket);
        e.putAll(Map.of("query", query, "hits", 3, "source", "typed", "product", product));
        return post(agent, e);
    }

    private InsightsScenario outcome(String ticket, String outcome) {
        Map<String, Object> e = event("outcome", ticket);
        e.put("outcome", outcome);
        return post(ann, e);
    }

    private InsightsScenario approval(String approvalId, String step) {
        Map<String, Object> e = event("approval", "2");
        e.put("approval", step);
        e.put("compensation", Map.of("offer", "coupon", "amount", "10", "approvalId", approvalId));
        return post(bob, e);
    }

    private InsightsScenario post(ApiClient agent, Map<String, Object> event) {
        var r = agent.post("/api/v1/events", event);
        assertEquals(201, r.status(), r.text());
        return this;
    }

    private String id(ApiClient client, String key) {
        return ids.computeIfAbsent(key, k -> client.get("/api/v1/entries/" + k).json().get("id").asText());
    }

    private static Map<String, Object> event(String type, String ticket) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("helpdesk", "rt");
        e.put("ticketId", ticket);
        return e;
    }

    /** The daily series {@code values} as the API writes it. */
    static List<Long> daily(long... values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }
}
