package com.replybook.kb.guardrails.wording;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.guardrails.GuardrailsPageModel;
import com.replybook.kb.console.Page;
import com.replybook.kb.guardrails.Locales;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/wording?locale=zh-CN[&shop=tmall]} (lead and above): the locale's wording rules, or a shop's own
 * (its locale's until it saves some), to edit, add and remove, and a "try a text" box that highlights what the rules
 * find; a shop's own rules can be dropped ({@code POST /console/wording/revert}). The page's script saves and checks through
 * {@code /api/v1/wording} with the session, so the API's validation is the only one.
 */
final class WordingPage {

    private final Wording wording;

    WordingPage(Wording wording) {
        this.wording = wording;
    }

    void routes(Router<Page> r) {
        r.get("/wording", this::show)
                .post("/wording/revert", p -> GuardrailsPageModel.revert(p, p.require(Role.LEAD), wording.shops(), "wording",
                        wording::remove));
    }

    private void show(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        SupportedLocale locale = Locales.find(p.param("locale")).orElse(SupportedLocale.resolve(p.me().locale()));
        Wording.Current now = wording.current(GuardrailsPageModel.requested(p, me, locale, wording.shops()));
        Map<String, Object> m = GuardrailsPageModel.of(me, locale, now.set(), now.inherited(), wording.shops());
        m.put("rules", now.rules().rules());
        m.put("stamp", now.stamp());
        m.put("severities", List.of(Severity.BLOCK.wire(), Severity.WARN.wire()));
        m.put("api", p.request().getContextPath() + "/api/v1/wording");
        p.render("guardrails/wording.ftlh", m);
    }
}
