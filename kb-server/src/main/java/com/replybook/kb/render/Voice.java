package com.replybook.kb.render;

/**
 * A shop's voice for one reply (issue 20): the shop's name, its sign-off, and this tone's greeting and closing.
 * The greeting and closing are templates like scripts (e.g. {@code 亲爱的${customer.name}，您好～}), run in the same
 * sandbox with the ticket's values; a blank part keeps what the tone layout says. Immutable.
 *
 * @param shopName  filled into the layouts' {@code shopName} (and the script's {@code shop.name} when the ticket has
 *                  none), e.g. {@code 云栖天猫旗舰店}
 * @param signature replaces the layout's sign-off, e.g. {@code 云栖旗舰店客服 · 7×24 在线}
 * @param greeting  replaces the tone's greeting
 * @param closing   replaces the tone's closing
 */
public record Voice(String shopName, String signature, String greeting, String closing) {

    /** No shop: the layouts speak as they are. */
    public static final Voice NONE = new Voice(null, null, null, null);

    static boolean given(String part) {
        return part != null && !part.isBlank();
    }
}
