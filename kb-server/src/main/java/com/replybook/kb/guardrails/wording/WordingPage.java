package com.replybook.kb.guardrails.wording;

import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.guardrails.Locales;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/wording?locale=zh-CN} (lead and above): the locale's wording rules to edit, add and remove, and a
 * "try a text" box that highlights what the rules find. The page's script saves and checks through
 * {@code /api/v1/wording} with the session, so the API's validation is the only one.
 */
final class WordingPage {

    private final Wording wording;

    WordingPage(Wording wording) {
        this.wording = wording;
    }

    void routes(Router<Page> r) {
        r.get("/wording", this::show);
    }

    private void show(Page p) throws IOException {
        p.require(Role.LEAD);
        SupportedLocale locale = Locales.find(p.param("locale")).orElse(SupportedLocale.resolve(p.me().locale()));
        Wording.Current now = wording.current(locale);
        p.render("guardrails/wording.ftlh", Map.of("locale", locale.tag(), "locales", SupportedLocale.TAGS,
                "rules", now.rules().rules(), "stamp", now.stamp(),
                "severities", List.of(Severity.BLOCK.wire(), Severity.WARN.wire()),
                "api", p.request().getContextPath() + "/api/v1/wording"));
    }
}
