package com.replybook.kb.editor;

import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
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
    private final Clock clock;

    StalePage(EntryFinder finder, Clock clock) {
        this.finder = finder;
        this.clock = clock;
    }

    void routes(Router<Page> r) {
        r.get("/stale", this::queue);
    }

    private void queue(Page p) throws IOException {
        p.require(Role.EDITOR);
        boolean mine = p.param("mine") != null;
        int page = p.longParam("page").map(Long::intValue).filter(n -> n >= 1).orElse(1);
        EntryFinder.Filter f = new EntryFinder.Filter("published", null, null, mine ? p.me().username() : null,
                null, true, null, null, page);
        EntryFinder.Result result = finder.find(f, clock.instant());
        p.render("stale.ftlh", Map.of("rows", result.rows(), "total", result.total(), "mine", mine));
    }
}
