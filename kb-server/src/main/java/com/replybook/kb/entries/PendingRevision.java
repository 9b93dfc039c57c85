package com.replybook.kb.entries;

import java.time.Instant;

/**
 * A proposed change to a published entry, kept beside it until a lead publishes it: agents go on reading the live
 * entry meanwhile. At most one per entry; editors change it with the entry's version ({@code If-Match}).
 *
 * @param entry       the proposed text, with the server fields of its last save (status {@code published}: what it
 *                    becomes when published)
 * @param basedOn     the entry version the proposal started from, e.g. {@code 3}
 * @param status      {@link EntryStatus#DRAFT} while being written, {@link EntryStatus#IN_REVIEW} once submitted
 * @param submittedAt when it last went into review, or null
 */
public record PendingRevision(Entry entry, long basedOn, EntryStatus status, String proposedBy, Instant proposedAt,
                              Instant submittedAt) {

    public String entryId() {
        return entry.id();
    }

    /** The proposed text as the revision {@code version}, saved at {@code at} by {@code by}. */
    Entry asRevision(long version, Instant at, String by) {
        Entry e = entry;
        return e.as(EntryStatus.PUBLISHED, version, at, by);
    }

    /** This pending revision in {@code newStatus}, submitted at {@code at} when that is {@code IN_REVIEW}. */
    PendingRevision withStatus(EntryStatus newStatus, Instant at) {
        return new PendingRevision(entry, basedOn, newStatus, proposedBy, proposedAt,
                newStatus == EntryStatus.IN_REVIEW ? at : submittedAt);
    }
}
