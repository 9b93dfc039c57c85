package com.replybook.kb.analytics;

import com.replybook.kb.auth.Role;
import com.replybook.kb.console.FormErrors;
import com.replybook.kb.console.Page;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The alert-threshold forms of the Insights page: {@code POST /console/insights/alert-rules} adds one,
 * {@code POST /console/insights/alert-rules/{id}} with {@code action=save} or {@code action=delete} changes or
 * deletes one (the page's period travels as {@code period}, since a rule's own {@code days} is its window).
 * Success goes back to the page's thresholds with a message; a refused form is shown again with what the lead
 * typed and each bad field marked (422).
 */
final class AlertRulePages {

    /** Shows the Insights page with a status and the refused form's values and errors. */
    @FunctionalInterface
    interface Show {
        void show(Page p, int status, InsightsPage.Filter f, Map<String, Object> ruleForm) throws IOException;
    }

    private final AlertRules rules;
    private final Show page;

    AlertRulePages(AlertRules rules, Show page) {
        this.rules = rules;
        this.page = page;
    }

    void routes(Router<Page> r) {
        r.post("/insights/alert-rules", this::add);
        r.post("/insights/alert-rules/{id}", this::change);
    }

    private void add(Page p) throws IOException {
        var lead = p.require(Role.LEAD);
        try {
            rules.add(input(p), lead.username());
            p.redirect(back(p), "insights.rules.added");
        } catch (ApiException e) {
            refused(p, e, "new");
        }
    }

    private void change(Page p) throws IOException {
        var lead = p.require(Role.LEAD);
        String id = p.path("id");
        if ("delete".equals(p.param("action"))) {
            if (!rules.delete(id)) throw ApiException.notFound(InsightsError.RULE_NOT_FOUND, id);
            p.redirect(back(p), "insights.rules.deleted");
            return;
        }
        try {
            rules.replace(id, input(p), lead.username());
            p.redirect(back(p), "insights.rules.saved");
        } catch (ApiException e) {
            refused(p, e, id);
        }
    }

    private static AlertRuleInput input(Page p) {
        return AlertRuleInput.fromForm(p.param("label"), p.param("kind"), p.param("categories"), p.param("threshold"),
                p.param("days"));
    }

    @SuppressWarnings("unchecked")
    private void refused(Page p, ApiException e, String ruleId) throws IOException {
        if (e.status() != 422) throw e;
        List<FieldError> errors = (List<FieldError>) e.details().get("errors");
        Map<String, Object> form = new HashMap<>();
        form.put("id", ruleId);
        for (String field : List.of("label", "kind", "categories", "threshold", "days")) {
            form.put(field, p.raw(field));
        }
        form.put("errors", FormErrors.byField(errors, p.messages()).keySet());
        page.show(p, 422, InsightsPage.Filter.of(p, "period"), form);
    }

    /** The page the lead came from (its period and locale kept), at the thresholds. */
    private static String back(Page p) {
        InsightsPage.Filter f = InsightsPage.Filter.of(p, "period");
        return "insights?days=" + f.days() + (f.locale() == null ? "" : "&locale=" + f.locale()) + "#alert-rules";
    }
}
