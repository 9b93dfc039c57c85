package com.replybook.kb.guardrails.compensation;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.console.Page;
import com.replybook.kb.guardrails.Defaults;
import com.replybook.kb.guardrails.ShortCache;
import com.replybook.kb.guardrails.Stamp;
import com.replybook.kb.module.Platform;
import com.replybook.kb.render.ReplyAdvisor;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Router;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The compensation policies: each locale's current policy (saved by a lead, else the built-in default), kept for a
 * few seconds ({@link ShortCache}); the render advice; {@code /api/v1/compensation}; the console page. Thread-safe.
 */
public final class Compensation {

    /** A locale's policy as it applies now, and who set it. */
    public record Current(CompensationPolicy policy, Stamp stamp) {
    }

    private final Platform platform;
    private final PolicyStore store;
    private final Map<SupportedLocale, CompensationPolicy> defaults = new EnumMap<>(SupportedLocale.class);
    private final ShortCache<SupportedLocale, Current> current;

    public Compensation(Platform platform) {
        this.platform = platform;
        this.store = new PolicyStore(platform.database());
        for (SupportedLocale l : SupportedLocale.values()) {
            defaults.put(l, PolicyParser.parse(Defaults.read("compensation", l)));
        }
        this.current = new ShortCache<>(this::load, platform.clock());
    }

    private Current load(SupportedLocale locale) {
        return store.find(locale.tag()).map(s -> new Current(s.policy(), s.stamp()))
                .orElseGet(() -> new Current(defaults.get(locale), Stamp.DEFAULTS));
    }

    public Current current(SupportedLocale locale) {
        return current.get(locale);
    }

    CompensationPolicy defaults(SupportedLocale locale) {
        return defaults.get(locale);
    }

    Current replace(SupportedLocale locale, CompensationPolicy policy, String user, Long expectedVersion) {
        store.replace(locale.tag(), policy, platform.clock().instant(), user, expectedVersion);
        current.forget(locale);
        return current(locale);
    }

    /** An ask read from a request body and the policy's answer to it. */
    public record Evaluated(SupportedLocale locale, CompensationPolicy.Ask ask, CompensationPolicy.Decision decision) {
    }

    /**
     * Reads {@code {"locale","category","orderAmount","customerTags","offer","amount"}} and decides it by the locale's
     * policy; adds every bad field to {@code errors} and returns null then.
     */
    public Evaluated evaluate(JsonNode body, List<FieldError> errors) {
        CompensationApi.Checked c = CompensationApi.ask(body, errors);
        return c == null ? null : new Evaluated(c.locale(), c.ask(), current(c.locale()).policy().decide(c.ask()));
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
