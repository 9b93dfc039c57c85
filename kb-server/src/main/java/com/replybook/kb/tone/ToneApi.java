package com.replybook.kb.tone;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.shops.ShopSetting;
import com.replybook.kb.vocabulary.Tone;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Router;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/v1/tone/suggest {tags, text, channel, shop}} → {@code {tone, emotion, matchedTag}} (any role; by the
 * shop's own mapping when it keeps one);
 * {@code GET /api/v1/tone/mapping[?shop=]} → {@code {rules:[{tag,tone}], tones:[…], shop, inherited}} (any role: the
 * shared mapping, or a shop's own, {@code inherited} when it keeps none and the shared one applies);
 * {@code PUT /api/v1/tone/mapping[?shop=] {rules:[{tag,tone}]}} replaces the mapping, or the shop's own (admin);
 * {@code DELETE /api/v1/tone/mapping?shop=} (admin): the shop uses the shared mapping again.
 */
final class ToneApi {

    static final int MAX_RULES = 500;
    static final int MAX_TEXT = 20_000;

    private final ToneRules rules;
    private final ToneAdvisor advisor;
    private final KnownShops shops;

    ToneApi(ToneRules rules, ToneAdvisor advisor, KnownShops shops) {
        this.rules = rules;
        this.advisor = advisor;
        this.shops = shops;
    }

    void routes(Router<ApiCall> api) {
        api.post("/api/v1/tone/suggest", this::suggest)
                .get("/api/v1/tone/mapping", this::mapping)
                .put("/api/v1/tone/mapping", this::replaceMapping)
                .delete("/api/v1/tone/mapping", this::removeMapping);
    }

    private void suggest(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        JsonNode body = call.readObject();
        String shopKey = shops.requested(me, KnownShops.named(body), "shop");
        String text = body.path("text").asText("");
        if (text.length() > MAX_TEXT) text = text.substring(text.length() - MAX_TEXT); // the latest part matters most
        List<String> tags = new ArrayList<>();
        JsonNode t = body.path("tags");
        if (!t.isMissingNode() && !t.isNull() && !t.isArray()) throw ApiException.badRequest("tags", InputError.NOT_ARRAY, "tags");
        t.forEach(n -> tags.add(n.asText()));
        ToneAdvisor.Suggestion s = advisor.suggest(tags, text, shopKey);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tone", s.tone());
        out.put("emotion", s.emotion());
        out.put("matchedTag", s.matchedTag());
        call.json(200, out);
    }

    private void mapping(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        call.json(200, answer(set(call, me)));
    }

    private void replaceMapping(ApiCall call) throws IOException {
        Principal p = Principal.of(call).require(Role.ADMIN);
        List<ToneRule> parsed = parseRules(call.readObject().path("rules"));
        ShopSetting set = set(call, p).writableBy(p);
        if (set.forShop()) rules.replace(set.shop(), parsed, p.username());
        else rules.replace(parsed, p.username());
        call.json(200, answer(set));
    }

    private void removeMapping(ApiCall call) throws IOException {
        ShopSetting set = set(call, Principal.of(call).require(Role.ADMIN)).requireShop();
        rules.remove(set.shop());
        call.json(200, answer(set));
    }

    private ShopSetting set(ApiCall call, Principal caller) {
        return ShopSetting.requested("", call.query("shop"), caller, shops);
    }

    private Map<String, Object> answer(ShopSetting set) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rules", rules.of(set.shop()));
        out.put("tones", Tone.IDS);
        out.putAll(set.fields(!rules.keepsOwn(set.shop())));
        return out;
    }

    static List<ToneRule> parseRules(JsonNode array) {
        if (!array.isArray()) throw ApiException.badRequest("rules", ToneError.RULES_NOT_ARRAY);
        if (array.size() > MAX_RULES) throw ApiException.badRequest("rules", ToneError.TOO_MANY, MAX_RULES);
        List<FieldError> errors = new ArrayList<>();
        List<ToneRule> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String tag = array.get(i).path("tag").asText("").strip();
            String tone = array.get(i).path("tone").asText("").strip();
            String at = "rules[" + i + "]";
            if (tag.isEmpty() || tag.length() > 100) errors.add(FieldError.of(at + ".tag", ToneError.TAG_LENGTH));
            else if (!seen.add(ToneAdvisor.norm(tag))) errors.add(FieldError.of(at + ".tag", ToneError.TAG_TWICE, tag));
            if (!Tone.IDS.contains(tone)) errors.add(FieldError.of(at + ".tone", ToneError.TONE, Tone.IDS, tone));
            out.add(new ToneRule(tag, tone));
        }
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        return out;
    }
}
