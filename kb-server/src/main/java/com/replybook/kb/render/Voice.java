package com.replybook.kb.render;

import java.util.Map;

/**
 * The shop a reply is written for and its voice (issue 20): the shop's key (whose compensation policy the
 * {@link ReplyAdvisor} applies), its name, its sign-off, this tone's greeting and closing, and its own channel layouts.
 * The greeting, the closing and the layouts are templates like scripts (e.g. {@code 亲爱的${customer.name}，您好～}),
 * run in the same sandbox; a blank part keeps what the built-in layouts say. Immutable.
 *
 * @param shop      the shop's key, e.g. {@code tmall-flagship}; null for no shop
 * @param shopName  filled into the layouts' {@code shopName} (and the script's {@code shop.name} when the ticket has
 *                  none), e.g. {@code 云栖天猫旗舰店}
 * @param signature replaces the layout's sign-off, e.g. {@code 云栖旗舰店客服 · 7×24 在线}
 * @param greeting  replaces the tone's greeting
 * @param closing   replaces the tone's closing
 * @param layouts   per channel layout path (e.g. {@code channel/chat.zh-CN.ftl}), the shop's own layout
 */
public record Voice(String shop, String shopName, String signature, String greeting, String closing,
                   Map<String, String> layouts) {

    /** No shop: the layouts speak as they are. */
    public static final Voice NONE = new Voice(null, null, null, null, null, Map.of());

    public Voice {
        layouts = layouts == null ? Map.of() : Map.copyOf(layouts);
    }

    static boolean given(String part) {
        return part != null && !part.isBlank();
    }
}
