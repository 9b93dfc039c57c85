package com.replybook.kb.guardrails.wording;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.guardrails.GuardrailsError;
import com.replybook.kb.guardrails.Locales;
import com.replybook.kb.guardrails.Versions;
import com.replybook.kb.shops.ShopSetting;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <ul>
 *   <li>{@code GET /api/v1/wording/{locale}[?shop=]} (any role) → {@code {"locale","rules":[{"phrase","severity",
 *       "suggestion","reason"}],"version","updatedAt","updatedBy","defaults","shop","inherited"}}: the locale's rules,
 *       or a shop's own ({@code inherited} true when it has none and the locale's apply);</li>
 *   <li>{@code PUT /api/v1/wording/{locale}[?shop=]} (lead and above) replaces the rules (the shop's own with
 *       {@code shop}; a lead of some shops only changes their shops'); 422 names each bad row and field, and nothing is
 *       saved; an optional {@code If-Match: "<version>"} makes it 409 when someone saved first;</li>
 *   <li>{@code DELETE /api/v1/wording/{locale}?shop=} (lead and above): the shop uses the locale's rules again;</li>
 *   <li>{@code POST /api/v1/wording/check} {@code {"locale","text","shop"}} (any role) → {@code {"findings":[{"phrase",
 *       "severity","start","end","text","suggestion","reason"}],"blocked"}}, offsets into the text as given, by the
 *       shop's rules when one is named.</li>
 * </ul>
 */
final class WordingApi {

    static final int MAX_TEXT = 20_000;
    private final Wording wording;

    WordingApi(Wording wording) {
        this.wording = wording;
    }

    void routes(Router<ApiCall> api) {
        api.get("/api/v1/wording/{locale}", this::read)
                .put("/api/v1/wording/{locale}", this::replace)
                .delete("/api/v1/wording/{locale}", this::remove)
                .post("/api/v1/wording/check", this::check);
    }

    private void read(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        SupportedLocale locale = Locales.inPath(call.path("locale"), GuardrailsError.NO_WORDING);
        answer(call, locale, wording.current(set(call, locale, me)));
    }

    private void replace(ApiCall call) throws IOException {
        Principal p = Principal.of(call).require(Role.LEAD);
        SupportedLocale locale = Locales.require(call.path("locale"), "locale");
        Long expected = Versions.ifMatch(call);
        List<WordingRule> rules = WordingParser.parse(call.readObject());
        ShopSetting set = set(call, locale, p).writableBy(p);
        answer(call, locale, wording.replace(set, rules, p.username(), expected));
    }

    private void remove(ApiCall call) throws IOException {
        Principal p = Principal.of(call).require(Role.LEAD);
        SupportedLocale locale = Locales.inPath(call.path("locale"), GuardrailsError.NO_WORDING);
        answer(call, locale, wording.remove(set(call, locale, p).requireShop(), Versions.ifMatch(call)));
    }

    private void check(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        JsonNode body = call.readObject();
        SupportedLocale locale = Locales.require(body.path("locale").isTextual() ? body.get("locale").asText() : null, "locale");
        JsonNode text = body.get("text");
        if (text == null || !text.isTextual()) throw ApiException.badRequest("text", WordingRuleError.TEXT);
        if (text.asText().length() > MAX_TEXT) {
            throw ApiException.unprocessable("text", InputError.TOO_LONG, "text", MAX_TEXT);
        }
        ShopSetting set = ShopSetting.requested(locale.tag(), KnownShops.named(body), me, wording.shops());
        List<Finding> findings = wording.current(set).rules().find(text.asText());
        call.json(200, Map.of("findings", findings,
                "blocked", findings.stream().anyMatch(f -> f.severity() == Severity.BLOCK)));
    }

    private ShopSetting set(ApiCall call, SupportedLocale locale, Principal caller) {
        return ShopSetting.requested(locale.tag(), call.query("shop"), caller, wording.shops());
    }

    private static void answer(ApiCall call, SupportedLocale locale, Wording.Current now) throws IOException {
        call.setHeader("ETag", Versions.etag(now.stamp()));
        call.json(200, body(locale, now));
    }

    static Map<String, Object> body(SupportedLocale locale, Wording.Current now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("locale", locale.tag());
        out.put("rules", now.rules().rules());
        out.putAll(Versions.fields(now.stamp()));
        out.putAll(now.set().fields(now.inherited()));
        return out;
    }
}
