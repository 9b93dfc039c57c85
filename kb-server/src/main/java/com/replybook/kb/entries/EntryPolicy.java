package com.replybook.kb.entries;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiException;

/**
 * Who may move an entry into which status: editors write drafts and submit them for review; only leads
 * (and admins) publish, archive, or change an entry's live text directly (an editor's change to a published entry
 * waits as its pending revision, see {@link EntryReview}).
 */
public final class EntryPolicy {

    public void checkStatusChange(Principal who, EntryStatus from, EntryStatus to) {
        if (who.can(Role.LEAD)) return;
        if (to == EntryStatus.PUBLISHED || to == EntryStatus.ARCHIVED) {
            throw ApiException.forbidden("Only a lead can set status " + to.wire() + "; submit it for review (in_review) instead");
        }
        if (from == EntryStatus.PUBLISHED || from == EntryStatus.ARCHIVED) {
            throw ApiException.forbidden("Only a lead can change a " + from.wire() + " entry directly; "
                    + (from == EntryStatus.PUBLISHED ? "save it with status published to propose the change for review"
                    : "ask a lead to publish it again first"));
        }
    }
}
