package com.replybook.kb.analytics;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

import java.io.IOException;

/** {@code GET /api/v1/analytics/insights?days=30&locale=&limit=20} (lead+): see {@link LibraryInsights}. */
final class InsightsApi {

    private final InsightsQuery insights;

    InsightsApi(InsightsQuery insights) {
        this.insights = insights;
    }

    void routes(Router<ApiCall> api) {
        api.get("/api/v1/analytics/insights", this::insights);
    }

    private void insights(ApiCall call) throws IOException {
        Principal.of(call).require(Role.LEAD);
        call.json(200, insights.lastDays(call.intQuery("days", 30, 1, 366), call.query("locale"),
                call.intQuery("limit", 20, 1, 200)));
    }
}
