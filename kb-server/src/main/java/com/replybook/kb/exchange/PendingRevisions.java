package com.replybook.kb.exchange;

import com.replybook.kb.entries.EntryDraft;

import java.util.Optional;

/**
 * What an import needs of the review loop, and no more: the text of a published entry's pending revision, and storing
 * a row's change to a published entry as that revision while agents keep the live text.
 */
interface PendingRevisions {

    /** The pending revision of entry {@code entryId} as a draft (its status {@code published}); empty when none. */
    Optional<EntryDraft> pendingOf(String entryId);

    /**
     * Stores {@code draft} as the pending revision of the published entry {@code ref} (its id or key) if it is still
     * at version {@code basedOn} (409 otherwise), in review when {@code submit}.
     */
    void propose(String ref, EntryDraft draft, long basedOn, String actor, boolean submit);
}
