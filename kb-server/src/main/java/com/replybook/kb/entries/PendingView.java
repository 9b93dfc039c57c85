package com.replybook.kb.entries;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;

/**
 * A pending revision as {@code GET /api/v1/entries/{ref}/pending} shows it: the proposed entry's fields, where
 * {@code status} is the proposal's own ({@code draft} or {@code in_review}) and {@code version} the entry's current
 * version (its ETag, for {@code If-Match}); then where it started, who proposed it, and a lead's send-back note
 * (null when none).
 */
record PendingView(@JsonUnwrapped Entry entry, long basedOn, String proposedBy, Instant proposedAt,
                   Instant submittedAt, SentBack sentBack) {

    static PendingView of(PendingRevision p, Entry current, SentBack sentBack) {
        Entry e = p.entry();
        Entry shown = e.as(p.status(), current.version(), e.updatedAt(), e.updatedBy());
        return new PendingView(shown, p.basedOn(), p.proposedBy(), p.proposedAt(), p.submittedAt(), sentBack);
    }
}
