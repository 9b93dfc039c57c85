package com.replybook.kb.guardrails.compensation;

import com.replybook.kb.vocabulary.CompensationOffer;
import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.guardrails.GuardrailsError;
import com.replybook.kb.guardrails.Locales;
import com.replybook.kb.guardrails.Versions;
import com.replybook.kb.shops.ShopSetting;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.JsonFields;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * <ul>
 *   <li>{@code GET /api/v1/compensation/policy/{locale}[?shop=]} (any role) → {@code {"locale","currency","rules":[…],
 *       "version","updatedAt","updatedBy","defaults","shop","inherited"}}: the locale's policy, or a shop's own
 *       ({@code inherited} true when it has none and the locale's applies);</li>
 *   <li>{@code PUT /api/v1/compensation/policy/{locale}[?shop=]} (lead and above) replaces it (the shop's own with
 *       {@code shop}; a lead of some shops only changes their shops'); 422 names each bad row and field and nothing is
 *       saved; an optional {@code If-Match: "<version>"} makes it 409 when someone saved first;</li>
 *   <li>{@code DELETE /api/v1/compensation/policy/{locale}?shop=} (lead and above): the shop uses the locale's policy
 *       again;</li>
 *   <li>{@code POST /api/v1/compensation/check} {@code {"locale","category","orderAmount","customerTags","offer",
 *       "amount","shop"}} (any role) → {@code {"allowed","maxAmount","needsApproval","rule","currency"}}, by the
 *       shop's policy when one is named.</li>
 * </ul>
 */
final class CompensationApi {

    private final Compensation compensation;

    CompensationApi(Compensation compensation) {
        this.compensation = compensation;
    }

    void routes(Router<ApiCall> api) {
        api.get("/api/v1/compensation/policy/{locale}", this::read)
                .put("/api/v1/compensation/policy/{locale}", this::replace)
                .delete("/api/v1/compensation/policy/{locale}", this::remove)
                .post("/api/v1/compensation/check", this::check);
    }

    private void read(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        SupportedLocale locale = Locales.inPath(call.path("locale"), GuardrailsError.NO_POLICY);
        answer(call, locale, compensation.current(set(call, locale, me)));
    }

    private void replace(ApiCall call) throws IOException {
        Principal p = Principal.of(call).require(Role.LEAD);
        SupportedLocale locale = Locales.require(call.path("locale"), "locale");
        Long expected = Versions.ifMatch(call);
        CompensationPolicy policy = PolicyParser.parse(call.readObject());
        ShopSetting set = set(call, locale, p).writableBy(p);
        answer(call, locale, compensation.replace(set, policy, p.username(), expected));
    }

    private void remove(ApiCall call) throws IOException {
        Principal p = Principal.of(call).require(Role.LEAD);
        SupportedLocale locale = Locales.inPath(call.path("locale"), GuardrailsError.NO_POLICY);
        answer(call, locale, compensation.remove(set(call, locale, p).requireShop(), Versions.ifMatch(call)));
    }

    private ShopSetting set(ApiCall call, SupportedLocale locale, Principal caller) {
        return ShopSetting.requested(locale.tag(), call.query("shop"), caller, compensation.shops());
    }

    private static void answer(ApiCall call, SupportedLocale locale, Compensation.Current now) throws IOException {
        call.setHeader("ETag", Versions.etag(now.stamp()));
        call.json(200, body(locale, now));
    }

    private void check(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        List<FieldError> errors = new ArrayList<>();
        Compensation.Evaluated e = compensation.evaluate(call.readObject(), me, errors);
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        call.json(200, e.decision().toJson());
    }

    /** A locale, an ask and the shop it names (null for none) read from a request body. */
    record Checked(SupportedLocale locale, CompensationPolicy.Ask ask, String shop) {
    }

    static Checked ask(JsonNode body, List<FieldError> errors) {
        int before = errors.size();
        String localeText = JsonFields.text(body, "locale", 35, true, errors);
        SupportedLocale locale = localeText == null ? null : Locales.find(localeText).orElse(null);
        if (localeText != null && !localeText.isEmpty() && locale == null) {
            errors.add(Locales.problem("locale", localeText));
        }
        String category = JsonFields.text(body, "category", 200, false, errors);
        BigDecimal order = amount(body, "orderAmount", errors);
        List<String> tags = JsonFields.strings(body, "customerTags", 20, 50, errors);
        String offerText = JsonFields.text(body, "offer", 20, true, errors);
        CompensationOffer offer = offerText == null ? null : Offers.find(offerText);
        if (offerText != null && !offerText.isEmpty() && offer == null) {
            errors.add(Offers.problem(offerText));
        }
        BigDecimal amount = amount(body, "amount", errors);
        String shop = JsonFields.text(body, "shop", 64, false, errors);
        if (errors.size() > before) return null;
        return new Checked(locale, new CompensationPolicy.Ask(category, order, tags, offer, amount), shop);
    }

    private static BigDecimal amount(JsonNode body, String field, List<FieldError> errors) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) return null;
        try {
            if (n.isNumber()) return Amounts.parse(n.decimalValue().stripTrailingZeros().toPlainString());
            if (!n.isTextual()) throw new Amounts.Invalid(GuardrailsError.AMOUNT_NOT_STRING);
            return Amounts.parse(n.asText());
        } catch (Amounts.Invalid e) {
            errors.add(e.on(field));
            return null;
        }
    }

    static Map<String, Object> body(SupportedLocale locale, Compensation.Current now) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("locale", locale.tag());
        out.put("currency", now.policy().currency());
        out.put("rules", now.policy().rules().stream().map(CompensationRule::toJson).toList());
        out.putAll(Versions.fields(now.stamp()));
        out.putAll(now.set().fields(now.inherited()));
        return out;
    }
}
