package com.replybook.kb.analytics;

import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Library insights for team leads ({@code /console/insights?days=30&locale=zh-CN}): what agents search most, the
 * searches that found nothing (each a link that starts an entry from it), the most and never used entries, and
 * insertions by tone, channel and customer emotion. The same figures as {@code GET /api/v1/analytics/insights}.
 */
final class InsightsPage {

    static final List<Integer> PERIODS = List.of(7, 30, 90);
    private static final int ROWS = 20;

    private final InsightsQuery insights;
    private final AlertRules alertRules;

    InsightsPage(InsightsQuery insights, AlertRules alertRules) {
        this.insights = insights;
        this.alertRules = alertRules;
    }

    void routes(Router<Page> r) {
        r.get("/insights", this::show);
    }

    private void show(Page p) throws IOException {
        p.require(Role.LEAD);
        int days = p.longParam("days").map(Long::intValue).filter(PERIODS::contains).orElse(30);
        String requested = p.param("locale");
        String locale = requested != null && SupportedLocale.TAGS.contains(requested) ? requested : null; // List.of: no nulls
        p.render("insights.ftlh", Map.of("insights", insights.lastDays(days, locale, ROWS), "days", days,
                "locale", locale == null ? "" : locale, "periods", PERIODS, "locales", SupportedLocale.TAGS));
    }
}
