package com.replybook.kb.analytics;

import com.replybook.kb.console.Page;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

/** Insights for team leads from the usage events: {@code /api/v1/analytics/insights} and the Insights page. */
public final class AnalyticsModule implements FeatureModule {

    private final InsightsQuery insights;

    public AnalyticsModule(Platform platform) {
        this.insights = new InsightsQuery(platform.database(), platform.clock());
    }

    @Override
    public void api(Router<ApiCall> api) {
        new InsightsApi(insights).routes(api);
    }

    @Override
    public void console(Router<Page> console) {
        new InsightsPage(insights).routes(console);
    }
}
