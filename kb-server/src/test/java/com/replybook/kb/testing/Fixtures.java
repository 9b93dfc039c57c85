package com.replybook.kb.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test data: a valid entry as API JSON, to be changed by each test where it matters. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A valid zh-CN draft entry with key {@code key}; a mutable map. */
    public static Map<String, Object> entry(String key) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("key", key);
        e.put("locale", "zh-CN");
        e.put("category", "物流/延误");
        e.put("tags", List.of("物流"));
        e.put("problem", "包裹三天没有更新物流");
        e.put("questions", List.of("快递三天没动了", "物流怎么一直不更新"));
        e.put("cause", "中转站爆仓");
        e.put("script", "您的订单 ${order.id} 我们已经加急处理。");
        e.put("diagnostics", List.of("最后一条物流信息是什么时候？"));
        e.put("actions", List.of("打上优先派送标签"));
        e.put("status", "draft");
        return e;
    }

    /** A usage event of {@code type} ({@code search}, {@code view}, {@code insert}) from RT ticket 42. */
    public static Map<String, Object> event(String type, Map<String, Object> fields) {
        Map<String, Object> e = new LinkedHashMap<>(fields);
        e.put("type", type);
        e.put("helpdesk", "rt");
        e.put("ticketId", "42");
        return e;
    }
}
