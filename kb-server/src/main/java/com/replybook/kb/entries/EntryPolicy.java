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
            throw ApiException.forbidden(EntryError.LEAD_ONLY_STATUS, to.wire());
        }
        if (from == EntryStatus.PUBLISHED || from == EntryStatus.ARCHIVED) {
            throw ApiException.forbidden(from == EntryStatus.PUBLISHED ? EntryError.LEAD_ONLY_CHANGE
                    : EntryError.LEAD_ONLY_UNARCHIVE, from.wire());
        }
    }
}
