package com.replybook.kb.console;

import com.replybook.kb.auth.Role;

import java.io.IOException;
import java.util.Map;

/**
 * The synonyms page. The lists belong to the search feature ({@code GET|PUT /api/v1/synonyms/{locale}});
 * the page's script reads and saves them through that API with the session and the CSRF header, so there
 * is one owner of the data and one validation.
 */
final class SynonymPage {

    void routes(ConsoleRoutes r) {
        r.get("synonyms", this::page);
    }

    private void page(Page p) throws IOException {
        p.require(Role.EDITOR);
        String locale = p.param("locale") == null ? "zh-CN" : p.param("locale");
        p.render("synonyms.ftlh", Map.of("locale", locale, "locales", Messages.SUPPORTED,
                "api", p.req.getContextPath() + "/api/v1/synonyms/" + locale));
    }
}
