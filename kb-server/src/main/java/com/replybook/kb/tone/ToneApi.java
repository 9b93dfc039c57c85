package com.replybook.kb.tone;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
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
 * {@code POST /api/v1/tone/suggest {tags, text, channel}} → {@code {tone, emotion, matchedTag}} (any role);
 * {@code GET /api/v1/tone/mapping} → {@code {rules:[{tag,tone}], tones:[…]}} (any role);
 * {@code PUT /api/v1/tone/mapping {rules:[{tag,tone}]}} replaces the mapping (admin).
 */
final class ToneApi {

    static final int MAX_RULES = 500;
    static final int MAX_TEXT = 20_000;

    private final ToneRules rules;
    private final ToneAdvisor advisor;

    ToneApi(ToneRules rules, ToneAdvisor advisor) {
        this.rules = rules;
        this.advisor = advisor;
    }

    void routes(Router<ApiCall> api) {
        api.post("/api/v1/tone/suggest", this::suggest)
                .get("/api/v1/tone/mapping", this::mapping)
                .put("/api/v1/tone/mapping", this::replaceMapping);
    }

    private void suggest(ApiCall call) throws IOException {
        Principal.of(call).require(Role.AGENT);
        JsonNode body = call.readObject();
        String text = body.path("text").asText("");
        if (text.length() > MAX_TEXT) text = text.substring(text.length() - MAX_TEXT); // the latest part matters most
        List<String> tags = new ArrayList<>();
        JsonNode t = body.path("tags");
        if (!t.isMissingNode() && !t.isNull() && !t.isArray()) throw ApiException.badRequest("tags", InputError.NOT_ARRAY, "tags");
        t.forEach(n -> tags.add(n.asText()));
        ToneAdvisor.Suggestion s = advisor.suggest(tags, text);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tone", s.tone());
        out.put("emotion", s.emotion());
        out.put("matchedTag", s.matchedTag());
        call.json(200, out);
    }

    private void mapping(ApiCall call) throws IOException {
        Principal.of(call).require(Role.AGENT);
        call.json(200, Map.of("rules", rules.all(), "tones", Tone.IDS));
    }

    private void replaceMapping(ApiCall call) throws IOException {
        Principal p = Principal.of(call).require(Role.ADMIN);
        List<ToneRule> parsed = parseRules(call.readObject().path("rules"));
        rules.replace(parsed, p.username());
        call.json(200, Map.of("rules", rules.all(), "tones", Tone.IDS));
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
