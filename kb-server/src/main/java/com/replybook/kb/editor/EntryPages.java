package com.replybook.kb.editor;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.FormErrors;
import com.replybook.kb.console.Messages;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.EntriesModule;
import com.replybook.kb.entries.AcceptedFallbacks;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryAccess;
import com.replybook.kb.entries.EntryDraftParser;
import com.replybook.kb.entries.EntryError;
import com.replybook.kb.entries.EntryPolicy;
import com.replybook.kb.entries.EntryReview;
import com.replybook.kb.entries.EntryScope;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.entries.PendingRevision;
import com.replybook.kb.entries.ReviewQueue;
import com.replybook.kb.search.SuggestedQuestions;
import com.replybook.kb.shops.Shops;
import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.ScriptVariables;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.vocabulary.Tone;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries list and the entry editor with its workflow buttons. Every write goes through
 * {@link EntryStore} with the version the page was loaded at, so a concurrent change is refused (409) and
 * the page comes back with the user's text intact and the other person's changes shown beside it.
 */
final class EntryPages {

    private final EntryStore store;
    private final EntryReview review;
    private final ReviewQueue queue;
    private final EntryWorkflow workflow;
    private final EntryDraftParser parser;
    private final EntryFinder finder;
    private final Shops shops;
    private final Clock clock;
    private final ScriptPreview preview;
    private final SuggestedQuestions questions;

    EntryPages(EntriesModule entries, EntryFinder finder, Shops shops, EntryPolicy policy, Clock clock,
               ScriptPreview preview, SuggestedQuestions questions) {
        this.store = entries.store();
        this.review = entries.review();
        this.queue = entries.queue();
        this.workflow = new EntryWorkflow(store, review, policy);
        this.parser = entries.parser();
        this.finder = finder;
        this.shops = shops;
        this.clock = clock;
        this.preview = preview;
        this.questions = questions;
    }

    void routes(Router<Page> r) {
        r.get("/entries", this::list)
                .get("/entries/new", this::newForm)
                .get("/entries/key-suggestion", this::suggestKey)
                .post("/entries/new", this::create)
                .get("/entries/{id}", this::edit)
                .post("/entries/{id}", this::save);
    }

    private void list(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        int page = p.longParam("page").map(Long::intValue).filter(n -> n >= 1).orElse(1);
        EntryScope scope = EntryScope.of(me, shops.requested(me, p.param("shop"), "shop"));
        EntryFinder.Filter f = new EntryFinder.Filter(p.param("status"), p.param("category"), p.param("locale"),
                p.param("owner"), p.param("tag"), p.param("stale") != null, p.param("missing"), p.param("q"), page,
                scope);
        EntryFinder.Result result = finder.find(f, clock.instant());
        Map<String, Object> m = new HashMap<>();
        m.put("filter", f);
        m.put("rows", result.rows());
        m.put("weaker", result.weaker());
        m.put("total", result.total());
        m.put("noGoodMatch", result.rows().isEmpty() && !result.weaker().isEmpty()); // the search only came close
        m.put("page", page);
        m.put("pages", Math.max(1, (result.total() + EntryFinder.PAGE_SIZE - 1) / EntryFinder.PAGE_SIZE));
        m.put("statuses", statuses());
        m.put("query", queryWithout(p, "page"));
        m.put("pending", pendingFlags());
        m.put("shopChoices", shops.of(me));
        p.render("entries/list.ftlh", m);
    }

    /** The status ({@code draft}, {@code in_review}) of each live entry's pending change, by entry id. */
    private Map<String, String> pendingFlags() {
        Map<String, String> flags = new HashMap<>();
        queue.pendingStatuses().forEach((id, status) -> flags.put(id, status.wire()));
        return flags;
    }

    private void newForm(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        EntryForm form = EntryForm.blank(me.username());
        String question = p.param("question"); // a search that found nothing, from the insights page
        if (question != null && !question.isBlank()) {
            form.values().put("problem", question.strip());
            form.values().put("questions", List.of(question.strip()));
        }
        String from = p.param("from");
        if (from != null) {
            Entry source = existing(from, me);
            form = EntryForm.of(source);
            String locale = p.param("locale") == null ? "en" : p.param("locale");
            form.values().put("locale", locale);
            form.values().put("key", EntryFinder.baseKey(source.key()) + "." + locale.toLowerCase());
        }
        editor(p, 200, form, null, Map.of(), List.of(), null);
    }

    /** {@code GET /console/entries/key-suggestion?problem=…&locale=…}: {@code {"key":"baoguo-mei-shoudao.zh-cn"}}. */
    private void suggestKey(Page p) throws IOException {
        p.require(Role.EDITOR);
        String problem = p.param("problem");
        String key = problem == null || problem.length() > 2_000 ? ""
                : KeySuggestion.suggest(problem, p.param("locale"), k -> store.find(k).isPresent());
        p.json(200, Map.of("key", key));
    }

    private void create(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        EntryForm form = EntryForm.fromRequest(p);
        EntryStatus status = "submit".equals(p.param("action")) ? EntryStatus.IN_REVIEW : EntryStatus.DRAFT;
        EntryDraftParser.Result r = parser.parse(form.toJson(status));
        if (!r.ok()) {
            editor(p, 422, form, null, FormErrors.byField(unplaced(r.errors()), p.messages()), placed(r.errors()), null);
            return;
        }
        try {
            EntryAccess.checkWrite(me, null, r.draft());
        } catch (ApiException e) {
            editor(p, e.status(), form, null, Map.of("shops", List.of(p.messages().get("entry.shops.forbidden"))),
                    List.of(), null);
            return;
        }
        try {
            // a personal snippet is never reviewed: it is its owner's as soon as it is saved
            Entry e = store.create(r.draft().personal() ? r.draft().withStatus(EntryStatus.PUBLISHED) : r.draft(),
                    me.username());
            p.redirect("entries/" + e.id(), status == EntryStatus.IN_REVIEW ? "flash.submitted" : "flash.saved");
        } catch (ApiException e) {
            if (e.status() != 409) throw e;
            editor(p, 409, form, null, FormErrors.byField(List.of(e.toFieldError("key")), p.messages()), List.of(), null);
        }
    }

    private void edit(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        Entry e = existing(p.path("id"), me);
        editor(p, 200, EntryForm.of(workingCopy(e)), e, Map.of(), List.of(), null);
    }

    /**
     * One form, several buttons: {@code action} = save, propose, submit, publish, sendback, archive, discard
     * ({@link EntryWorkflow}) or verify. A refused step (validation, role, a concurrent change, a step that no longer
     * fits) shows the page again with the user's text intact and the reason next to the buttons.
     */
    private void save(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        Entry current = existing(p.path("id"), me);
        String action = p.param("action") == null ? "save" : p.param("action");
        long version = expectedVersion(p);
        if (action.equals("verify")) {
            EntryAccess.checkChange(me, current);
            store.verify(current.id(), version, me.username());
            p.redirect("entries/" + current.id(), "flash.verified");
            return;
        }
        EntryForm form = EntryForm.fromRequest(p);
        EntryDraftParser.Result r = parser.parse(form.toJson(EntryStatus.DRAFT));
        if (!r.ok()) {
            editor(p, 422, form, current, FormErrors.byField(unplaced(r.errors()), p.messages()), placed(r.errors()), null);
            return;
        }
        try {
            Entry after = workflow.apply(me, current, action, r.draft(), version, p.param("comment"));
            boolean nothing = after.version() == version && !action.equals("save");
            p.redirect("entries/" + current.id(), nothing ? "flash.nothingChanged" : "flash." + action);
        } catch (ApiException e) {
            refused(p, e, form, current);
        }
    }

    /** Shows the editor again after a refused step, the user's text kept, the reason where they acted. */
    private void refused(Page p, ApiException e, EntryForm form, Entry before) throws IOException {
        Entry now = existing(before.id(), p.me());
        Map<String, String> keys = Map.of("comment", e.status() == 422 && e.details().containsKey("max")
                ? "workflow.commentTooLong" : "workflow.commentRequired", "key", "entry.keyTaken");
        String field = e.field() != null ? e.field() : (String) e.details().get("field"); // a taken key is a 409
        if (field != null && keys.containsKey(field) && (e.status() == 422 || e.status() == 409)) {
            editor(p, e.status(), form, now, Map.of(field, List.of(p.messages().get(keys.get(field)))), List.of(), null);
        } else if (e.status() == 403 && "shops".equals(field)) {
            editor(p, 403, form, now, Map.of("shops", List.of(p.messages().get("entry.shops.forbidden"))), List.of(), null);
        } else if (e.status() == 422 && "visibility".equals(field)) {
            editor(p, 422, form, now, Map.of("workflow", List.of(p.messages().get("entry.personal.notReviewed"))),
                    List.of(), null);
        } else if (e.status() == 403) {
            editor(p, 403, form, now, Map.of("workflow", List.of(p.messages().get("workflow.forbidden"))), List.of(), null);
        } else if (e.status() == 409 && e.details().containsKey("status")) {
            editor(p, 409, form, now, Map.of("workflow", List.of(p.messages().get("workflow.notNow",
                    p.messages().get("status." + now.status().wire())))), List.of(), null);
        } else if (e.status() == 409) {
            editor(p, 409, form, now, Map.of(), List.of(), conflict(form, workingCopy(now), now.version()));
        } else {
            throw e;
        }
    }

    /** The text the editor page edits: the pending revision of a live entry when it has one, else the entry. */
    private Entry workingCopy(Entry e) {
        return review.pending(e.id()).map(PendingRevision::entry).orElse(e);
    }

    /** The version the user's page was based on, or, after they confirmed a conflict, the version they saw. */
    private static long expectedVersion(Page p) {
        if (p.param("confirmOverwrite") != null && p.param("overwriteVersion") != null) {
            return p.longParam("overwriteVersion").orElseThrow();
        }
        return p.longParam("version").orElseThrow(() -> ApiException.badRequest("version", InputError.REQUIRED, "version"));
    }

    /** The fields where the stored entry now differs from what the user submitted. */
    private static Map<String, Object> conflict(EntryForm mine, Entry theirs, long version) {
        Map<String, Object> theirValues = EntryForm.of(theirs).values();
        List<Map<String, Object>> fields = new ArrayList<>();
        for (Map.Entry<String, Object> f : mine.values().entrySet()) {
            Object other = theirValues.get(f.getKey());
            if (!String.valueOf(norm(other)).equals(String.valueOf(norm(f.getValue())))) {
                fields.add(Map.of("field", f.getKey(), "theirs", display(other), "mine", display(f.getValue())));
            }
        }
        return Map.of("version", version, "by", theirs.updatedBy(), "at", theirs.updatedAt(), "fields", fields);
    }

    private static Object norm(Object v) {
        return v instanceof String s ? s.strip() : v;
    }

    private static String display(Object v) {
        return v instanceof List<?> l ? String.join("\n", l.stream().map(String::valueOf).toList()) : String.valueOf(v);
    }

    private void editor(Page p, int status, EntryForm form, Entry entry, Map<String, List<String>> errors,
                        List<FieldError> scriptProblems, Map<String, Object> conflict) throws IOException {
        Map<String, Object> m = new HashMap<>();
        m.put("form", form.values());
        m.put("entry", entry);
        m.put("errors", errors);
        m.put("scriptProblems", scriptProblems);
        m.put("conflict", conflict);
        m.put("variables", ScriptVariables.ALL);
        m.put("fallbackVariables", AcceptedFallbacks.ordered(ScriptVariables.WITH_FALLBACK));
        m.put("sampleValues", preview.sampleValues(String.valueOf(form.values().get("locale"))));
        m.put("tones", Tone.IDS);
        m.put("channels", Channel.IDS);
        List<Map<String, Object>> versions = entry == null ? List.of() : versions(entry, p.me());
        m.put("versions", versions);
        m.put("missingLocales", missingLocales(versions));
        m.put("stale", entry != null && entry.isStale(clock.instant()));
        m.put("canPublish", p.me().can(Role.LEAD));
        m.put("reviewState", entry == null ? EntryReview.ReviewState.NONE : review.state(entry.id()));
        m.put("localeChoices", Messages.SUPPORTED);
        m.put("suggestedQuestions", entry == null || !EntryAccess.mayChange(p.me(), entry) ? List.of()
                : questions.of(entry));
        m.put("shopChoices", shops.of(p.me()));
        m.put("versionTones", EntryForm.VERSION_TONES);
        p.render(status, "entries/edit.ftlh", m);
    }

    /** Locale versions of the entry with a flag on translations older than their source (the zh-CN text). */
    private List<Map<String, Object>> versions(Entry e, Principal me) {
        List<EntryFinder.Row> rows = finder.localeVersions(e.key(), EntryScope.of(me, null), clock.instant());
        EntryFinder.Row source = rows.stream().filter(r -> r.locale().equals(SupportedLocale.HOME.tag())).findFirst().orElse(null);
        List<Map<String, Object>> out = new ArrayList<>();
        for (EntryFinder.Row r : rows) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("row", r);
            v.put("current", r.id().equals(e.id()));
            v.put("isSource", r == source);
            v.put("outdated", source != null && r != source && r.updatedAt().isBefore(source.updatedAt()));
            out.add(v);
        }
        return out;
    }

    /** The console's locales that the entry has no version in yet: the translations one may add. */
    private static List<String> missingLocales(List<Map<String, Object>> versions) {
        List<String> missing = new ArrayList<>(Messages.SUPPORTED);
        for (Map<String, Object> v : versions) missing.remove(((EntryFinder.Row) v.get("row")).locale());
        return missing;
    }

    /** The entry, if {@code me} may read it ({@link EntryAccess}); "not found" otherwise. */
    private Entry existing(String ref, Principal me) {
        Entry e = store.find(ref).orElseThrow(() -> ApiException.notFound(EntryError.NOT_FOUND, ref));
        return EntryAccess.readable(me, e, ref);
    }

    private Entry existing(String ref) {
        return store.find(ref).orElseThrow(() -> ApiException.notFound(EntryError.NOT_FOUND, ref));
    }

    /**
     * The problems at a line and column of a script or of its SMS or review version: shown once, in the list under
     * the script whose spot the editor marks, not again beside the field.
     */
    static List<FieldError> placed(List<FieldError> errors) {
        return errors.stream().filter(e -> e.line() != null).toList();
    }

    /** The other errors, shown beside their fields. */
    static List<FieldError> unplaced(List<FieldError> errors) {
        return errors.stream().filter(e -> e.line() == null).toList();
    }

    static List<String> statuses() {
        return List.of("draft", "in_review", "published", "archived");
    }

    private static String queryWithout(Page p, String name) {
        StringBuilder sb = new StringBuilder();
        p.request().getParameterMap().forEach((k, vs) -> {
            if (k.equals(name)) return;
            for (String v : vs) {
                if (!sb.isEmpty()) sb.append('&');
                sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return sb.toString();
    }
}
