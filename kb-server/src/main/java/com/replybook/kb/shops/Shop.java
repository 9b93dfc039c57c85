package com.replybook.kb.shops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A shop the team serves and its voice. Immutable. Example: key {@code tmall-flagship}, name {@code 云栖天猫旗舰店},
 * locales {@code [zh-CN]}, signature {@code 云栖旗舰店客服 · 7×24 在线}, greetings {@code {"lively":"哈喽亲～"}}.
 *
 * @param key       slug that entries, users, events and help-desk settings name the shop by
 *                  ({@code [a-z0-9][a-z0-9_-]{0,63}}), never changed
 * @param name      the name customers know, filled into replies as {@code shop.name}
 * @param locales   the locales the shop writes in, e.g. {@code [zh-CN, en]}; empty for any
 * @param signature the shop's sign-off block for email and chat replies; empty for the layout's own
 * @param greetings per tone id, the shop's greeting (a sandboxed template like a script, e.g.
 *                  {@code 亲爱的${customer.name}，您好～}); a tone without one keeps the locale's
 * @param closings  per tone id, the shop's closing line; a tone without one keeps the locale's
 * @param layouts   per layout path (e.g. {@code channel/email.zh-CN.ftl}), the shop's own layout, sandboxed like
 *                  scripts; a path without one keeps the built-in layout
 * @param version   increases by one on every change
 */
public record Shop(String key, String name, List<String> locales, String signature, Map<String, String> greetings,
                   Map<String, String> closings, Map<String, String> layouts, long version, Instant createdAt,
                   String createdBy, Instant updatedAt, String updatedBy) {

    public Shop {
        locales = List.copyOf(locales == null ? List.of() : locales);
        signature = signature == null ? "" : signature;
        greetings = Map.copyOf(greetings == null ? Map.of() : greetings);
        closings = Map.copyOf(closings == null ? Map.of() : closings);
        layouts = Map.copyOf(layouts == null ? Map.of() : layouts);
    }

    /** True when the shop writes in {@code locale} (every shop without locales does). */
    public boolean writesIn(String locale) {
        return locales.isEmpty() || locales.contains(locale);
    }
}
