package com.replybook.kb.guardrails;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.shops.ShopSetting;
import com.replybook.kb.vocabulary.SupportedLocale;

import java.util.HashMap;
import java.util.Map;

/**
 * What the guardrails pages share (issue 20): the locale and its tabs, whose rules they show (the locale's, or a
 * shop's own; a lead limited to shops starts on their first shop, since the locale's are not theirs to change), and
 * the shops to choose from.
 */
public final class GuardrailsPageModel {

    private GuardrailsPageModel() {
    }

    /** The copy the page shows: the {@code shop} parameter's, else a limited lead's first shop's, else the locale's. */
    public static ShopSetting requested(Page p, Principal me, SupportedLocale locale, KnownShops shops) {
        String shop = p.param("shop");
        if ((shop == null || shop.isBlank()) && me.limitedToShops()) shop = me.shops().getFirst();
        return ShopSetting.requested(locale.tag(), shop, me, shops);
    }

    /** The page's shared model; {@code inherited} when the shop keeps no copy of its own. */
    public static Map<String, Object> of(Principal me, SupportedLocale locale, ShopSetting set, boolean inherited,
                                         KnownShops shops) {
        Map<String, Object> m = new HashMap<>();
        m.put("locale", locale.tag());
        m.put("locales", SupportedLocale.TAGS);
        m.put("shop", set.forShop() ? set.shop() : "");
        m.put("shopQuery", set.forShop() ? "?shop=" + set.shop() : ""); // keys are [a-z0-9_-]: nothing to encode
        m.put("inherited", set.forShop() && inherited);
        m.put("shopChoices", shops.namesFor(me));
        m.put("everyShop", !me.limitedToShops());
        return m;
    }
}
