package com.replybook.kb.console;

import com.replybook.kb.auth.Role;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.Map;

/**
 * {@code /console/}: where signing in leads. Editors and above go to the entries; an agent, whose work happens in
 * the help-desk, gets a page that says where Replybook is for them (the panel in Request Tracker or Zendesk) and
 * what they can do here, instead of a page they may not open.
 */
final class HomePage {

    void routes(Router<Page> r) {
        r.get("/", this::home);
    }

    private void home(Page p) throws IOException {
        if (p.me().can(Role.EDITOR)) {
            p.redirect("entries", null);
            return;
        }
        p.render("welcome.ftlh", Map.of());
    }
}
