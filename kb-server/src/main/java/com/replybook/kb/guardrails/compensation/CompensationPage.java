package com.replybook.kb.guardrails.compensation;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.guardrails.GuardrailsPageModel;
import com.replybook.kb.console.Page;
import com.replybook.kb.guardrails.Locales;
import com.replybook.kb.vocabulary.CompensationOffer;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.Map;

/**
 * {@code /console/compensation?locale=zh-CN} (lead and above): the locale's compensation table, rows to edit, add and
 * remove, and "which rule applies to this ticket". The page's script saves and checks through
 * {@code /api/v1/compensation} with the session, so the API's validation is the only one.
 */
final class CompensationPage {

    private final Compensation compensation;

    CompensationPage(Compensation compensation) {
        this.compensation = compensation;
    }

    void routes(Router<Page> r) {
        r.get("/compensation", this::show)
                .post("/compensation/revert", p -> GuardrailsPageModel.revert(p, p.require(Role.LEAD),
                        compensation.shops(), "compensation", compensation::remove));
    }

    private void show(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        SupportedLocale locale = Locales.find(p.param("locale")).orElse(SupportedLocale.resolve(p.me().locale()));
        Compensation.Current now = compensation.current(
                GuardrailsPageModel.requested(p, me, locale, compensation.shops()));
        Map<String, Object> m = GuardrailsPageModel.of(me, locale, now.set(), now.inherited(), compensation.shops());
        m.put("policy", now.policy());
        m.put("rules", now.policy().rules().stream().map(CompensationRule::toJson).toList());
        m.put("stamp", now.stamp());
        m.put("offers", CompensationOffer.IDS);
        m.put("api", p.request().getContextPath() + "/api/v1/compensation");
        p.render("guardrails/compensation.ftlh", m);
    }
}
