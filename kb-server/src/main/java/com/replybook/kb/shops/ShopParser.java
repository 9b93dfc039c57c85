package com.replybook.kb.shops;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.entries.ScopeError;
import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.vocabulary.Tone;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.JsonFields;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns shop JSON into a {@link ShopDraft}, collecting every problem as a {@link FieldError} naming its field
 * ({@code key}, {@code locales[1]}, {@code greetings.lively}, {@code layouts.channel/chat.zh-CN.ftl}). Thread-safe.
 */
final class ShopParser {

    /** A shop key: lower-case letters, digits, {@code -} and {@code _}, e.g. {@code tmall-flagship}. */
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    static final int MAX_NAME = 200;
    static final int MAX_SIGNATURE = 1_000;
    static final int MAX_LINE = 500;
    static final int MAX_LAYOUT = 20_000;
    private static final Set<String> FIELDS = Set.of("key", "name", "locales", "signature", "greetings", "closings",
            "layouts", "version", "createdAt", "createdBy", "updatedAt", "updatedBy");

    private final VoiceCheck voice;

    ShopParser(VoiceCheck voice) {
        this.voice = voice;
    }

    /** The draft in {@code json}, or 422 listing every problem. */
    ShopDraft parse(JsonNode json) {
        List<FieldError> errors = new ArrayList<>();
        json.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) errors.add(FieldError.of(name, InputError.UNKNOWN_FIELD, name));
        });
        String key = JsonFields.text(json, "key", 64, true, errors);
        if (key != null && !key.isEmpty() && !KEY.matcher(key).matches()) {
            errors.add(FieldError.of("key", ShopError.KEY_PATTERN));
        }
        String name = JsonFields.text(json, "name", MAX_NAME, true, errors);
        List<String> locales = locales(json, errors);
        String signature = JsonFields.text(json, "signature", MAX_SIGNATURE, false, errors);
        Map<String, String> greetings = perTone(json, "greetings", errors);
        Map<String, String> closings = perTone(json, "closings", errors);
        Map<String, String> layouts = layouts(json, errors);
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        return new ShopDraft(key, name, locales, signature == null ? "" : signature, greetings, closings, layouts);
    }

    private static List<String> locales(JsonNode json, List<FieldError> errors) {
        List<String> given = JsonFields.strings(json, "locales", SupportedLocale.TAGS.size(), 35, errors);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            if (SupportedLocale.TAGS.contains(given.get(i))) out.add(given.get(i));
            else errors.add(FieldError.of("locales", ShopError.LOCALE, given.get(i), String.join(", ", SupportedLocale.TAGS)));
        }
        return List.copyOf(out);
    }

    /** An object of tone id → template line, each checked in the sandbox. */
    private Map<String, String> perTone(JsonNode json, String field, List<FieldError> errors) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : textsByName(json, field, MAX_LINE, errors).entrySet()) {
            String at = field + "." + e.getKey();
            if (!Tone.IDS.contains(e.getKey())) {
                errors.add(FieldError.of(at, ScopeError.TONE_UNKNOWN, e.getKey(), String.join(", ", Tone.IDS)));
            } else if (!e.getValue().isBlank()) {
                errors.addAll(voice.line(at, e.getValue()));
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** An object of layout path → template, each a path the renderer has and checked in the sandbox. */
    private Map<String, String> layouts(JsonNode json, List<FieldError> errors) {
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : textsByName(json, "layouts", MAX_LAYOUT, errors).entrySet()) {
            String at = "layouts." + e.getKey();
            if (e.getKey().startsWith("tone/")) {
                errors.add(FieldError.of(at, ShopError.TONE_LAYOUT));
            } else if (!LAYOUT_PATHS.contains(e.getKey())) {
                errors.add(FieldError.of(at, ShopError.NOT_A_LAYOUT, e.getKey()));
            } else if (!e.getValue().isBlank()) {
                errors.addAll(voice.layout(at, e.getKey(), e.getValue()));
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static Map<String, String> textsByName(JsonNode json, String field, int max, List<FieldError> errors) {
        JsonNode n = json.get(field);
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null || n.isNull()) return out;
        if (!n.isObject()) {
            errors.add(FieldError.of(field, InputError.FIELD_NOT_OBJECT, field));
            return out;
        }
        n.fields().forEachRemaining(e -> {
            String at = field + "." + e.getKey();
            if (!e.getValue().isTextual()) errors.add(FieldError.of(at, InputError.NOT_STRING, at));
            else if (e.getValue().asText().length() > max) errors.add(FieldError.of(at, InputError.TOO_LONG, at, max));
            else out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    /**
     * Every layout a shop may override: each channel layout of each locale, and the HTML email. Tone layouts assign
     * their parts, which scripts may not; a shop's tone is its greetings, closings and signature instead.
     */
    static final Set<String> LAYOUT_PATHS = layoutPaths();

    private static Set<String> layoutPaths() {
        Set<String> paths = new HashSet<>();
        for (String locale : SupportedLocale.TAGS) {
            for (String channel : Channel.IDS) paths.add("channel/" + channel + "." + locale + ".ftl");
            paths.add("channel/" + Channel.EMAIL.id() + "." + locale + ".ftlh");
        }
        return Set.copyOf(paths);
    }
}
