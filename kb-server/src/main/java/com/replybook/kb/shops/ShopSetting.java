package com.replybook.kb.shops;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.web.ApiException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which copy of a setting kept per locale (the wording rules, the compensation policy, the synonyms) or once (the tone
 * mapping) a request means: the locale's ({@code shop} null) or one shop's own. A shop without its own copy uses the
 * locale's, so a shop's copy is stored under its own key, {@code <locale>/<shop>} ({@code zh-CN/tmall-flagship}; the
 * locale part is empty for a setting kept once), and read with {@link #fallback()} when absent. Immutable.
 *
 * @param base the locale tag the setting is kept for, e.g. {@code zh-CN}; empty for a setting kept once
 * @param shop the shop's key, e.g. {@code tmall-flagship}; null for the locale's own copy
 */
public record ShopSetting(String base, String shop) {

    /** The longest key: a locale tag (35), the slash and a shop key (64). */
    public static final int MAX_KEY = 100;

    public ShopSetting {
        base = base == null ? "" : base;
    }

    /**
     * The copy the query parameter {@code shop} names for {@code caller}: the locale's without one; a shop's, checked
     * (400 naming {@code shop} when no shop has the key, 403 when the caller works for other shops only).
     */
    public static ShopSetting requested(String base, String shopParam, Principal caller, KnownShops shops) {
        return new ShopSetting(base, shops.requested(caller, shopParam, "shop"));
    }

    /**
     * As {@link #requested}, for a console page: a caller limited to shops who names none starts on their first shop's
     * copy, since the locale's is not theirs to change.
     */
    public static ShopSetting onPage(String base, String shopParam, Principal caller, KnownShops shops) {
        boolean none = shopParam == null || shopParam.isBlank();
        return requested(base, none && caller.limitedToShops() ? caller.shops().getFirst() : shopParam, caller, shops);
    }

    /** The key the copy is stored under: {@code zh-CN}, {@code zh-CN/tmall-flagship}, {@code /tmall-flagship}. */
    public String key() {
        return shop == null ? base : base + "/" + shop;
    }

    /** True for a shop's copy. */
    public boolean forShop() {
        return shop != null;
    }

    /** The copy this one falls back to: the locale's. */
    public ShopSetting fallback() {
        return new ShopSetting(base, null);
    }

    /**
     * The fields every answer about a setting carries: {@code "shop"} (null for the locale's) and {@code "inherited"}
     * (true when the shop has no copy of its own and the locale's is shown).
     */
    public Map<String, Object> fields(boolean inherited) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("shop", shop);
        out.put("inherited", forShop() && inherited);
        return out;
    }

    /**
     * 403 naming {@code shop} when {@code writer} works for some shops only and this is the locale's copy: every shop
     * without its own uses it, shops they do not work for included.
     */
    public ShopSetting writableBy(Principal writer) {
        if (!forShop() && writer.limitedToShops()) {
            throw ApiException.of(403, "forbidden", "shop", ShopError.SETTING_LIMITED, null,
                    String.join(", ", writer.shops()), writer.shops().getFirst());
        }
        return this;
    }

    /** 400 naming {@code shop} unless this is a shop's copy: only a shop's copy can be removed (it then inherits). */
    public ShopSetting requireShop() {
        if (!forShop()) {
            throw ApiException.badRequest("shop", ShopError.SETTING_NAME_SHOP);
        }
        return this;
    }
}
