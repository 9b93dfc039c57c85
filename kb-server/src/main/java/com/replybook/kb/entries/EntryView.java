package com.replybook.kb.entries;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.Instant;

/** An entry as the API shows it: every stored field plus whether it is due for re-verification. */
public record EntryView(@JsonUnwrapped Entry entry, boolean stale) {

    public static EntryView of(Entry e, Instant now) {
        return new EntryView(e, e.isStale(now));
    }
}
