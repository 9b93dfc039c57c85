package com.replybook.kb.editor;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryAccess;
import com.replybook.kb.entries.EntryError;
import com.replybook.kb.entries.EntryPolicy;
import com.replybook.kb.entries.EntryReview;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.entries.PendingRevision;
import com.replybook.kb.entries.Revision;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entry's revisions: the list, a side-by-side word diff, and restore after a confirmation that shows what comes
 * back. The diff opens on what matters now: the live entry against its proposed change when one is pending, else
 * the live entry against the last earlier version with other text (not a mere status step). Restoring never puts
 * old text live: a published entry gets it as its pending revision, for a lead to publish like any change.
 */
final class RevisionPages {

    private final EntryStore store;
    private final EntryReview review;
    private final EntryPolicy policy;

    RevisionPages(EntryStore store, EntryReview review, EntryPolicy policy) {
        this.store = store;
        this.review = review;
        this.policy = policy;
    }

    void routes(Router<Page> r) {
        r.get("/entries/{id}/revisions", this::list)
                .get("/entries/{id}/diff", this::diff)
                .get("/entries/{id}/restore", this::confirmRestore)
                .post("/entries/{id}/restore", this::restore);
    }

    private void list(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        Entry e = existing(p.path("id"), me);
        Map<String, Object> m = new HashMap<>();
        m.put("entry", e);
        m.put("revisions", store.revisions(e.id()));
        m.put("pending", review.pending(e.id()).isPresent());
        p.render("entries/revisions.ftlh", m);
    }

    private void diff(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        Entry e = existing(p.path("id"), me);
        List<Revision> revisions = store.revisions(e.id());
        Optional<PendingRevision> pending = review.pending(e.id());
        Comparison c;
        if (p.param("a") != null || p.param("b") != null) {
            long a = p.longParam("a").orElse(e.version());
            long b = p.longParam("b").orElse(e.version());
            c = Comparison.of(find(revisions, Math.min(a, b)), find(revisions, Math.max(a, b)));
        } else if (pending.isPresent()) {
            c = Comparison.livePending(e, pending.get());
        } else {
            c = Comparison.lastChange(e, revisions);
        }
        Map<String, Object> m = new HashMap<>(c.model());
        m.put("entry", e);
        m.put("pending", pending.orElse(null));
        m.put("refused", p.param("refused") == null ? "" : p.param("refused"));
        p.render("entries/diff.ftlh", m);
    }

    /** What restoring {@code version} would change, and where it goes (a proposal, or the entry itself). */
    private void confirmRestore(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        Entry e = existing(p.path("id"), me);
        long version = p.longParam("version").orElseThrow(() -> ApiException.badRequest("version", InputError.REQUIRED, "version"));
        Revision old = find(store.revisions(e.id()), version);
        Optional<PendingRevision> pending = review.pending(e.id());
        Entry now = pending.map(PendingRevision::entry).orElse(e);
        Map<String, Object> m = new HashMap<>(Comparison.fields(now, old.entry()));
        m.put("entry", e);
        m.put("restoreVersion", version);
        m.put("pending", pending.orElse(null));
        m.put("live", e.status() == EntryStatus.PUBLISHED);
        m.put("refused", p.param("refused") != null);
        p.render("entries/restore.ftlh", m);
    }

    private void restore(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        Entry current = existing(p.path("id"), me);
        EntryAccess.checkChange(me, current);
        long version = p.longParam("restoreVersion").orElseThrow(() -> ApiException.badRequest("restoreVersion", InputError.REQUIRED, "restoreVersion"));
        long expected = p.longParam("version").orElseThrow(() -> ApiException.badRequest("version", InputError.REQUIRED, "version"));
        boolean live = current.status() == EntryStatus.PUBLISHED;
        if (!live) policy.checkStatusChange(me, current.status(), current.status());
        try {
            review.restore(current.id(), version, expected, me.username());
        } catch (ApiException e) {
            if (e.status() != 409) throw e;
            p.redirect("entries/" + current.id() + "/restore?version=" + version + "&refused=changed", null);
            return;
        }
        p.redirect("entries/" + current.id(), live ? "flash.restoredPending" : "flash.restored", version);
    }

    static Revision find(List<Revision> revisions, long version) {
        return revisions.stream().filter(r -> r.version() == version).findFirst()
                .orElseThrow(() -> ApiException.notFound(EntryError.REVISION_NOT_FOUND, version));
    }

    /** The entry, if {@code me} may read it ({@link EntryAccess}); "not found" otherwise. */
    private Entry existing(String ref, Principal me) {
        return EntryAccess.readable(me, store.find(ref)
                .orElseThrow(() -> ApiException.notFound(EntryError.NOT_FOUND, ref)), ref);
    }
}
