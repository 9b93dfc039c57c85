package com.replybook.kb.editor;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.NavCounts;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryAccess;
import com.replybook.kb.entries.EntryScope;
import com.replybook.kb.entries.EntryReview;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.entries.ReviewQueue;
import com.replybook.kb.shops.Shops;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;
import com.replybook.kb.entries.EntryError;
import com.replybook.kb.web.InputError;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The review inbox: for leads, entries and proposed changes in review, the longest waiting first; for everyone,
 * the work a lead sent back to them with the comment. Also the review step a lead takes from the comparison of a
 * live entry and its proposed change (publish, or send back with a comment), which writes no text of the page's.
 */
final class ReviewPages {

    private final EntryStore store;
    private final EntryReview review;
    private final ReviewQueue queue;
    private final Shops shops;

    ReviewPages(EntryStore store, EntryReview review, ReviewQueue queue, Shops shops) {
        this.store = store;
        this.review = review;
        this.queue = queue;
        this.shops = shops;
    }

    void routes(Router<Page> r) {
        r.get("/inbox", this::inbox)
                .post("/entries/{id}/review", this::step);
    }

    /** The numbers beside the inbox: work in review for a lead, work sent back to each user. */
    NavCounts counts() {
        return me -> {
            if (!me.can(Role.EDITOR)) return Map.of();
            long n = queue.countSentBackTo(me.username())
                    + (me.can(Role.LEAD) ? queue.countInReview(EntryScope.of(me, null)) : 0);
            return Map.of("inbox", n);
        };
    }

    /** The inbox; {@code shop} narrows the work in review to one shop's entries (and those of every shop). */
    private void inbox(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        String shop = shops.requested(me, p.param("shop"), "shop");
        Map<String, Object> m = new HashMap<>();
        m.put("inReview", me.can(Role.LEAD) ? queue.inReview(EntryScope.of(me, shop)) : List.of());
        m.put("shop", shop == null ? "" : shop);
        m.put("shopChoices", shops.of(me));
        m.put("sentBack", queue.sentBackTo(me.username()));
        p.render("entries/review.ftlh", m);
    }

    /** {@code action} = publish or sendback (with {@code comment}), on the version the page showed. */
    private void step(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        Entry e = EntryAccess.readable(me, store.find(p.path("id"))
                .orElseThrow(() -> ApiException.notFound(EntryError.NOT_FOUND, p.path("id"))), p.path("id"));
        EntryAccess.checkChange(me, e);
        long version = p.longParam("version").orElseThrow(() -> ApiException.badRequest("version", InputError.REQUIRED, "version"));
        String action = p.param("action") == null ? "" : p.param("action");
        try {
            switch (action) {
                case "publish" -> review.publish(e.id(), version, me.username());
                case "sendback" -> review.sendBack(e.id(), p.param("comment"), version, me.username());
                default -> throw ApiException.badRequest("action", InputError.UNKNOWN_ACTION, action);
            }
        } catch (ApiException refused) {
            if (refused.status() != 409 && refused.status() != 422) throw refused;
            p.redirect("entries/" + e.id() + "/diff?refused=" + (refused.status() == 422 ? "comment" : "changed"), null);
            return;
        }
        p.redirect(action.equals("publish") ? "entries/" + e.id() : "inbox", "flash." + action);
    }
}
