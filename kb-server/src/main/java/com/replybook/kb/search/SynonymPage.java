package com.replybook.kb.search;

import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Messages;
import com.replybook.kb.console.Page;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.Map;

/**
 * The synonyms page. The lists belong to the search feature ({@code GET|PUT /api/v1/synonyms/{locale}});
 * the page's script reads and saves them through that API with the session and the CSRF header, so there
 * is one owner of the data and one validation.
 */
final class SynonymPage {

    void routes(Router<Page> r) {
        r.get("/synonyms", this::page);
    }

    private void page(Page p) throws IOException {
        p.require(Role.EDITOR);
        String locale = p.param("locale") == null ? SupportedLocale.HOME.tag() : p.param("locale");
        p.render("synonyms.ftlh", Map.of("locale", locale, "locales", Messages.SUPPORTED,
                "api", p.request().getContextPath() + "/api/v1/synonyms/" + locale));
    }
}
