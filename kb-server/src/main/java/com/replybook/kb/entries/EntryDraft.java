package com.replybook.kb.entries;

import java.util.List;

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
        int verifyEveryDays) {

    public EntryDraft {
        smsScript = smsScript == null ? "" : smsScript;
        reviewScript = reviewScript == null ? "" : reviewScript;
        acceptedFallbacks = acceptedFallbacks == null ? List.of() : List.copyOf(acceptedFallbacks);
    }

    /** A draft that accepts no stand-in word for a missing value. */
    public EntryDraft(String key, String locale, String category, List<String> tags, String problem,
                      List<String> questions, String cause, String script, String smsScript, String reviewScript,
                      List<String> diagnostics, List<String> actions, EntryStatus status, String owner,
                      int verifyEveryDays) {
        this(key, locale, category, tags, problem, questions, cause, script, smsScript, reviewScript, diagnostics,
                actions, List.of(), status, owner, verifyEveryDays);
    }

    /** The draft of an existing entry, e.g. to change only its status. */
    public static EntryDraft of(Entry e) {
        return new EntryDraft(e.key(), e.locale(), e.category(), e.tags(), e.problem(), e.questions(), e.cause(),
                e.script(), e.smsScript(), e.reviewScript(), e.diagnostics(), e.actions(), e.acceptedFallbacks(),
                e.status(), e.owner(), e.verifyEveryDays());
    }

    public EntryDraft withStatus(EntryStatus newStatus) {
        return new EntryDraft(key, locale, category, tags, problem, questions, cause, script, smsScript, reviewScript,
                diagnostics, actions, acceptedFallbacks, newStatus, owner, verifyEveryDays);
    }

    public EntryDraft withOwner(String newOwner) {
        return new EntryDraft(key, locale, category, tags, problem, questions, cause, script, smsScript, reviewScript,
                diagnostics, actions, status, newOwner, verifyEveryDays);
    }

    /** True when saving this draft over {@code e} would change nothing. */
    public boolean sameContentAs(Entry e) {
        return equals(of(e));
    }
}
