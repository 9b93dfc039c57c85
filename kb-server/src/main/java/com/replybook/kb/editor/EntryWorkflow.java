package com.replybook.kb.editor;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryAccess;
import com.replybook.kb.entries.EntryDraft;
import com.replybook.kb.entries.EntryPolicy;
import com.replybook.kb.entries.EntryReview;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.entries.ScopeError;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.entries.PendingRevision;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.entries.ReviewError;
import com.replybook.kb.web.InputError;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one button of the entry editor does: first the text on the page is saved where it belongs, then the
 * workflow step is taken. A live entry's text goes to its pending revision when an editor changed it, when a change
 * is already pending, or when the button proposes one; a lead's plain save of a live entry with nothing pending goes
 * live directly, as does any save of an entry that is not live. Each write names the version the previous one left,
 * so a concurrent change anywhere is refused (409) rather than overwritten. Stateless.
 */
final class EntryWorkflow {

    /** The buttons: {@code save}, {@code propose}, {@code submit}, {@code publish}, {@code sendback}, {@code archive}, {@code discard}. */
    static final Set<String> ACTIONS = Set.of("save", "propose", "submit", "publish", "sendback", "archive", "discard");

    private final EntryStore store;
    private final EntryReview review;
    private final EntryPolicy policy;

    EntryWorkflow(EntryStore store, EntryReview review, EntryPolicy policy) {
        this.store = store;
        this.review = review;
        this.policy = policy;
    }

    /**
     * Saves {@code draft} over {@code current} (based on {@code version}) and takes the step {@code action}.
     * Returns the entry as it is afterwards; throws 403 for a step the user's role may not take and 409 for a stale
     * version or a step that does not fit the entry's state.
     */
    Entry apply(Principal me, Entry current, String action, EntryDraft draft, long version, String comment) {
        if (!ACTIONS.contains(action)) throw ApiException.badRequest("action", InputError.UNKNOWN_ACTION, action);
        if (Set.of("publish", "sendback", "archive").contains(action)) me.require(Role.LEAD);
        Optional<PendingRevision> pending = review.pending(current.id());
        if (action.equals("sendback")) EntryReview.checkComment(comment); // before anything is written
        checkFits(action, current, pending);
        if (action.equals("discard")) checkMayDiscard(me, pending);
        EntryAccess.checkWrite(me, current, draft);
        if (current.personal()) return personal(me, current, action, draft, version);
        Entry saved = saveText(me, current, action, draft, version, pending.isPresent());
        String id = current.id();
        long v = saved.version();
        return switch (action) {
            case "submit" -> saved.status() == EntryStatus.IN_REVIEW || inReview(id) ? saved : review.submit(id, v, me.username());
            case "publish" -> saved.status() == EntryStatus.PUBLISHED && review.pending(id).isEmpty()
                    ? saved : review.publish(id, v, me.username());
            case "sendback" -> review.sendBack(id, comment, v, me.username());
            case "archive" -> store.update(id, EntryDraft.of(saved).withStatus(EntryStatus.ARCHIVED), v, me.username(),
                    "archive", null);
            case "discard" -> review.discard(id, v, me.username());
            default -> saved;
        };
    }

    /**
     * A step on the owner's personal entry: saved as it is (never reviewed) or archived; any review step is a 422
     * naming {@code visibility}, since a lead promotes a snippet into the team library instead.
     */
    private Entry personal(Principal me, Entry current, String action, EntryDraft draft, long version) {
        return switch (action) {
            case "save" -> draft.withStatus(current.status()).sameContentAs(current) ? checked(current, version)
                    : store.update(current.id(), draft.withStatus(current.status()), version, me.username());
            case "archive" -> store.update(current.id(), draft.withStatus(EntryStatus.ARCHIVED), version,
                    me.username(), "archive", null);
            default -> throw ApiException.unprocessable("visibility", ScopeError.NOT_REVIEWED);
        };
    }

    /** Saves the page's text, if it changed, where it belongs; returns the entry afterwards. */
    private Entry saveText(Principal me, Entry current, String action, EntryDraft draft, long version,
                           boolean pending) {
        if (action.equals("discard")) return current;
        if (current.status() == EntryStatus.PUBLISHED) {
            boolean direct = me.can(Role.LEAD) && !pending && !action.equals("propose") && !action.equals("submit");
            if (!direct) return review.propose(current.id(), draft, version, me.username(), action.equals("submit"));
            if (draft.withStatus(EntryStatus.PUBLISHED).sameContentAs(current)) return checked(current, version);
            return store.update(current.id(), draft.withStatus(EntryStatus.PUBLISHED), version, me.username());
        }
        EntryDraft kept = draft.withStatus(current.status());
        if (kept.sameContentAs(current)) return checked(current, version);
        policy.checkStatusChange(me, current.status(), current.status());
        return store.update(current.id(), kept, version, me.username());
    }

    /** 409 for a step the entry's state rules out whatever the text: no work to send back, nothing to discard. */
    private static void checkFits(String action, Entry current, Optional<PendingRevision> pending) {
        boolean fits = switch (action) {
            case "sendback" -> current.status() == EntryStatus.IN_REVIEW || current.status() == EntryStatus.DRAFT
                    || pending.isPresent();
            case "discard" -> pending.isPresent();
            case "submit" -> current.status() != EntryStatus.ARCHIVED;
            default -> true;
        };
        if (!fits) {
            throw ApiException.conflict(ReviewError.NOTHING_TO, Map.of("status", current.status().wire(),
                    "currentVersion", current.version()), action);
        }
    }

    private boolean inReview(String id) {
        return review.pending(id).map(p -> p.status() == EntryStatus.IN_REVIEW).orElse(false);
    }

    /** {@code current} when the page was based on its version; 409 otherwise, as a write would be. */
    private static Entry checked(Entry current, long version) {
        if (current.version() != version) {
            throw ApiException.conflict(ReviewError.CHANGED, Map.of("currentVersion", current.version()));
        }
        return current;
    }

    private static void checkMayDiscard(Principal me, Optional<PendingRevision> pending) {
        if (pending.isPresent() && !me.can(Role.LEAD) && !pending.get().proposedBy().equals(me.username())) {
            throw ApiException.forbidden(ReviewError.DISCARD_NOT_YOURS, pending.get().proposedBy());
        }
    }
}
