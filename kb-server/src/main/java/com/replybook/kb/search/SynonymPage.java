package com.replybook.kb.search;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.search.analysis.SynonymError;
import com.replybook.kb.shops.ShopSetting;
import com.replybook.kb.console.Messages;
import com.replybook.kb.console.Page;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The synonyms page. The lists belong to the search feature ({@code GET|PUT /api/v1/synonyms/{locale}});
 * the page's script reads and saves them through that API with the session and the CSRF header, so there
 * is one owner of the data and one validation.
 */
final class SynonymPage {

    private final KnownShops shops;
    private final SynonymService synonyms;

    SynonymPage(KnownShops shops, SynonymService synonyms) {
        this.shops = shops;
        this.synonyms = synonyms;
    }

    void routes(Router<Page> r) {
        r.get("/synonyms", this::page).post("/synonyms/revert", this::revert);
    }

    /** {@code POST /console/synonyms/revert} (form {@code locale}, {@code shop}): the shop uses its locale's synonyms again. */
    private void revert(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        String locale = p.param("locale") == null ? SupportedLocale.HOME.tag() : p.param("locale");
        if (!SearchParams.LOCALE.matcher(locale).matches()) throw ApiException.badRequest("locale", SynonymError.LOCALE);
        ShopSetting set = ShopSetting.requested(locale, p.param("shop"), me, shops).requireShop();
        synonyms.remove(set.key());
        p.redirect("synonyms?locale=" + locale + "&shop=" + set.shop(), "flash.ownCopyRemoved", locale);
    }

    /**
     * {@code /console/synonyms?locale=zh-CN[&shop=tmall]}: a locale's synonyms, or a shop's own (issue 20); an editor
     * limited to shops starts on their first shop, since the locale's are not theirs to change.
     */
    private void page(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        String locale = p.param("locale") == null ? SupportedLocale.HOME.tag() : p.param("locale");
        ShopSetting set = ShopSetting.onPage(locale, p.param("shop"), me, shops);
        Map<String, Object> m = new HashMap<>();
        m.put("locale", locale);
        m.put("locales", Messages.SUPPORTED);
        m.put("shop", set.forShop() ? set.shop() : "");
        m.put("shopChoices", shops.namesFor(me));
        m.put("everyShop", !me.limitedToShops());
        m.put("api", p.request().getContextPath() + "/api/v1/synonyms/" + locale + (set.forShop() ? "?shop=" + set.shop() : ""));
        p.render("synonyms.ftlh", m);
    }
}
