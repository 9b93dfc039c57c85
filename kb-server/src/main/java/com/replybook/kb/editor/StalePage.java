package com.replybook.kb.editor;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.EntryScope;
import com.replybook.kb.shops.Shops;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * The stale queue: published entries not verified within their interval, mine first on request
 * ({@code ?mine=1}), each with a one-click "still correct".
 */
final class StalePage {

    private final EntryFinder finder;
    private final Shops shops;
    private final Clock clock;

    StalePage(EntryFinder finder, Shops shops, Clock clock) {
        this.finder = finder;
        this.shops = shops;
        this.clock = clock;
    }

    void routes(Router<Page> r) {
        r.get("/stale", this::queue);
    }

    private void queue(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        boolean mine = p.param("mine") != null;
        int page = p.longParam("page").map(Long::intValue).filter(n -> n >= 1).orElse(1);
        EntryScope scope = EntryScope.of(me, shops.requested(me, p.param("shop"), "shop"));
        EntryFinder.Filter f = new EntryFinder.Filter("published", null, null, mine ? me.username() : null,
                null, true, null, null, page, scope);
        EntryFinder.Result result = finder.find(f, clock.instant());
        p.render("stale.ftlh", Map.of("rows", result.rows(), "total", result.total(), "mine", mine,
                "shop", f.shop(), "shopChoices", shops.of(me)));
    }
}
