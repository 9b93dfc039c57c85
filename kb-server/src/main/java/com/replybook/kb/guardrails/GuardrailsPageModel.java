package com.replybook.kb.guardrails;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.shops.ShopSetting;
import com.replybook.kb.vocabulary.SupportedLocale;

import java.io.IOException;
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
        return ShopSetting.onPage(locale.tag(), p.param("shop"), me, shops);
    }

    /** Drops a shop's own copy of a setting, given the version the page showed (null: whatever it is now). */
    @FunctionalInterface
    public interface OwnCopy {
        void remove(ShopSetting set, Long expectedVersion);
    }

    /**
     * {@code POST /console/<page>/revert} (form {@code locale}, {@code shop}, {@code version}): the shop uses its
     * locale's copy again; back to the page with a flash. 404 when the shop had none, 409 when it changed since the
     * page was shown (the error page says so in the user's language).
     */
    public static void revert(Page p, Principal me, KnownShops shops, String page, OwnCopy copy) throws IOException {
        SupportedLocale locale = Locales.find(p.param("locale")).orElse(SupportedLocale.resolve(p.me().locale()));
        ShopSetting set = requested(p, me, locale, shops).requireShop();
        copy.remove(set, p.longParam("version").orElse(null));
        p.redirect(page + "?locale=" + locale.tag() + "&shop=" + set.shop(), "flash.ownCopyRemoved", locale.tag());
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
