package com.replybook.kb.entries;

import com.replybook.kb.vocabulary.Visibility;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fields of an entry that a writer supplies, already validated and normalised by {@link EntryDraftParser}.
 * Server-owned fields (id, version, times, authors) are not here.
 */
public record EntryDraft(
        String key,
        String locale,
        String category,
        List<String> tags,
        String problem,
        List<String> questions,
        String cause,
        String script,
        String smsScript,
        String reviewScript,
        List<String> diagnostics,
        List<String> actions,
        List<String> acceptedFallbacks,
        EntryStatus status,
        String owner,
        int verifyEveryDays,
        List<String> shops,
        Visibility visibility,
        Map<String, String> toneScripts) {

    public EntryDraft {
        smsScript = smsScript == null ? "" : smsScript;
        reviewScript = reviewScript == null ? "" : reviewScript;
        acceptedFallbacks = acceptedFallbacks == null ? List.of() : List.copyOf(acceptedFallbacks);
        shops = List.copyOf(shops == null ? List.of() : shops);
        visibility = visibility == null ? Visibility.TEAM : visibility;
        toneScripts = java.util.Collections.unmodifiableMap(new TreeMap<>(toneScripts == null ? Map.of() : toneScripts));
    }

    /** A team draft for every shop without tone versions that accepts no stand-in word for a missing value. */
    public EntryDraft(String key, String locale, String category, List<String> tags, String problem,
                      List<String> questions, String cause, String script, String smsScript, String reviewScript,
                      List<String> diagnostics, List<String> actions, EntryStatus status, String owner,
                      int verifyEveryDays) {
        this(key, locale, category, tags, problem, questions, cause, script, smsScript, reviewScript, diagnostics,
                actions, List.of(), status, owner, verifyEveryDays, List.of(), Visibility.TEAM, Map.of());
    }

    /** The draft of an existing entry, e.g. to change only its status. */
    public static EntryDraft of(Entry e) {
        return new EntryDraft(e.key(), e.locale(), e.category(), e.tags(), e.problem(), e.questions(), e.cause(),
                e.script(), e.smsScript(), e.reviewScript(), e.diagnostics(), e.actions(), e.acceptedFallbacks(),
                e.status(), e.owner(), e.verifyEveryDays(), e.shops(), e.visibility(), e.toneScripts());
    }

    public EntryDraft withStatus(EntryStatus newStatus) {
        return new EntryDraft(key, locale, category, tags, problem, questions, cause, script, smsScript, reviewScript,
                diagnostics, actions, acceptedFallbacks, newStatus, owner, verifyEveryDays, shops, visibility, toneScripts);
    }

    public EntryDraft withOwner(String newOwner) {
        return new EntryDraft(key, locale, category, tags, problem, questions, cause, script, smsScript, reviewScript,
                diagnostics, actions, acceptedFallbacks, status, newOwner, verifyEveryDays, shops, visibility, toneScripts);
    }

    /** True for a personal snippet's draft. */
    public boolean personal() {
        return visibility == Visibility.PERSONAL;
    }

    /** This draft in the team library (a promoted personal snippet). */
    EntryDraft inTeamLibrary(EntryStatus newStatus) {
        return new EntryDraft(key, locale, category, tags, problem, questions, cause, script, smsScript, reviewScript,
                diagnostics, actions, acceptedFallbacks, newStatus, owner, verifyEveryDays, shops, Visibility.TEAM,
                toneScripts);
    }

    /**
     * The entry this draft becomes: {@code id} at {@code version}, created by {@code createdBy} at {@code createdAt},
     * saved at {@code now} by {@code actor}, verified at {@code verifiedAt}.
     */
    Entry toEntry(String id, long version, Instant verifiedAt, Instant createdAt, String createdBy, Instant now,
                  String actor) {
        return new Entry(id, key, locale, category, tags, problem, questions, cause, script, smsScript, reviewScript,
                diagnostics, actions, acceptedFallbacks, status, owner, verifyEveryDays, verifiedAt, version, createdAt,
                createdBy, now, actor, shops, visibility, toneScripts);
    }

    /** True when saving this draft over {@code e} would change nothing. */
    public boolean sameContentAs(Entry e) {
        return equals(of(e));
    }
}
