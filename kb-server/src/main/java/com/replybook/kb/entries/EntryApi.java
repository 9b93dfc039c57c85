package com.replybook.kb.entries;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.vocabulary.UnknownTermException;
import com.replybook.kb.vocabulary.Visibility;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/entries}: create, read, list, update (with {@code If-Match}), delete, revisions, verify, and the
 * actions other features contribute (render). An editor's update of a published entry, and any update while a change
 * to it is pending, is stored as its pending revision ({@link EntryReview}): agents keep the live text until a lead
 * publishes it. Imports are the exchange feature's ({@code /api/v1/entries/import}).
 */
final class EntryApi {

    private final EntryStore store;
    private final EntryReview review;
    private final ReviewQueue queue;
    private final EntryDraftParser parser;
    private final EntryPolicy policy = new EntryPolicy();
    private final Clock clock;
    private final KnownShops shop;

    EntryApi(EntryStore store, EntryReview review, ReviewQueue queue, EntryDraftParser parser, Clock clock,
             KnownShops shop) {
        this.store = store;
        this.review = review;
        this.queue = queue;
        this.parser = parser;
        this.clock = clock;
        this.shop = shop;
    }

    void routes(Router<ApiCall> api, Map<String, EntryAction> actions) {
        api.get("/api/v1/entries", this::list)
                .post("/api/v1/entries", this::create)
                .get("/api/v1/entries/{ref}", this::read)
                .put("/api/v1/entries/{ref}", this::update)
                .delete("/api/v1/entries/{ref}", this::delete)
                .get("/api/v1/entries/{ref}/revisions", this::revisions)
                .post("/api/v1/entries/{ref}/verify", this::verify);
        new ReviewApi(store, review, queue, policy, this::answer).routes(api);
        api.post("/api/v1/entries/{ref}/promote", this::promote);
        actions.forEach((name, action) -> api.post("/api/v1/entries/{ref}/" + name,
                call -> action.handle(visible(call.path("ref"), Principal.of(call)), call)));
    }

    private void list(ApiCall call) throws IOException {
        call.json(200, list(call, Principal.of(call)));
    }

    private void read(ApiCall call) throws IOException {
        Principal me = Principal.of(call);
        answer(call, 200, visible(call.path("ref"), me), me);
    }

    /**
     * The revisions of an entry (a deleted one's too, by id) the caller may read: editors', and a personal entry's
     * owner's; 404 for anyone who may not read the entry (as last stored).
     */
    private void revisions(ApiCall call) throws IOException {
        Principal me = Principal.of(call);
        String ref = call.path("ref");
        List<Revision> revisions = store.revisions(ref);
        Entry e = store.find(ref).orElse(revisions.getFirst().entry());
        EntryAccess.readable(me, e, ref);
        if (!e.personal() || !EntryAccess.owns(me, e)) me.require(Role.EDITOR);
        call.json(200, Map.of("revisions", revisions));
    }

    private void create(ApiCall call) throws IOException {
        Principal me = Principal.of(call);
        EntryDraft draft = parse(call.readObject());
        EntryAccess.checkWrite(me, null, draft);
        if (!draft.personal()) policy.checkStatusChange(me, null, draft.status());
        Entry created = store.create(draft, me.username());
        call.setHeader("Location", call.request().getRequestURI() + "/" + created.id());
        answer(call, 201, created, me);
    }

    private void verify(ApiCall call) throws IOException {
        Principal me = Principal.of(call);
        EntryAccess.checkChange(me, visible(call.path("ref"), me));
        answer(call, 200, store.verify(call.path("ref"), ifMatch(call, null), me.username()), me);
    }

    /** {@code POST …/promote} (lead): a personal entry joins the team library, in review. */
    private void promote(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.LEAD);
        Entry e = visible(call.path("ref"), me);
        answer(call, 200, review.promote(e.id(), IfMatch.optional(call, null), me.username()), me);
    }

    private void update(ApiCall call) throws IOException {
        Principal me = Principal.of(call);
        String ref = call.path("ref");
        JsonNode body = call.readObject();
        Entry current = visible(ref, me);
        long expected = ifMatch(call, body);
        EntryDraft draft = parse(body);
        EntryAccess.checkWrite(me, current, draft);
        Entry updated;
        if (current.personal()) {
            updated = store.update(current.id(), draft, expected, me.username(), "update", null);
        } else if (proposes(me, current, draft)) {
            updated = review.propose(current.id(), draft, expected, me.username(), draft.status() == EntryStatus.IN_REVIEW);
        } else {
            policy.checkStatusChange(me, current.status(), draft.status());
            boolean submits = draft.status() == EntryStatus.IN_REVIEW && current.status() != EntryStatus.IN_REVIEW;
            updated = store.update(current.id(), draft, expected, me.username(), submits ? "submit" : "update", null);
        }
        answer(call, 200, updated, me);
    }

    /**
     * Whether an update of {@code current} is a proposed change (its pending revision) rather than a new live text:
     * an editor's change to a published entry (status {@code in_review} also submits it), or a lead's while a change
     * is pending. A lead's other status on a published entry (archived, draft) takes it offline directly.
     */
    private boolean proposes(Principal me, Entry current, EntryDraft draft) {
        if (current.status() != EntryStatus.PUBLISHED || draft.status() == EntryStatus.ARCHIVED) return false;
        if (!me.can(Role.LEAD)) return true;
        return draft.status() == EntryStatus.PUBLISHED && review.pending(current.id()).isPresent();
    }

    /** Answers {@code e} with its version as the ETag, and its review state when the caller is an editor. */
    void answer(ApiCall call, int status, Entry e, Principal me) throws IOException {
        call.setHeader("ETag", etag(e.version()));
        call.json(status, me.can(Role.EDITOR) ? EntryView.of(e, clock.instant(), review.state(e.id()))
                : EntryView.of(e, clock.instant()));
    }

    /** A lead deletes a team entry; the owner alone deletes their personal entry. */
    private void delete(ApiCall call) {
        Principal me = Principal.of(call);
        Entry e = visible(call.path("ref"), me);
        if (e.personal()) EntryAccess.checkChange(me, e);
        else {
            me.require(Role.LEAD);
            EntryAccess.checkChange(me, e);
        }
        store.delete(e.id(), ifMatch(call, null), me.username());
        call.noContent();
    }

    /**
     * The entries the caller may see, one page: {@code shop} narrows them to one shop's (and every shop's) entries,
     * {@code visibility} to team or personal ones (a lead's {@code visibility=personal} lists everyone's snippets of
     * their shops, to promote; others see their own).
     */
    private EntryPage list(ApiCall call, Principal me) {
        EntryStatus status = null;
        String s = call.query("status");
        if (s != null) {
            status = EntryStatus.fromWire(s);
            if (status == null) throw ApiException.badRequest("status", EntryError.STATUS);
        }
        Visibility visibility = visibility(call.query("visibility"));
        if (!me.can(Role.EDITOR) && visibility != Visibility.PERSONAL) {
            // Agents read the published library; their own snippets, drafts included, with visibility=personal.
            if (status != null && status != EntryStatus.PUBLISHED) {
                throw ApiException.forbidden(EntryError.PUBLISHED_ONLY);
            }
            status = EntryStatus.PUBLISHED;
        }
        EntryScope scope = EntryScope.of(me, shop.requested(me, call.query("shop"), "shop"));
        if (visibility == Visibility.PERSONAL) scope = scope.withEveryPersonalFor(me);
        return store.list(new EntryQuery(status, call.query("category"), call.query("locale"), call.query("owner"),
                call.query("tag"), page(call), pageSize(call), scope, visibility));
    }

    private static int page(ApiCall call) {
        return call.intQuery("page", 1, 1, 1_000_000);
    }

    private static int pageSize(ApiCall call) {
        return call.intQuery("pageSize", 50, 1, EntryQuery.MAX_PAGE_SIZE);
    }

    private static Visibility visibility(String value) {
        try {
            return value == null ? null : Visibility.parse(value);
        } catch (UnknownTermException e) {
            throw ApiException.badRequest("visibility", ScopeError.VISIBILITY, String.join(", ", Visibility.IDS));
        }
    }

    /**
     * The entry, if this caller may read it ({@link EntryAccess#mayRead}: agents see published team entries and their
     * own snippets, nobody sees another shop's entries); "not found" otherwise.
     */
    private Entry visible(String ref, Principal me) {
        Entry e = store.find(ref).orElseThrow(() -> EntryAccess.notFound(ref));
        return EntryAccess.readable(me, e, ref);
    }

    private EntryDraft parse(JsonNode body) {
        EntryDraftParser.Result r = parser.parse(body);
        if (!r.ok()) throw ApiException.invalid(r.errors());
        return r.draft();
    }

    private static String etag(long version) {
        return IfMatch.etag(version);
    }

    private static long ifMatch(ApiCall call, JsonNode body) {
        return IfMatch.required(call, body);
    }
}
