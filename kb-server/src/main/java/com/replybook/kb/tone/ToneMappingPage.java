package com.replybook.kb.tone;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.shops.ShopSetting;
import com.replybook.kb.vocabulary.Tone;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /console/tone[?shop=tmall]} (lead and above): which tone a customer's tags call for, the shared mapping or a
 * shop's own (the shared one until it keeps some; a lead limited to shops starts on their first shop), with a box to
 * try tags and a message. Admins change it: the page's script saves through {@code PUT /api/v1/tone/mapping} with the
 * session, so the API's validation is the only one; {@code POST /console/tone/revert} drops a shop's own mapping.
 */
final class ToneMappingPage {

    private final ToneRules rules;
    private final KnownShops shops;

    ToneMappingPage(ToneRules rules, KnownShops shops) {
        this.rules = rules;
        this.shops = shops;
    }

    void routes(Router<Page> r) {
        r.get("/tone", this::show).post("/tone/revert", this::revert);
    }

    private void show(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        ShopSetting set = ShopSetting.onPage("", p.param("shop"), me, shops);
        Map<String, Object> m = new HashMap<>();
        m.put("rules", rules.of(set.shop()));
        m.put("tones", Tone.IDS);
        m.put("shop", set.forShop() ? set.shop() : "");
        m.put("inherited", set.forShop() && !rules.keepsOwn(set.shop()));
        m.put("shopChoices", shops.namesFor(me));
        m.put("everyShop", !me.limitedToShops());
        m.put("editable", me.can(Role.ADMIN));
        m.put("api", p.request().getContextPath() + "/api/v1/tone");
        p.render("tone/mapping.ftlh", m);
    }

    private void revert(Page p) throws IOException {
        Principal me = p.require(Role.ADMIN);
        ShopSetting set = ShopSetting.requested("", p.param("shop"), me, shops).requireShop();
        rules.remove(set.shop());
        p.redirect("tone?shop=" + set.shop(), "flash.toneMappingRemoved");
    }
}
