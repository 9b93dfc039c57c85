package com.replybook.kb.entries;

import com.replybook.kb.web.ApiException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The review loop of entries: drafts and proposed changes to published entries go into review, and a lead publishes
 * them or sends them back with a comment. A published entry's change waits as its {@link PendingRevision} while
 * agents keep reading, searching and rendering the live text; only {@link #publish} makes it live.
 *
 * <p>Every step is one transaction that bumps the entry's version (so {@code If-Match} guards the pending revision
 * like the entry: a concurrent edit gets 409) and writes a revision recording who did it, with the lead's comment.
 * Who may take a step (roles) is the caller's business. Thread-safe.
 */
public final class EntryReview {

    private final EntryStore store;

    public EntryReview(EntryStore store) {
        this.store = store;
    }

    /** The entry's pending revision and the note of a lead who sent its work back, each if there is one. */
    public ReviewState state(String entryId) {
        return store.read(c -> new ReviewState(ReviewRecords.pending(c, entryId).orElse(null),
                ReviewRecords.sentBack(c, entryId).orElse(null)));
    }

    public Optional<PendingRevision> pending(String entryId) {
        return Optional.ofNullable(state(entryId).pending());
    }

    /**
     * Saves {@code draft} as the pending revision of the published entry {@code ref} (creating or changing it), in
     * review when {@code submit}, else keeping the pending revision's status. A draft that changes nothing (of the
     * pending revision, or of the live entry while nothing is pending) stores nothing. Returns the entry (still the
     * live text) at its new version, or as it was when nothing was stored.
     */
    public Entry propose(String ref, EntryDraft draft, long expectedVersion, String actor, boolean submit) {
        return propose(ref, draft, expectedVersion, actor, submit ? "submit" : "propose", null, submit);
    }

    private Entry propose(String ref, EntryDraft draft, long expectedVersion, String actor, String operation,
                          String comment, boolean submit) {
        return store.write((c, changes) -> {
            Entry current = store.require(c, ref);
            EntryStore.checkVersion(current, expectedVersion);
            return proposeIn(c, current, draft, actor, operation, comment, submit);
        });
    }

    /**
     * {@link #propose} inside the caller's transaction, on {@code current} as read in it (imports propose many
     * changes in one transaction). Writes nothing, and returns {@code current}, when the draft changes nothing.
     */
    Entry proposeIn(Connection c, Entry current, EntryDraft draft, String actor, String operation, String comment,
                    boolean submit) throws SQLException {
        EntryDraft live = draft.withStatus(EntryStatus.PUBLISHED);
        if (current.status() != EntryStatus.PUBLISHED) {
            throw conflict(current, ReviewError.NOT_LIVE, current.status().wire());
        }
        store.checkKeyFree(c, live.key(), current.id());
        Optional<PendingRevision> before = ReviewRecords.pending(c, current.id());
        if (!submit && live.sameContentAs(before.map(PendingRevision::entry).orElse(current))) return current;
        if (before.isEmpty() && live.sameContentAs(current)) return current;
        Entry bumped = store.bumpVersion(c, current);
        Instant now = store.clock().instant();
        Entry text = proposedText(current, live, bumped.version(), now, actor);
        EntryStatus status = submit ? EntryStatus.IN_REVIEW : before.map(PendingRevision::status).orElse(EntryStatus.DRAFT);
        PendingRevision next = before
                .map(p -> new PendingRevision(text, p.basedOn(), status, p.proposedBy(), p.proposedAt(), p.submittedAt()))
                .orElse(new PendingRevision(text, current.version(), status, actor, now, null));
        ReviewRecords.savePending(c, submit ? next.withStatus(EntryStatus.IN_REVIEW, now) : next);
        EntryStore.writeRevision(c, text, operation, comment, true);
        if (submit) ReviewRecords.deleteSentBack(c, current.id());
        return bumped;
    }

    /**
     * Puts the entry's work in review: a draft entry, or a published entry's pending revision. 409 when there is
     * nothing to submit (already in review, published with nothing pending, archived).
     */
    public Entry submit(String ref, Long expectedVersion, String actor) {
        return store.write((c, changes) -> {
            Entry current = current(c, ref, expectedVersion);
            if (current.status() == EntryStatus.DRAFT) {
                return store.save(c, current, EntryDraft.of(current).withStatus(EntryStatus.IN_REVIEW),
                        current.verifiedAt(), actor, "submit", null, changes);
            }
            PendingRevision p = pendingOf(c, current, EntryStatus.DRAFT, "submit");
            return step(c, current, p.withStatus(EntryStatus.IN_REVIEW, store.clock().instant()), actor, "submit", null);
        });
    }

    /**
     * Makes the entry's work live: publishes a draft, in-review or archived entry, or replaces a published entry's
     * text with its pending revision (recorded as a new revision; the entry counts as verified now). 409 when a
     * published entry has nothing pending.
     */
    public Entry publish(String ref, Long expectedVersion, String actor) {
        return store.write((c, changes) -> {
            Entry current = current(c, ref, expectedVersion);
            if (current.status() != EntryStatus.PUBLISHED) {
                return store.save(c, current, EntryDraft.of(current).withStatus(EntryStatus.PUBLISHED),
                        current.verifiedAt(), actor, "publish", null, changes);
            }
            PendingRevision p = pendingOf(c, current, null, "publish");
            store.checkKeyFree(c, p.entry().key(), current.id());
            ReviewRecords.deletePending(c, current.id());
            ReviewRecords.deleteSentBack(c, current.id());
            return store.save(c, current, EntryDraft.of(p.entry()).withStatus(EntryStatus.PUBLISHED),
                    store.clock().instant(), actor, "publish", null, changes);
        });
    }

    /**
     * Returns work to who submitted it, with {@code comment} (required, at most {@value SentBack#MAX_COMMENT}
     * characters; 422 naming {@code comment} otherwise): an entry in review (or still a draft) goes back to draft, a
     * pending revision back to draft beside the live entry. 409 when there is no such work (a published entry with
     * nothing pending, an archived one).
     */
    public Entry sendBack(String ref, String comment, Long expectedVersion, String actor) {
        String why = checkComment(comment);
        return store.write((c, changes) -> {
            Entry current = current(c, ref, expectedVersion);
            Instant now = store.clock().instant();
            if (current.status() == EntryStatus.IN_REVIEW || current.status() == EntryStatus.DRAFT) {
                String author = author(c, current, current.updatedBy());
                Entry back = store.save(c, current, EntryDraft.of(current).withStatus(EntryStatus.DRAFT),
                        current.verifiedAt(), actor, "send_back", why, changes);
                ReviewRecords.saveSentBack(c, current.id(), new SentBack(author, why, actor, now));
                return back;
            }
            PendingRevision p = pendingOf(c, current, null, "send back");
            String author = author(c, current, p.proposedBy());
            Entry back = step(c, current, p.withStatus(EntryStatus.DRAFT, now), actor, "send_back", why);
            ReviewRecords.saveSentBack(c, current.id(), new SentBack(author, why, actor, now));
            return back;
        });
    }

    /**
     * Moves the personal entry {@code ref} into the team library, in review: from now on it is found by everyone its
     * shops allow once a lead publishes it, and changed like any team entry. 409 naming {@code visibility} when it is
     * in the team library already.
     */
    public Entry promote(String ref, Long expectedVersion, String actor) {
        return store.write((c, changes) -> {
            Entry current = current(c, ref, expectedVersion);
            if (!current.personal()) {
                throw ApiException.of(409, "conflict", "visibility", ScopeError.ALREADY_TEAM,
                        Map.of("currentVersion", current.version()), ref);
            }
            return store.save(c, current, EntryDraft.of(current).inTeamLibrary(EntryStatus.IN_REVIEW),
                    current.verifiedAt(), actor, "promote", null, changes);
        });
    }

    /** Drops the entry's pending revision (its text stays in the revisions); 404 when it has none. */
    public Entry discard(String ref, Long expectedVersion, String actor) {
        return store.write((c, changes) -> {
            Entry current = current(c, ref, expectedVersion);
            if (ReviewRecords.pending(c, current.id()).isEmpty()) throw noPending(ref);
            return store.discardPending(c, current, actor);
        });
    }

    /**
     * Brings the text of revision {@code version} back: as the pending revision of a published entry (never live
     * behind review's back), or directly into an entry that is not live, keeping its status. 404 when there is no
     * such revision.
     */
    public Entry restore(String ref, long version, long expectedVersion, String actor) {
        Entry current = store.find(ref).orElseThrow(() -> ApiException.notFound(EntryError.NOT_FOUND, ref));
        Revision old = store.revisions(current.id()).stream().filter(r -> r.version() == version).findFirst()
                .orElseThrow(() -> ApiException.notFound(ReviewError.NO_REVISION, ref, version));
        String comment = "restored version " + version;
        if (current.status() == EntryStatus.PUBLISHED) {
            return propose(current.id(), EntryDraft.of(old.entry()), expectedVersion, actor, "restore", comment, false);
        }
        return store.update(current.id(), EntryDraft.of(old.entry()).withStatus(current.status()), expectedVersion,
                actor, "restore", comment);
    }

    /** A trimmed, required, length-limited comment; 422 naming {@code comment} otherwise. */
    public static String checkComment(String comment) {
        String why = comment == null ? "" : comment.strip();
        if (why.isEmpty()) {
            throw ApiException.unprocessable("comment", ReviewError.COMMENT_REQUIRED);
        }
        if (why.length() > SentBack.MAX_COMMENT) {
            throw ApiException.of(422, "invalid", "comment", ReviewError.COMMENT_TOO_LONG,
                    Map.of("max", SentBack.MAX_COMMENT), SentBack.MAX_COMMENT);
        }
        return why;
    }

    private Entry current(Connection c, String ref, Long expectedVersion) throws SQLException {
        Entry current = store.require(c, ref);
        if (expectedVersion != null) EntryStore.checkVersion(current, expectedVersion);
        return current;
    }

    /** The pending revision of {@code current}, in {@code status} unless that is null; 409 otherwise. */
    private static PendingRevision pendingOf(Connection c, Entry current, EntryStatus status, String step)
            throws SQLException {
        Optional<PendingRevision> p = current.status() == EntryStatus.PUBLISHED
                ? ReviewRecords.pending(c, current.id()) : Optional.empty();
        if (p.isPresent() && (status == null || p.get().status() == status)) return p.get();
        throw switch (current.status()) {
            case PUBLISHED -> p.isEmpty() ? conflict(current, ReviewError.PUBLISHED_NO_PENDING, step)
                    : conflict(current, ReviewError.PENDING_IS, step, p.get().status().wire());
            case IN_REVIEW -> conflict(current, ReviewError.ALREADY_IN_REVIEW, step);
            default -> conflict(current, ReviewError.ENTRY_IS, step, current.status().wire());
        };
    }

    /** Moves the pending revision to {@code next}'s state, as a new version with its revision. */
    private Entry step(Connection c, Entry current, PendingRevision next, String actor, String operation,
                       String comment) throws SQLException {
        Entry bumped = store.bumpVersion(c, current);
        ReviewRecords.savePending(c, next);
        EntryStore.writeRevision(c, next.asRevision(bumped.version(), store.clock().instant(), actor), operation,
                comment, true);
        if (next.status() == EntryStatus.IN_REVIEW) ReviewRecords.deleteSentBack(c, current.id());
        return bumped;
    }

    private static String author(Connection c, Entry current, String fallback) throws SQLException {
        String submitter = ReviewRecords.lastSubmitter(c, current.id());
        return submitter != null ? submitter : fallback;
    }

    private static Entry proposedText(Entry current, EntryDraft d, long version, Instant now, String actor) {
        return d.withStatus(EntryStatus.PUBLISHED).toEntry(current.id(), version, current.verifiedAt(),
                current.createdAt(), current.createdBy(), now, actor);
    }

    private static ApiException conflict(Entry current, ReviewError why, Object... args) {
        return ApiException.conflict(why, Map.of("status", current.status().wire(), "currentVersion", current.version()),
                args);
    }

    static ApiException noPending(String ref) {
        return ApiException.notFound(ReviewError.NO_PENDING, ref);
    }

    /** The review state of one entry: its pending revision and the lead's send-back note, each null when none. */
    public record ReviewState(PendingRevision pending, SentBack sentBack) {

        public static final ReviewState NONE = new ReviewState(null, null);
    }
}
