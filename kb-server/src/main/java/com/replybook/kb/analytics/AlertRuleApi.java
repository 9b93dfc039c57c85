package com.replybook.kb.analytics;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.Map;

/**
 * The alert thresholds leads set, lead and above:
 * <ul>
 *   <li>{@code GET /api/v1/analytics/alert-rules} → {@code {"rules":[…]}}</li>
 *   <li>{@code POST /api/v1/analytics/alert-rules} {@code {"label","kind":"product|category","categories":[…],
 *       "threshold":5,"days":7}} → 201 the rule (422 naming each bad field; 409 beyond {@value AlertRuleStore#MAX_RULES})</li>
 *   <li>{@code PUT /api/v1/analytics/alert-rules/{id}} the same shape → 200; {@code DELETE} → 204</li>
 * </ul>
 */
final class AlertRuleApi {

    private final AlertRules rules;

    AlertRuleApi(AlertRules rules) {
        this.rules = rules;
    }

    void routes(Router<ApiCall> api) {
        api.get("/api/v1/analytics/alert-rules", this::list)
                .post("/api/v1/analytics/alert-rules", this::add)
                .put("/api/v1/analytics/alert-rules/{id}", this::replace)
                .delete("/api/v1/analytics/alert-rules/{id}", this::delete);
    }

    private void list(ApiCall call) throws IOException {
        Principal.of(call).require(Role.LEAD);
        call.json(200, Map.of("rules", rules.all()));
    }

    private void add(ApiCall call) throws IOException {
        Principal lead = Principal.of(call).require(Role.LEAD);
        call.json(201, rules.add(AlertRuleInput.fromJson(call.readObject()), lead.username()));
    }

    private void replace(ApiCall call) throws IOException {
        Principal lead = Principal.of(call).require(Role.LEAD);
        call.json(200, rules.replace(call.path("id"), AlertRuleInput.fromJson(call.readObject()), lead.username()));
    }

    private void delete(ApiCall call) {
        Principal.of(call).require(Role.LEAD);
        if (!rules.delete(call.path("id"))) throw ApiException.notFound(InsightsError.RULE_NOT_FOUND, call.path("id"));
        call.noContent();
    }
}
