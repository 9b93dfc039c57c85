package com.replybook.kb.guardrails.wording;

import com.replybook.kb.console.Page;
import com.replybook.kb.entries.ScriptCheck;
import com.replybook.kb.guardrails.Defaults;
import com.replybook.kb.guardrails.ShortCache;
import com.replybook.kb.guardrails.Stamp;
import com.replybook.kb.module.Platform;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The wording rules: each locale's current rules (saved by a lead, else the built-in defaults), kept compiled for a
 * few seconds ({@link ShortCache}); the save-time {@link ScriptCheck}; {@code /api/v1/wording}; the console page.
 * Thread-safe.
 */
public final class Wording {

    /** A locale's rules as they apply now, and who set them. */
    record Current(WordingRules rules, Stamp stamp) {
    }

    private final WordingStore store;
    private final Map<SupportedLocale, List<WordingRule>> defaults = new EnumMap<>(SupportedLocale.class);
    private final ShortCache<SupportedLocale, Current> current;
    private final Platform platform;

    public Wording(Platform platform) {
        this.platform = platform;
        this.store = new WordingStore(platform.database());
        for (SupportedLocale l : SupportedLocale.values()) defaults.put(l, WordingParser.parse(Defaults.read("wording", l)));
        this.current = new ShortCache<>(this::load, platform.clock());
    }

    private Current load(SupportedLocale locale) {
        return store.find(locale.tag())
                .map(saved -> new Current(new WordingRules(locale.tag(), saved.rules()), saved.stamp()))
                .orElseGet(() -> new Current(new WordingRules(locale.tag(), defaults.get(locale)), Stamp.DEFAULTS));
    }

    Current current(SupportedLocale locale) {
        return current.get(locale);
    }

    List<WordingRule> defaults(SupportedLocale locale) {
        return defaults.get(locale);
    }

    /** Replaces the locale's rules (already validated); see {@link WordingStore#replace}. */
    Current replace(SupportedLocale locale, List<WordingRule> rules, String user, Long expectedVersion) {
        Stamp stamp = current(locale).stamp().next(platform.clock().instant(), user);
        store.replace(locale.tag(), rules, stamp, expectedVersion);
        current.forget(locale);
        return current(locale);
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
