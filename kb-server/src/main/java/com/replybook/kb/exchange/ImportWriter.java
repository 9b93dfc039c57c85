package com.replybook.kb.exchange;

import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes planned import rows: new entries and updates in one transaction per batch ({@link EntryStore#importAll}),
 * pending revisions one by one through the review loop. A row whose entry changed after it was planned is not
 * written ({@link Outcome#STALE}): its plan, and the permission check made for it, no longer hold. Thread-safe.
 */
final class ImportWriter {

    /** What became of a row; the wire form is the lower-case name. */
    enum Outcome {
        CREATED, UPDATED, PENDING, UNCHANGED, STALE, FAILED;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One row written (or not): its outcome, the entry as stored when its live text changed (for waiting until it is
     * searchable), and why it was not written.
     */
    record Written(ImportRow row, Outcome outcome, Entry entry, FieldError problem) {
    }

    static final FieldError CHANGED_MEANWHILE = FieldError.of("key", ExchangeError.CHANGED_MEANWHILE);

    private final EntryStore store;
    private final PendingRevisions pending;

    ImportWriter(EntryStore store, PendingRevisions pending) {
        this.store = store;
        this.pending = pending;
    }

    /** Writes {@code rows} (a batch of at most a few hundred) as {@code actor}, in their order. */
    List<Written> write(List<ImportRow> rows, String actor) {
        List<EntryStore.ImportItem> items = new ArrayList<>();
        for (ImportRow r : rows) {
            if (r.action() == RowAction.CREATE || r.action() == RowAction.UPDATE) {
                items.add(new EntryStore.ImportItem(r.draft(), r.basedOn()));
            }
        }
        List<EntryStore.Imported> stored = items.isEmpty() ? List.of() : store.importAll(items, actor);
        List<Written> out = new ArrayList<>(rows.size());
        int next = 0;
        for (ImportRow r : rows) {
            out.add(switch (r.action()) {
                case CREATE, UPDATE -> written(r, stored.get(next++));
                case PENDING -> propose(r, actor);
                case UNCHANGED -> new Written(r, Outcome.UNCHANGED, null, null);
                case ERROR -> new Written(r, Outcome.FAILED, null, r.errors().isEmpty() ? null : r.errors().getFirst());
            });
        }
        return out;
    }

    private static Written written(ImportRow r, EntryStore.Imported i) {
        return switch (i.outcome()) {
            case CREATED -> new Written(r, Outcome.CREATED, i.entry(), null);
            case UPDATED -> new Written(r, Outcome.UPDATED, i.entry(), null);
            case UNCHANGED -> new Written(r, Outcome.UNCHANGED, null, null);
            case STALE -> new Written(r, Outcome.STALE, null, CHANGED_MEANWHILE);
        };
    }

    private Written propose(ImportRow r, String actor) {
        try {
            pending.propose(r.key(), r.draft(), r.basedOn(), actor, r.submit());
            return new Written(r, Outcome.PENDING, null, null);
        } catch (ApiException e) {
            if (e.status() == 409) return new Written(r, Outcome.STALE, null, CHANGED_MEANWHILE);
            return new Written(r, Outcome.FAILED, null, e.toFieldError(e.field()));
        }
    }
}
