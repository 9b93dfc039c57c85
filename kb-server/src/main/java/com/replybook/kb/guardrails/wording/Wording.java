package com.replybook.kb.guardrails.wording;

import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.entries.ScriptCheck;
import com.replybook.kb.guardrails.Defaults;
import com.replybook.kb.guardrails.ShortCache;
import com.replybook.kb.guardrails.Stamp;
import com.replybook.kb.module.Platform;
import com.replybook.kb.shops.ShopSetting;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The wording rules: each locale's current rules (saved by a lead, else the built-in defaults) and each shop's own
 * rules for a locale (else the locale's), kept compiled for a few seconds ({@link ShortCache}); the save-time
 * {@link ScriptCheck}; {@code /api/v1/wording}; the console page. Thread-safe.
 */
public final class Wording {

    /**
     * The rules of {@code set} (a locale's, or a shop's) as they apply now, and who set them; {@code inherited} when a
     * shop has no rules of its own and these are its locale's (the stamp then says nobody saved the shop's: version 0).
     */
    record Current(ShopSetting set, WordingRules rules, Stamp stamp, boolean inherited) {
    }

    private final WordingStore store;
    private final Map<SupportedLocale, List<WordingRule>> defaults = new EnumMap<>(SupportedLocale.class);
    private final ShortCache<ShopSetting, Current> current;
    private final ShortCache<String, List<String>> shopsWithOwn;
    private final Platform platform;
    private final KnownShops shops;

    public Wording(Platform platform, KnownShops shops) {
        this.platform = platform;
        this.shops = shops;
        this.store = new WordingStore(platform.database());
        for (SupportedLocale l : SupportedLocale.values()) defaults.put(l, WordingParser.parse(Defaults.read("wording", l)));
        this.current = new ShortCache<>(this::load, platform.clock());
        this.shopsWithOwn = new ShortCache<>(store::shopsWithOwn, platform.clock());
    }

    private Current load(ShopSetting set) {
        SupportedLocale locale = SupportedLocale.resolve(set.base());
        return store.find(set.key())
                .map(saved -> new Current(set, new WordingRules(locale.tag(), saved.rules()), saved.stamp(), false))
                .orElseGet(() -> set.forShop()
                        ? new Current(set, current(set.fallback()).rules(), Stamp.DEFAULTS, true)
                        : new Current(set, new WordingRules(locale.tag(), defaults.get(locale)), Stamp.DEFAULTS, false));
    }

    Current current(SupportedLocale locale) {
        return current(new ShopSetting(locale.tag(), null));
    }

    /** The rules {@code set} names: a locale's, or a shop's own for a locale (else that locale's). */
    Current current(ShopSetting set) {
        return current.get(set);
    }

    /**
     * Every set of rules a text written for {@code shops} in {@code locale} must pass: each of those shops' (own or
     * inherited); for an entry of every shop ({@code shops} empty), the locale's and every shop's own.
     */
    List<WordingRules> forEntry(SupportedLocale locale, List<String> shops) {
        List<String> named = shops.isEmpty() ? shopsWithOwn.get(locale.tag()) : shops;
        java.util.LinkedHashSet<WordingRules> out = new java.util.LinkedHashSet<>();
        if (shops.isEmpty()) out.add(current(locale).rules());
        for (String shop : named) out.add(current(new ShopSetting(locale.tag(), shop)).rules());
        return List.copyOf(out);
    }

    List<WordingRule> defaults(SupportedLocale locale) {
        return defaults.get(locale);
    }

    KnownShops shops() {
        return shops;
    }

    /** Replaces the rules of {@code set} (already validated); see {@link WordingStore#replace}. */
    Current replace(ShopSetting set, List<WordingRule> rules, String user, Long expectedVersion) {
        store.replace(set.key(), rules, Stamp.DEFAULTS.next(platform.clock().instant(), user), expectedVersion);
        forgetAll();
        return current(set);
    }

    /** Drops a shop's own rules: it uses its locale's again. 404 when it had none. */
    Current remove(ShopSetting set, Long expectedVersion) {
        store.remove(set.key(), expectedVersion);
        forgetAll();
        return current(set);
    }

    private void forgetAll() {
        current.clear(); // shops inherit their locale's rules
        shopsWithOwn.clear();
    }

    /** Blocking phrases refuse a save (naming the field, the phrase and the words); warning phrases are notes. */
    public ScriptCheck scriptCheck() {
        return new WordingCheck(this);
    }

    public void api(Router<ApiCall> api) {
        new WordingApi(this).routes(api);
    }

    public void console(Router<Page> console) {
        new WordingPage(this).routes(console);
    }
}
