package com.replybook.kb.entries;

/**
 * One committed change to the entry table, in commit order, as recorded in the change log in the
 * same transaction as the edit. Derived stores (the search index) apply these idempotently.
 *
 * @param seq     position in the change log; increases with every write
 * @param entryId the changed entry
 * @param entry   the entry as stored after the change, or null when it was deleted
 */
public record EntryChange(long seq, String entryId, Entry entry) {

    public boolean isDeletion() {
        return entry == null;
    }
}
