package com.replybook.kb.entries;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;

/**
 * An entry as the API shows it: every stored field plus whether it is due for re-verification. Editors also see
 * whether a change to it is pending ({@code pending}) and why a lead sent its work back ({@code sentBack}); both are
 * left out when there is none, and always for agents.
 */
public record EntryView(@JsonUnwrapped Entry entry, boolean stale,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Pending pending,
                        @JsonInclude(JsonInclude.Include.NON_NULL) SentBack sentBack) {

    /** The view agents get. */
    public static EntryView of(Entry e, Instant now) {
        return new EntryView(e, e.isStale(now), null, null);
    }

    /** The view editors get, with the entry's review state. */
    public static EntryView of(Entry e, Instant now, EntryReview.ReviewState state) {
        return new EntryView(e, e.isStale(now), state.pending() == null ? null : Pending.of(state.pending()),
                state.sentBack());
    }

    /**
     * That a change to the entry is pending: proposed {@code by} whom and {@code at} when, its {@code status}
     * ({@code draft} or {@code in_review}), the version it started from, and its last save.
     */
    public record Pending(String by, Instant at, EntryStatus status, long basedOn, String updatedBy, Instant updatedAt,
                          Instant submittedAt) {

        static Pending of(PendingRevision p) {
            return new Pending(p.proposedBy(), p.proposedAt(), p.status(), p.basedOn(), p.entry().updatedBy(),
                    p.entry().updatedAt(), p.submittedAt());
        }
    }
}
