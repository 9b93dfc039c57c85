package com.replybook.kb.analytics;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** {@code GET /api/v1/analytics/insights?days=30&locale=&limit=20} (lead+): see {@link LibraryInsights}. */
public final class InsightsServlet extends JsonServlet {

    private final InsightsQuery insights;

    public InsightsServlet(InsightsQuery insights) {
        this.insights = insights;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal.of(req).require(Role.LEAD);
        String locale = req.getParameter("locale");
        writeJson(resp, 200, insights.lastDays(intParam(req, "days", 30, 1, 366),
                locale == null || locale.isBlank() ? null : locale.strip(), intParam(req, "limit", 20, 1, 200)));
    }
}
