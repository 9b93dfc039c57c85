package com.replybook.kb.entries;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.Map;

/**
 * The review loop of {@code /api/v1/entries/{ref}}: the pending revision ({@code GET}, {@code DELETE} to discard it),
 * {@code submit} (editor+), {@code publish} and {@code send-back} (lead+), {@code restore} of an old revision, and
 * {@code /api/v1/reviews}, what waits in the loop.
 * Workflow steps take an optional {@code If-Match}: with it, a step on a newer version than the caller saw is 409.
 * Each answers the entry as {@code GET /api/v1/entries/{ref}} would, with its new version as the ETag.
 */
final class ReviewApi {

    /** Answers an entry with its ETag and, for editors, its review state. */
    @FunctionalInterface
    interface Answer {
        void send(ApiCall call, int status, Entry e, Principal me) throws IOException;
    }

    private final EntryStore store;
    private final EntryReview review;
    private final ReviewQueue queue;
    private final EntryPolicy policy;
    private final Answer answer;

    ReviewApi(EntryStore store, EntryReview review, ReviewQueue queue, EntryPolicy policy, Answer answer) {
        this.store = store;
        this.review = review;
        this.queue = queue;
        this.policy = policy;
        this.answer = answer;
    }

    void routes(Router<ApiCall> api) {
        api.get("/api/v1/entries/{ref}/pending", this::pending)
                .delete("/api/v1/entries/{ref}/pending", this::discard)
                .post("/api/v1/entries/{ref}/submit", this::submit)
                .post("/api/v1/entries/{ref}/publish", this::publish)
                .post("/api/v1/entries/{ref}/send-back", this::sendBack)
                .post("/api/v1/entries/{ref}/restore", this::restore)
                .get("/api/v1/reviews", this::inbox);
    }

    /** What waits in the loop: work in review (oldest first) of the caller's shops and their work sent back to them. */
    private void inbox(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.EDITOR);
        call.json(200, Map.of("inReview", queue.inReview(EntryScope.of(me, null)),
                "sentBackToMe", queue.sentBackTo(me.username())));
    }

    private void pending(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.EDITOR);
        Entry e = EntryAccess.readable(me, store.find(call.path("ref"))
                .orElseThrow(() -> EntryAccess.notFound(call.path("ref"))), call.path("ref"));
        EntryReview.ReviewState state = review.state(e.id());
        if (state.pending() == null) throw EntryReview.noPending(call.path("ref"));
        call.setHeader("ETag", IfMatch.etag(e.version()));
        call.json(200, PendingView.of(state.pending(), e, state.sentBack()));
    }

    /** Only who proposed the change, or a lead, may drop it. */
    private void discard(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.EDITOR);
        Entry e = inTheLoop(call.path("ref"), me);
        PendingRevision p = review.pending(e.id()).orElseThrow(() -> EntryReview.noPending(call.path("ref")));
        if (!me.can(Role.LEAD) && !p.proposedBy().equals(me.username())) {
            throw ApiException.forbidden(ReviewError.DISCARD_NOT_YOURS, p.proposedBy());
        }
        answer.send(call, 200, review.discard(e.id(), IfMatch.optional(call, null), me.username()), me);
    }

    private void submit(ApiCall call) throws IOException {
        Principal me = Principal.of(call);
        Entry e = inTheLoop(call.path("ref"), me);
        me.require(Role.EDITOR);
        answer.send(call, 200, review.submit(e.id(), IfMatch.optional(call, null), me.username()), me);
    }

    private void publish(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.LEAD);
        Entry e = inTheLoop(call.path("ref"), me);
        answer.send(call, 200, review.publish(e.id(), IfMatch.optional(call, null), me.username()), me);
    }

    /** Body {@code {"comment": "…"}}; the comment is required (422 naming it) and at most 2,000 characters. */
    private void sendBack(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.LEAD);
        JsonNode body = call.readOptionalObject();
        JsonNode comment = body.get("comment");
        if (comment != null && !comment.isNull() && !comment.isTextual()) {
            throw ApiException.unprocessable("comment", InputError.NOT_STRING, "comment");
        }
        String text = comment == null || comment.isNull() ? null : comment.asText();
        Entry e = inTheLoop(call.path("ref"), me);
        answer.send(call, 200, review.sendBack(e.id(), text, IfMatch.optional(call, null), me.username()), me);
    }

    /**
     * Body {@code {"version": 3}} with {@code If-Match}: the old text comes back as the pending revision of a
     * published entry (a lead publishes it as any change), directly into an entry that is not live.
     */
    private void restore(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.EDITOR);
        JsonNode body = call.readOptionalObject();
        JsonNode version = body.get("version");
        if (version == null || !version.canConvertToLong() || !version.isIntegralNumber()) {
            throw ApiException.unprocessable("version", ReviewError.RESTORE_VERSION);
        }
        long expected = IfMatch.required(call, null);
        Entry e = inTheLoop(call.path("ref"), me);
        if (e.status() != EntryStatus.PUBLISHED) policy.checkStatusChange(me, e.status(), e.status());
        answer.send(call, 200, review.restore(e.id(), version.asLong(), expected, me.username()), me);
    }

    /**
     * The team entry {@code ref} that {@code me} may change, for a step of the review loop: 404 when they may not read
     * it; 422 naming {@code visibility} for a personal entry, which is never reviewed (a lead promotes it instead);
     * 403 naming {@code shops} when it is also used by shops they do not work for.
     */
    private Entry inTheLoop(String ref, Principal me) {
        Entry e = EntryAccess.readable(me, store.find(ref).orElseThrow(() -> EntryAccess.notFound(ref)), ref);
        if (e.personal()) {
            throw ApiException.unprocessable("visibility", ScopeError.PERSONAL_IN_LOOP, e.key(), e.createdBy());
        }
        EntryAccess.checkChange(me, e);
        return e;
    }
}
