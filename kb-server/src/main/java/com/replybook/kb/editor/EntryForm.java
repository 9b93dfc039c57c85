package com.replybook.kb.editor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.AcceptedFallbacks;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.entries.ScriptVersions;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.vocabulary.Tone;
import com.replybook.kb.vocabulary.Visibility;
import com.replybook.kb.web.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The entry editor's fields as the user typed them. Kept verbatim so that a page shown again after an error
 * or a conflict loses none of the user's text; turned into entry JSON for {@code EntryDraftParser}, which
 * does all validation (so the console and the API accept exactly the same entries).
 */
final class EntryForm {

    /** The list fields, edited as one input per item. */
    static final List<String> LIST_FIELDS = List.of("questions", "diagnostics", "actions");
    /** The variables whose stand-in word the entry accepts: one checkbox each. */
    static final String ACCEPTED_FALLBACKS = "acceptedFallbacks";
    static final List<String> TEXT_FIELDS = List.of("key", "locale", "category", "tags", "problem", "cause",
            "script", "smsScript", "reviewScript", "owner", "verifyEveryDays");

    /** The form field of one tone's script version: {@code toneScripts.formal}. */
    static final String TONE_PREFIX = ScriptVersions.TONE_FIELD + ".";
    /** The tones an entry may have its own version for (the standard tone is the script itself). */
    static final List<String> VERSION_TONES = Tone.IDS.stream().filter(t -> !t.equals(Tone.STANDARD.id())).toList();

    private final Map<String, Object> values = new LinkedHashMap<>();

    static EntryForm fromRequest(Page p) {
        EntryForm f = new EntryForm();
        for (String field : TEXT_FIELDS) f.values.put(field, p.raw(field));
        f.values.put(ACCEPTED_FALLBACKS, AcceptedFallbacks.ordered(p.params(ACCEPTED_FALLBACKS)));
        for (String field : LIST_FIELDS) {
            List<String> items = new ArrayList<>();
            for (String v : p.params(field)) if (!v.isBlank()) items.add(v.strip());
            f.values.put(field, items);
        }
        f.values.put("shops", p.params("shops").stream().filter(s -> !s.isBlank()).map(String::strip).sorted().toList());
        String visibility = p.raw("visibility");
        f.values.put("visibility", visibility == null || visibility.isBlank() ? Visibility.TEAM.id() : visibility);
        Map<String, String> tones = new TreeMap<>();
        for (String tone : VERSION_TONES) {
            String text = p.raw(TONE_PREFIX + tone);
            tones.put(tone, text == null ? "" : text);
        }
        f.values.put("toneScripts", tones);
        return f;
    }

    static EntryForm of(Entry e) {
        EntryForm f = new EntryForm();
        f.values.put("key", e.key());
        f.values.put("locale", e.locale());
        f.values.put("category", e.category());
        f.values.put("tags", String.join(", ", e.tags()));
        f.values.put("problem", e.problem());
        f.values.put("cause", e.cause());
        f.values.put("script", e.script());
        f.values.put("smsScript", e.smsScript());
        f.values.put("reviewScript", e.reviewScript());
        f.values.put("owner", e.owner() == null ? "" : e.owner());
        f.values.put("verifyEveryDays", String.valueOf(e.verifyEveryDays()));
        f.values.put("questions", e.questions());
        f.values.put("diagnostics", e.diagnostics());
        f.values.put("actions", e.actions());
        f.values.put(ACCEPTED_FALLBACKS, e.acceptedFallbacks());
        f.values.put("shops", e.shops());
        f.values.put("visibility", e.visibility().id());
        Map<String, String> tones = new TreeMap<>();
        for (String tone : VERSION_TONES) tones.put(tone, e.toneScripts().getOrDefault(tone, ""));
        f.values.put("toneScripts", tones);
        return f;
    }

    static EntryForm blank(String owner) {
        EntryForm f = new EntryForm();
        for (String field : TEXT_FIELDS) f.values.put(field, "");
        for (String field : LIST_FIELDS) f.values.put(field, List.of());
        f.values.put(ACCEPTED_FALLBACKS, List.of());
        f.values.put("locale", SupportedLocale.HOME.tag());
        f.values.put("owner", owner);
        f.values.put("verifyEveryDays", String.valueOf(Entry.DEFAULT_VERIFY_EVERY_DAYS));
        f.values.put("shops", List.of());
        f.values.put("visibility", Visibility.TEAM.id());
        Map<String, String> tones = new TreeMap<>();
        for (String tone : VERSION_TONES) tones.put(tone, "");
        f.values.put("toneScripts", tones);
        return f;
    }

    /** The values for the template: strings, and lists of strings for {@link #LIST_FIELDS}. */
    Map<String, Object> values() {
        return values;
    }

    /** Entry JSON with {@code status}; blank optional fields are left out so the parser applies defaults. */
    ObjectNode toJson(EntryStatus status) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        for (String field : List.of("key", "locale", "category", "problem", "cause", "script", "smsScript",
                "reviewScript")) {
            o.put(field, (String) values.get(field));
        }
        String owner = ((String) values.get("owner")).strip();
        if (!owner.isEmpty()) o.put("owner", owner);
        ArrayNode tags = o.putArray("tags");
        for (String t : ((String) values.get("tags")).split("[,，、]")) if (!t.isBlank()) tags.add(t.strip());
        for (String field : LIST_FIELDS) {
            ArrayNode a = o.putArray(field);
            for (Object item : (List<?>) values.get(field)) a.add((String) item);
        }
        ArrayNode accepted = o.putArray(ACCEPTED_FALLBACKS);
        for (Object variable : (List<?>) values.get(ACCEPTED_FALLBACKS)) accepted.add((String) variable);
        String every = ((String) values.get("verifyEveryDays")).strip();
        if (every.matches("\\d{1,9}")) o.put("verifyEveryDays", Integer.parseInt(every));
        else if (!every.isEmpty()) o.put("verifyEveryDays", every);
        ArrayNode shops = o.putArray("shops");
        for (Object shop : (List<?>) values.get("shops")) shops.add((String) shop);
        o.put("visibility", (String) values.get("visibility"));
        ObjectNode tones = o.putObject(ScriptVersions.TONE_FIELD);
        ((Map<?, ?>) values.get("toneScripts")).forEach((tone, text) -> {
            if (!((String) text).isBlank()) tones.put((String) tone, (String) text);
        });
        o.put("status", status.wire());
        return o;
    }
}
