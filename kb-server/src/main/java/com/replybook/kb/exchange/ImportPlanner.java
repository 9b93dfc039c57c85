package com.replybook.kb.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryAccess;
import com.replybook.kb.entries.EntryDraft;
import com.replybook.kb.entries.EntryDraftParser;
import com.replybook.kb.entries.EntryPolicy;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Plans an import row by row against the library as it is now, with the rules of a single save: a new key is
 * created; a row that says what its entry says already is unchanged and skipped (whatever the caller's role); an
 * editor's change to a published entry (and anyone's while one is pending) becomes its pending revision; anything
 * else is saved over the entry if the caller may make that change, and is an error row otherwise. Thread-safe.
 */
final class ImportPlanner {

    /** A row read and validated: a draft, or the problems that stop it. */
    record Parsed(int number, String key, EntryDraft draft, List<FieldError> errors) {
    }

    private final EntryDraftParser parser;
    private final EntryStore store;
    private final PendingRevisions pending;
    private final EntryPolicy policy = new EntryPolicy();

    ImportPlanner(EntryDraftParser parser, EntryStore store, PendingRevisions pending) {
        this.parser = parser;
        this.store = store;
        this.pending = pending;
    }

    /**
     * A validation of one file's rows, batch by batch: a key named twice is an error on its second row, the one
     * {@code duplicateOf} makes of the first row's number (e.g. "key also appears in row 3"). Not thread-safe.
     */
    Validation validation(IntFunction<FieldError> duplicateOf) {
        return new Validation(duplicateOf);
    }

    /** See {@link #validation}. */
    final class Validation {
        private final IntFunction<FieldError> duplicateOf;
        private final Map<String, Integer> firstRowOfKey = new HashMap<>();

        private Validation(IntFunction<FieldError> duplicateOf) {
            this.duplicateOf = duplicateOf;
        }

        List<Parsed> parse(List<EntryReader.SourceRow> rows) {
            List<Parsed> out = new ArrayList<>(rows.size());
            for (EntryReader.SourceRow row : rows) out.add(parse(row));
            return out;
        }

        private Parsed parse(EntryReader.SourceRow row) {
            JsonNode json = row.json();
            EntryDraftParser.Result r = parser.parse(json);
            String key = json != null && json.path("key").isTextual() ? json.get("key").asText() : null;
            if (!r.ok()) return new Parsed(row.number(), key, null, r.errors());
            Integer earlier = firstRowOfKey.putIfAbsent(r.draft().key(), row.number());
            if (earlier == null) return new Parsed(row.number(), r.draft().key(), r.draft(), List.of());
            return new Parsed(row.number(), key, null, List.of(duplicateOf.apply(earlier)));
        }
    }

    /** What each row would do if {@code me} imported it now (the entries are looked up together). */
    List<ImportRow> decide(List<Parsed> rows, Principal me) {
        List<String> keys = rows.stream().filter(p -> p.draft() != null).map(p -> p.draft().key()).toList();
        Map<String, Entry> current = keys.isEmpty() ? Map.of() : store.findByKeys(keys);
        List<ImportRow> out = new ArrayList<>(rows.size());
        for (Parsed p : rows) {
            out.add(p.draft() == null ? ImportRow.error(p.number(), p.key(), p.errors())
                    : decide(p.number(), p.draft(), current.get(p.draft().key()), me));
        }
        return out;
    }

    private ImportRow decide(int number, EntryDraft draft, Entry current, Principal me) {
        List<FieldError> denied = EntryAccess.writeProblems(me, current, draft); // shops, visibility, role (issue 20)
        if (!denied.isEmpty()) return ImportRow.error(number, draft.key(), denied);
        if (current == null) {
            return refusal(me, null, draft)
                    .map(e -> ImportRow.error(number, draft.key(), List.of(e)))
                    .orElseGet(() -> row(number, draft, RowAction.CREATE, 0, List.of()));
        }
        EntryDraft live = EntryDraft.of(current);
        if (draft.equals(live)) return row(number, draft, RowAction.UNCHANGED, current.version(), List.of());
        if (current.status() == EntryStatus.PUBLISHED && draft.status() != EntryStatus.ARCHIVED && !current.personal()) {
            Optional<ImportRow> proposal = proposal(number, draft, current, live, me);
            if (proposal.isPresent()) return proposal.get();
        }
        return refusal(me, current.status(), draft)
                .map(e -> ImportRow.error(number, draft.key(), List.of(e)))
                .orElseGet(() -> row(number, draft, RowAction.UPDATE, current.version(),
                        EntryDiff.between(live, draft, true)));
    }

    /**
     * The row as a change to the published entry {@code current}, when it is one: an editor's change, or a lead's
     * while a change is pending (a lead's other changes go live, as when saving). A row that repeats the pending text,
     * or the live one while nothing is pending, is unchanged.
     */
    private Optional<ImportRow> proposal(int number, EntryDraft draft, Entry current, EntryDraft live, Principal me) {
        boolean lead = me.can(Role.LEAD);
        if (lead && draft.status() != EntryStatus.PUBLISHED) return Optional.empty();
        Optional<EntryDraft> waiting = pending.pendingOf(current.id());
        if (lead && waiting.isEmpty()) return Optional.empty();
        EntryDraft proposed = draft.withStatus(EntryStatus.PUBLISHED);
        EntryDraft base = waiting.map(w -> w.withStatus(EntryStatus.PUBLISHED)).orElse(live);
        if (proposed.equals(base)) return Optional.of(row(number, draft, RowAction.UNCHANGED, current.version(), List.of()));
        return Optional.of(new ImportRow(number, draft.key(), RowAction.PENDING, draft, current.version(),
                draft.status() == EntryStatus.IN_REVIEW, waiting.isPresent(), EntryDiff.between(live, proposed, false),
                List.of()));
    }

    /** Why {@code me} may not move an entry from {@code from} (null: a new one) to the row's status, if not. */
    private Optional<FieldError> refusal(Principal me, EntryStatus from, EntryDraft draft) {
        if (draft.personal()) return Optional.empty(); // the owner's own snippet: no review, any status
        try {
            policy.checkStatusChange(me, from, draft.status());
            return Optional.empty();
        } catch (ApiException e) {
            return Optional.of(e.toFieldError("status"));
        }
    }

    private static ImportRow row(int number, EntryDraft draft, RowAction action, long basedOn, List<FieldChange> changes) {
        return new ImportRow(number, draft.key(), action, draft, basedOn, false, false, changes, List.of());
    }
}
