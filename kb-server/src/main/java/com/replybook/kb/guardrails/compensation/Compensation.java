package com.replybook.kb.guardrails.compensation;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.guardrails.Defaults;
import com.replybook.kb.guardrails.ShortCache;
import com.replybook.kb.guardrails.Stamp;
import com.replybook.kb.module.Platform;
import com.replybook.kb.render.ReplyAdvisor;
import com.replybook.kb.shops.ShopSetting;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Router;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The compensation policies: each locale's current policy (saved by a lead, else the built-in default) and each
 * shop's own policy for a locale (else the locale's), kept for a few seconds ({@link ShortCache}); the render advice;
 * {@code /api/v1/compensation}; the console page. Thread-safe.
 */
public final class Compensation {

    /**
     * The policy of {@code set} (a locale's, or a shop's) as it applies now, and who set it; {@code inherited} when a
     * shop has no policy of its own and this is its locale's (the stamp then says nobody saved the shop's: version 0).
     */
    public record Current(ShopSetting set, CompensationPolicy policy, Stamp stamp, boolean inherited) {
    }

    private final Platform platform;
    private final KnownShops shops;
    private final PolicyStore store;
    private final Map<SupportedLocale, CompensationPolicy> defaults = new EnumMap<>(SupportedLocale.class);
    private final ShortCache<ShopSetting, Current> current;

    public Compensation(Platform platform, KnownShops shops) {
        this.platform = platform;
        this.shops = shops;
        this.store = new PolicyStore(platform.database());
        for (SupportedLocale l : SupportedLocale.values()) {
            defaults.put(l, PolicyParser.parse(Defaults.read("compensation", l)));
        }
        this.current = new ShortCache<>(this::load, platform.clock());
    }

    private Current load(ShopSetting set) {
        SupportedLocale locale = SupportedLocale.resolve(set.base());
        return store.find(set.key()).map(s -> new Current(set, s.policy(), s.stamp(), false))
                .orElseGet(() -> set.forShop()
                        ? new Current(set, current(set.fallback()).policy(), Stamp.DEFAULTS, true)
                        : new Current(set, defaults.get(locale), Stamp.DEFAULTS, false));
    }

    public Current current(SupportedLocale locale) {
        return current(new ShopSetting(locale.tag(), null));
    }

    /** The policy {@code set} names: a locale's, or a shop's own for a locale (else that locale's). */
    public Current current(ShopSetting set) {
        return current.get(set);
    }

    CompensationPolicy defaults(SupportedLocale locale) {
        return defaults.get(locale);
    }

    KnownShops shops() {
        return shops;
    }

    Current replace(ShopSetting set, CompensationPolicy policy, String user, Long expectedVersion) {
        store.replace(set.key(), policy, platform.clock().instant(), user, expectedVersion);
        current.clear(); // shops inherit their locale's policy
        return current(set);
    }

    /** Drops a shop's own policy: it uses its locale's again. 404 when it had none. */
    Current remove(ShopSetting set, Long expectedVersion) {
        store.remove(set.key(), expectedVersion);
        current.clear();
        return current(set);
    }

    /** An ask read from a request body and the policy's answer to it; {@code shop} null when the ask named none. */
    public record Evaluated(SupportedLocale locale, String shop, CompensationPolicy.Ask ask,
                            CompensationPolicy.Decision decision) {
    }

    /**
     * Reads {@code {"locale","category","orderAmount","customerTags","offer","amount","shop"}} and decides it by the
     * shop's policy (else the locale's) for {@code caller}, who must work for that shop (400/403 naming {@code shop});
     * adds every bad field to {@code errors} and returns null then.
     */
    public Evaluated evaluate(JsonNode body, Principal caller, List<FieldError> errors) {
        CompensationApi.Checked c = CompensationApi.ask(body, errors);
        if (c == null) return null;
        ShopSetting set = ShopSetting.requested(c.locale().tag(), c.shop(), caller, shops);
        return new Evaluated(c.locale(), set.shop(), c.ask(), current(set).policy().decide(c.ask()));
    }

    /** What the policy gives each reply's ticket ({@code ${compensation.coupon}}) and when it asks for more. */
    public ReplyAdvisor advisor() {
        return new CompensationAdvisor(this);
    }

    public void api(Router<ApiCall> api) {
        new CompensationApi(this).routes(api);
    }

    public void console(Router<Page> console) {
        new CompensationPage(this).routes(console);
    }
}
