package com.replybook.kb.exchange;

import com.replybook.kb.entries.EntryDraft;
import com.replybook.kb.entries.EntryReview;

import java.util.Optional;

/** The review loop ({@link EntryReview}) as imports use it: a published entry's pending text, and proposing one. */
final class ReviewLoopPending implements PendingRevisions {

    private final EntryReview review;

    ReviewLoopPending(EntryReview review) {
        this.review = review;
    }

    @Override
    public Optional<EntryDraft> pendingOf(String entryId) {
        return review.pending(entryId).map(p -> EntryDraft.of(p.entry()));
    }

    @Override
    public void propose(String ref, EntryDraft draft, long basedOn, String actor, boolean submit) {
        review.propose(ref, draft, basedOn, actor, submit);
    }
}
