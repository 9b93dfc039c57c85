package com.replybook.kb.entries;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.vocabulary.Tone;
import com.replybook.kb.vocabulary.UnknownTermException;
import com.replybook.kb.vocabulary.Visibility;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.JsonFields;

import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Turns entry JSON into an {@link EntryDraft}, collecting every problem (type, required, length, pattern,
 * script syntax) as {@link FieldError}s rather than stopping at the first, so an editor or an import sees
 * all of them at once. Stateless and thread-safe.
 */
public final class EntryDraftParser {

    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9._-]{0,127}");
    static final int MAX_TEXT = 4_000;
    static final int MAX_PROBLEM = 2_000;
    static final int MAX_SCRIPT = 20_000;
    /** Ten Chinese SMS messages: a short version that is longer than that is not short. */
    static final int MAX_SMS_SCRIPT = 700;
    /** A public reply to a review is read by shoppers browsing the product: a few sentences. */
    static final int MAX_REVIEW_SCRIPT = 2_000;
    static final int MAX_ITEM = 500;
    /** The most questions an entry may have. */
    public static final int MAX_QUESTIONS = 200;
    static final int MAX_LIST = 50;
    private static final Set<String> KNOWN_FIELDS = Set.of("id", "key", "locale", "category", "tags", "problem",
            "questions", "cause", "script", "smsScript", "reviewScript", "diagnostics", "actions", "acceptedFallbacks",
            "status", "owner", "verifyEveryDays", "verifiedAt", "version", "createdAt", "createdBy", "updatedAt",
            "updatedBy", "stale",
            // what GET /entries/{ref} and its /pending show editors about the review loop, sent back unchanged
            "pending", "sentBack", "basedOn", "proposedBy", "proposedAt", "submittedAt",
            // scopes and tone versions (issue 20)
            "shops", "visibility", "toneScripts");
    /** An entry belongs to at most this many shops; more is every shop, which is an empty list. */
    static final int MAX_SHOPS = 50;

    private final ScriptCheck scriptCheck;
    private final KnownShops knownShops;

    /** A parser that accepts any shop key (tools and tests without shops). */
    public EntryDraftParser(ScriptCheck scriptCheck) {
        this(scriptCheck, KnownShops.ANY);
    }

    /** A parser that refuses shop keys {@code knownShops} does not know, naming the {@code shops} field. */
    public EntryDraftParser(ScriptCheck scriptCheck, KnownShops knownShops) {
        this.scriptCheck = scriptCheck;
        this.knownShops = knownShops;
    }

    /** The outcome: a draft when {@code errors} is empty. */
    public record Result(EntryDraft draft, List<FieldError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public Result parse(JsonNode json) {
        List<FieldError> errors = new ArrayList<>();
        if (json == null || !json.isObject()) {
            return new Result(null, List.of(FieldError.of(null, EntryError.NOT_OBJECT)));
        }
        json.fieldNames().forEachRemaining(name -> {
            if (!KNOWN_FIELDS.contains(name)) errors.add(FieldError.of(name, InputError.UNKNOWN_FIELD, name));
        });
        String key = JsonFields.text(json, "key", 128, true, errors);
        if (key != null && !KEY.matcher(key).matches()) {
            errors.add(FieldError.of("key", EntryError.KEY_PATTERN));
        }
        String locale = locale(JsonFields.text(json, "locale", 35, true, errors), errors);
        String category = category(JsonFields.text(json, "category", 200, true, errors), errors);
        List<String> tags = JsonFields.strings(json, "tags", MAX_LIST, 50, errors);
        String problem = JsonFields.text(json, "problem", MAX_PROBLEM, true, errors);
        List<String> questions = JsonFields.strings(json, "questions", MAX_QUESTIONS, MAX_ITEM, errors);
        String cause = JsonFields.text(json, "cause", MAX_TEXT, false, errors);
        List<String> shops = shops(json, errors); // before the scripts: they are checked by these shops' rules
        String script = JsonFields.text(json, "script", MAX_SCRIPT, true, errors);
        if (script != null) errors.addAll(located(scriptCheck.check("script", script, locale, shops)));
        String smsScript = channelVersion(json, "smsScript", MAX_SMS_SCRIPT, locale, shops, errors);
        String reviewScript = channelVersion(json, "reviewScript", MAX_REVIEW_SCRIPT, locale, shops, errors);
        List<String> diagnostics = JsonFields.strings(json, "diagnostics", MAX_LIST, MAX_ITEM, errors);
        List<String> actions = JsonFields.strings(json, "actions", MAX_LIST, MAX_ITEM, errors);
        List<String> acceptedFallbacks = AcceptedFallbacks.read(json, errors);
        EntryStatus status = status(json, errors);
        String owner = JsonFields.text(json, "owner", 100, false, errors);
        int verifyEvery = verifyEveryDays(json, errors);
        Visibility visibility = visibility(json, errors);
        Map<String, String> toneScripts = toneScripts(json, locale, shops, errors);
        if (visibility == Visibility.PERSONAL && !json.hasNonNull("status")) status = EntryStatus.PUBLISHED;
        if (visibility == Visibility.PERSONAL && status == EntryStatus.IN_REVIEW) {
            errors.add(FieldError.of("status", ScopeError.NOT_REVIEWED));
        }
        if (!errors.isEmpty()) return new Result(null, List.copyOf(errors));
        return new Result(new EntryDraft(key, locale, category, tags, problem, questions,
                cause == null ? "" : cause, script, smsScript, reviewScript, diagnostics, actions, acceptedFallbacks,
                status, owner, verifyEvery, shops, visibility, toneScripts), List.of());
    }

    /** The shop keys, each known; empty (every shop) when absent. */
    private List<String> shops(JsonNode json, List<FieldError> errors) {
        List<String> shops = JsonFields.strings(json, "shops", MAX_SHOPS, 64, errors);
        List<String> unknown = shops.stream().filter(k -> !knownShops.exists(k)).toList();
        if (!unknown.isEmpty()) {
            errors.add(FieldError.of("shops", ScopeError.SHOPS_UNKNOWN, String.join(", ", unknown)));
        }
        return shops.stream().sorted().toList();
    }

    private static Visibility visibility(JsonNode json, List<FieldError> errors) {
        JsonNode n = json.get("visibility");
        if (n == null || n.isNull()) return Visibility.TEAM;
        try {
            if (n.isTextual()) return Visibility.parse(n.asText());
        } catch (UnknownTermException e) {
            // reported below
        }
        errors.add(FieldError.of("visibility", ScopeError.VISIBILITY, String.join(", ", Visibility.IDS)));
        return Visibility.TEAM;
    }

    /**
     * The tone versions: an object of tone id → script, each checked like the script (sandbox and wording) and its
     * problems named {@code toneScripts.<tone>}; blank versions are left out.
     */
    private Map<String, String> toneScripts(JsonNode json, String locale, List<String> shops, List<FieldError> errors) {
        JsonNode n = json.get(ScriptVersions.TONE_FIELD);
        Map<String, String> out = new TreeMap<>();
        if (n == null || n.isNull()) return out;
        if (!n.isObject()) {
            errors.add(FieldError.of(ScriptVersions.TONE_FIELD, InputError.FIELD_NOT_OBJECT, ScriptVersions.TONE_FIELD));
            return out;
        }
        n.fields().forEachRemaining(e -> {
            String field = ScriptVersions.TONE_FIELD + "." + e.getKey();
            if (!Tone.IDS.contains(e.getKey())) {
                errors.add(FieldError.of(field, ScopeError.TONE_UNKNOWN, e.getKey(), String.join(", ", Tone.IDS)));
            } else if (!e.getValue().isTextual()) {
                errors.add(FieldError.of(field, InputError.NOT_STRING, field));
            } else if (e.getValue().asText().strip().length() > MAX_SCRIPT) {
                errors.add(FieldError.of(field, InputError.TOO_LONG, field, MAX_SCRIPT));
            } else if (!e.getValue().asText().isBlank()) {
                String text = e.getValue().asText().strip();
                errors.addAll(located(scriptCheck.check(field, text, locale, shops)));
                out.put(e.getKey(), text);
            }
        });
        return out;
    }

    /** An optional channel version of the script: checked like the script, its problems named by {@code field}. */
    private String channelVersion(JsonNode json, String field, int max, String locale, List<String> shops,
                                  List<FieldError> errors) {
        String text = JsonFields.text(json, field, max, false, errors);
        if (text != null && !text.isBlank()) errors.addAll(located(scriptCheck.check(field, text, locale, shops)));
        return text;
    }

    /** The check's problems with their place in the message too, for clients that show only the message. */
    private static List<FieldError> located(List<FieldError> problems) {
        return problems.stream().map(p -> p.line() == null ? p : new FieldError(p.field(),
                p.message() + " (line " + p.line() + ", column " + p.column() + ")", p.line(), p.column(), p.reason(),
                p.args())).toList();
    }

    /** Normalises the BCP 47 tag ({@code zh-cn} → {@code zh-CN}). */
    private static String locale(String raw, List<FieldError> errors) {
        if (raw == null || raw.isEmpty()) return raw;
        try {
            Locale l = new Locale.Builder().setLanguageTag(raw.replace('_', '-')).build();
            if (l.getLanguage().isEmpty()) throw new IllformedLocaleException("no language");
            return l.toLanguageTag();
        } catch (IllformedLocaleException e) {
            errors.add(FieldError.of("locale", EntryError.LOCALE));
            return raw;
        }
    }

    /** Normalises {@code " 物流 / 延误 "} to {@code 物流/延误}; empty segments are an error. */
    private static String category(String raw, List<FieldError> errors) {
        if (raw == null || raw.isEmpty()) return raw;
        String[] parts = raw.split("/", -1);
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                errors.add(FieldError.of("category", EntryError.CATEGORY));
                return raw;
            }
            if (!sb.isEmpty()) sb.append('/');
            sb.append(p);
        }
        return sb.toString();
    }

    private static EntryStatus status(JsonNode json, List<FieldError> errors) {
        JsonNode n = json.get("status");
        if (n == null || n.isNull()) return EntryStatus.DRAFT;
        EntryStatus s = n.isTextual() ? EntryStatus.fromWire(n.asText()) : null;
        if (s == null) errors.add(FieldError.of("status", EntryError.STATUS));
        return s;
    }

    private static int verifyEveryDays(JsonNode json, List<FieldError> errors) {
        JsonNode n = json.get("verifyEveryDays");
        if (n == null || n.isNull()) return Entry.DEFAULT_VERIFY_EVERY_DAYS;
        if (!n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() < 0 || n.asInt() > 3650) {
            errors.add(FieldError.of("verifyEveryDays", EntryError.VERIFY_EVERY_DAYS));
            return Entry.DEFAULT_VERIFY_EVERY_DAYS;
        }
        return n.asInt();
    }
}
