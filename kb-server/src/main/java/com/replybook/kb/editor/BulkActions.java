package com.replybook.kb.editor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Messages;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryAccess;
import com.replybook.kb.entries.EntryDraft;
import com.replybook.kb.entries.EntryDraftParser;
import com.replybook.kb.entries.EntryPolicy;
import com.replybook.kb.entries.EntryReview;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.entries.PendingRevision;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Json;
import com.replybook.kb.web.Router;
import com.replybook.kb.entries.ReviewError;
import com.replybook.kb.console.ErrorTexts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bulk actions on the entries list: publish, archive, mark as still correct, change owner. Each selected entry is
 * done on its own, with the version the list showed (an entry changed since is left alone), under the same role
 * rules as one at a time; the result page says per entry what happened.
 */
final class BulkActions {

    /** At most this many entries per request: four pages of the list. */
    static final int MAX_ENTRIES = 200;
    static final Set<String> ACTIONS = Set.of("publish", "archive", "verify", "owner");

    private final EntryStore store;
    private final EntryReview review;
    private final EntryDraftParser parser;
    private final EntryPolicy policy;

    BulkActions(EntryStore store, EntryReview review, EntryDraftParser parser, EntryPolicy policy) {
        this.store = store;
        this.review = review;
        this.parser = parser;
        this.policy = policy;
    }

    void routes(Router<Page> r) {
        r.post("/entries/bulk", this::apply);
    }

    /** {@code bulkAction}, {@code ids} ({@code id@version} each) and, to change owners, {@code owner}. */
    private void apply(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        String action = p.param("bulkAction");
        if (action == null || !ACTIONS.contains(action)) throw ApiException.badRequest("bulkAction", ReviewError.BULK_ACTION);
        List<String> ids = p.params("ids");
        String owner = p.param("owner");
        if (ids.isEmpty() || (action.equals("owner") && owner == null)) {
            p.redirect("entries", ids.isEmpty() ? "bulk.noneSelected" : "bulk.ownerRequired");
            return;
        }
        if (ids.size() > MAX_ENTRIES) throw ApiException.badRequest("ids", ReviewError.BULK_TOO_MANY, MAX_ENTRIES);
        List<Map<String, Object>> rows = new ArrayList<>();
        int done = 0;
        for (String idAtVersion : ids) {
            Map<String, Object> row = one(me, action, idAtVersion, owner, p.messages());
            if ((Boolean) row.get("done")) done++;
            rows.add(row);
        }
        p.render("entries/bulk.ftlh", Map.of("action", action, "rows", rows, "done", done,
                "notDone", rows.size() - done));
    }

    private Map<String, Object> one(Principal me, String action, String idAtVersion, String owner, Messages msg) {
        int at = idAtVersion.lastIndexOf('@');
        String id = at < 0 ? idAtVersion : idAtVersion.substring(0, at);
        Optional<Entry> found = store.find(id).filter(e -> EntryAccess.mayRead(me, e));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("key", found.map(Entry::key).orElse(id));
        if (found.isEmpty()) return outcome(row, false, msg.get("bulk.skip.missing"));
        try {
            long version = at < 0 ? found.get().version() : Long.parseLong(idAtVersion.substring(at + 1));
            take(me, action, found.get(), version, owner);
            return outcome(row, true, action.equals("owner") ? msg.get("bulk.done.owner", owner) : msg.get("bulk.done." + action));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("ids", ReviewError.BULK_IDS);
        } catch (ApiException e) {
            return outcome(row, false, reason(e, store.find(id), msg));
        }
    }

    private void take(Principal me, String action, Entry e, long version, String owner) {
        EntryAccess.checkChange(me, e);
        switch (action) {
            case "publish" -> review.publish(e.id(), version, me.require(Role.LEAD).username());
            case "archive" -> {
                me.require(Role.LEAD);
                if (e.status() == EntryStatus.ARCHIVED) throw notNow(e);
                store.update(e.id(), EntryDraft.of(e).withStatus(EntryStatus.ARCHIVED), version, me.username(), "archive", null);
            }
            case "verify" -> store.verify(e.id(), version, me.username());
            default -> changeOwner(me, e, version, owner);
        }
    }

    /** The live entry's owner and, when a change is pending, the pending revision's too (or publishing it would undo this). */
    private void changeOwner(Principal me, Entry e, long version, String owner) {
        policy.checkStatusChange(me, e.status(), e.status());
        EntryDraft draft = validOwner(EntryDraft.of(e), owner);
        if (draft.sameContentAs(e)) throw notNow(e);
        Entry saved = store.update(e.id(), draft, version, me.username());
        Optional<PendingRevision> pending = review.pending(e.id());
        if (pending.isPresent()) {
            review.propose(e.id(), EntryDraft.of(pending.get().entry()).withOwner(draft.owner()), saved.version(),
                    me.username(), false);
        }
    }

    /** {@code d} with {@code owner}, checked by the parser every way in shares (length, characters). */
    private EntryDraft validOwner(EntryDraft d, String owner) {
        ObjectNode json = Json.MAPPER.valueToTree(d.withOwner(owner));
        EntryDraftParser.Result r = parser.parse(json);
        if (!r.ok()) throw ApiException.invalid(r.errors());
        return r.draft();
    }

    private static String reason(ApiException e, Optional<Entry> now, Messages msg) {
        return switch (e.status()) {
            case 403 -> msg.get("bulk.skip.forbidden");
            case 404 -> msg.get("bulk.skip.missing");
            case 409 -> e.details().containsKey("status") && now.isPresent()
                    ? msg.get("bulk.skip.state", msg.get("status." + now.get().status().wire()))
                    : msg.get("bulk.skip.conflict");
            default -> msg.get("bulk.skip.invalid", ErrorTexts.of(msg, e));
        };
    }

    private static ApiException notNow(Entry e) {
        return ApiException.conflict(ReviewError.NOTHING_TO_DO, Map.of("status", e.status().wire()));
    }

    private static Map<String, Object> outcome(Map<String, Object> row, boolean done, String message) {
        row.put("done", done);
        row.put("message", message);
        return row;
    }
}
