package com.replybook.kb.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.AcceptedFallbacks;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.ScriptVersions;
import com.replybook.kb.entries.ScopeError;
import com.replybook.kb.shops.Shop;
import com.replybook.kb.shops.Shops;
import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.Tone;
import com.replybook.kb.vocabulary.UnknownTermException;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Json;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP side of rendering: {@code POST /api/v1/entries/{ref}/render} (any signed-in user, for the entry
 * they may see) and {@code POST /api/v1/render} (editors previewing an unsaved script). Both take
 * {@code {"tone","channel","locale","emotion","context":{…},"greeting":true}} and answer {@code {"text","html","warnings",…}}.
 * An SMS is rendered from the entry's short SMS version when it has one ({@code smsScript}), a reply to a review
 * from its public version ({@code reviewScript}), everything else from its script.
 */
final class RenderApi {

    private final ScriptRenderer renderer;
    private final Shops shops;

    RenderApi(ScriptRenderer renderer, Shops shops) {
        this.renderer = renderer;
        this.shops = shops;
    }

    void routes(Router<ApiCall> api) {
        api.post("/api/v1/render", this::renderScript);
    }

    /**
     * {@code POST /api/v1/entries/{ref}/render}, served through the entries feature (which found the entry and checked
     * that the caller may read it). With a {@code shop} (in the body or the query), the entry must be of that shop or
     * of every shop ("not found" otherwise, as in a search of that shop).
     */
    void renderEntry(Entry entry, ApiCall call) throws IOException {
        JsonNode body = call.readObject();
        Shop shop = shop(call, body);
        if (shop != null && !entry.shops().isEmpty() && !entry.shops().contains(shop.key())) {
            throw ApiException.notFound(ScopeError.NOT_IN_SHOP, call.path("ref"), shop.key());
        }
        call.json(200, render(entry.scripts(), entry.locale(), entry.category(), Set.copyOf(entry.acceptedFallbacks()),
                body, Principal.of(call).username(), shop));
    }

    /** The shop a render names in its body or query ({@code shop}), checked; null when none. */
    private Shop shop(ApiCall call, JsonNode body) {
        String inBody = text(body, "shop");
        String inQuery = call.query("shop");
        if (inBody != null && inQuery != null && !inBody.strip().equals(inQuery)) {
            throw ApiException.badRequest("shop", ScopeError.SHOP_TWICE, inBody, inQuery);
        }
        String key = shops.requested(Principal.of(call), inBody != null ? inBody : inQuery, "shop");
        return key == null ? null : shops.find(key).orElseThrow();
    }

    private void renderScript(ApiCall call) throws IOException {
        Principal caller = Principal.of(call).require(Role.EDITOR);
        JsonNode body = call.readObject();
        JsonNode script = body.get("script");
        if (script == null || !script.isTextual()) throw ApiException.badRequest("script", InputError.NOT_STRING, "script");
        Shop shop = shop(call, body);
        ScriptVersions scripts = new ScriptVersions(script.asText(), text(body, "smsScript"), text(body, "reviewScript"),
                toneScripts(body));
        call.json(200, render(scripts, null, text(body, "category"), acceptedFallbacks(body), body, caller.username(),
                shop));
    }

    /** The reply from the version for the body's channel and tone, in {@code shop}'s voice when one is named. */
    private RenderResult render(ScriptVersions scripts, String entryLocale, String category,
                                Set<String> acceptedFallbacks, JsonNode body, String caller, Shop shop) {
        String locale = text(body, "locale");
        String channel = text(body, "channel");
        ScriptVersions.Chosen source = null;
        try {
            String channelId = Channel.parse(channel).id();
            String toneId = Tone.parse(text(body, "tone")).id();
            source = scripts.forReply(channelId, toneId);
            RenderResult result = renderer.render(new RenderRequest(source.text(), locale != null ? locale : entryLocale,
                    text(body, "tone"), channel, text(body, "emotion"), context(body, shop), category, acceptedFallbacks,
                    greeting(body), voice(shop, toneId)), caller);
            return result.withWarningsFirst(scripts.notes(channelId));
        } catch (InvalidRenderRequestException e) {
            throw ApiException.badRequest(e.field(), InputError.UNKNOWN_TERM, e.field()).withMessage(e.getMessage());
        } catch (UnknownTermException e) {
            throw ApiException.badRequest(e.field(), InputError.UNKNOWN_TERM, e.field()).withMessage(e.getMessage());
        } catch (ScriptRejectedException e) {
            String field = source.field();
            List<FieldError> problems = e.problems().stream().map(p -> p.toFieldError(field)).toList();
            throw ApiException.invalid(problems);
        } catch (RendererBusyException e) {
            String retryAfter = Long.toString(e.retryAfter().toSeconds());
            throw e.callersShare()
                    ? ApiException.of(429, "too_many_requests", null, InputError.TOO_MANY_IN_PROGRESS, null)
                            .withHeader("Retry-After", retryAfter)
                    : ApiException.of(503, "busy", null, InputError.BUSY, null).withHeader("Retry-After", retryAfter);
        }
    }

    /** The unsaved tone versions an editor previews: {@code {"toneScripts":{"formal":"…"}}}; none when absent. */
    private static Map<String, String> toneScripts(JsonNode body) {
        JsonNode n = body.get(ScriptVersions.TONE_FIELD);
        if (n == null || n.isNull()) return Map.of();
        if (!n.isObject()) {
            throw ApiException.badRequest(ScriptVersions.TONE_FIELD, InputError.FIELD_NOT_OBJECT, ScriptVersions.TONE_FIELD);
        }
        Map<String, String> out = new java.util.TreeMap<>();
        n.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                String field = ScriptVersions.TONE_FIELD + "." + e.getKey();
                throw ApiException.badRequest(field, InputError.NOT_STRING, field);
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    /** {@code shop}'s voice in {@code tone}; {@link Voice#NONE} without a shop. */
    private static Voice voice(Shop shop, String tone) {
        return shop == null ? Voice.NONE
                : new Voice(shop.key(), shop.name(), shop.signature(), shop.greetings().get(tone),
                shop.closings().get(tone), shop.layouts());
    }

    /** The ticket's values, with {@code shop.name} set to {@code shop}'s name when the ticket names none. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(JsonNode body, Shop shop) {
        JsonNode ctx = body.get("context");
        if (ctx != null && !ctx.isNull() && !ctx.isObject()) {
            throw ApiException.badRequest("context", InputError.FIELD_NOT_OBJECT, "context");
        }
        Map<String, Object> out = ctx == null || ctx.isNull() ? new java.util.HashMap<>()
                : Json.MAPPER.convertValue(ctx, Map.class);
        if (shop != null && !(out.get("shop") instanceof Map<?, ?> given && given.get("name") != null)) {
            Map<String, Object> named = new java.util.HashMap<>();
            if (out.get("shop") instanceof Map<?, ?> given) given.forEach((k, v) -> named.put(String.valueOf(k), v));
            named.put("name", shop.name());
            out.put("shop", named);
        }
        return out;
    }

    /** {@code greeting}: false renders the reply without the tone's greeting; default true. */
    private static boolean greeting(JsonNode body) {
        JsonNode n = body.get("greeting");
        if (n == null || n.isNull()) return true;
        if (!n.isBoolean()) throw ApiException.badRequest("greeting", InputError.NOT_BOOLEAN, "greeting");
        return n.asBoolean();
    }

    /** An unsaved script's {@code acceptedFallbacks}, checked as an entry's are. */
    private static Set<String> acceptedFallbacks(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        List<String> accepted = AcceptedFallbacks.read(body, errors);
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        return Set.copyOf(accepted);
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw ApiException.badRequest(field, InputError.NOT_STRING, field);
        return n.asText();
    }
}
