package com.replybook.kb.search.index;

import com.replybook.kb.entries.EntryChange;
import com.replybook.kb.entries.EntryFeed;

import java.util.List;

/** Positions in the store's change log, found through {@link EntryFeed} alone. */
final class FeedPositions {

    private FeedPositions() {
    }

    /**
     * The newest {@code seq} in the change log (0 when empty). The feed has no "head" query, so this searches with
     * {@code changesSince(x, 1)} (an indexed look-up each): exponentially, then by bisection — about
     * 2·log2(seq) calls, a few milliseconds even for millions of changes.
     */
    static long lastSeq(EntryFeed feed) {
        long lo = 0; // the head is >= lo
        long hi = 1;
        for (long s; (s = firstAfter(feed, hi)) > 0; ) {
            lo = s;
            hi = Math.max(hi * 2, s);
        }
        while (lo < hi) { // no change after hi; the head is in [lo, hi]
            long mid = lo + (hi - lo) / 2;
            long s = firstAfter(feed, mid);
            if (s < 0) hi = mid;
            else lo = s;
        }
        return lo;
    }

    private static long firstAfter(EntryFeed feed, long seq) {
        List<EntryChange> next = feed.changesSince(seq, 1);
        return next.isEmpty() ? -1 : next.get(0).seq();
    }
}
