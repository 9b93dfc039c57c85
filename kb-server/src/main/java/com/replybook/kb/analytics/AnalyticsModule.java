package com.replybook.kb.analytics;

import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.search.CustomerTextListener;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

/**
 * Insights for team leads from the usage events and the customers' emotion words:
 * {@code /api/v1/analytics/…} and the Insights page. The search module tells it the customers' words of every
 * ticket search through {@link #customerWords()}.
 */
public final class AnalyticsModule implements FeatureModule {

    private final EmotionWords emotionWords;
    private final AlertRules alertRules;
    private final InsightsQuery insights;
    private final KnownShops shops;

    /** A module whose insights may be narrowed to any shop key (tools and tests without shops). */
    public AnalyticsModule(Platform platform) {
        this(platform, KnownShops.ANY);
    }

    /** @param shops the shops a lead may narrow the insights to (supplied by the shops feature) */
    public AnalyticsModule(Platform platform, KnownShops shops) {
        this.shops = shops;
        var db = platform.database();
        this.emotionWords = new EmotionWords(new EmotionWordCounter(EmotionLexicon.load()), new EmotionWordStore(db),
                platform.clock(), platform.config().emotionWordRetentionDays());
        emotionWords.purge(emotionWords.today());
        AlertRuleStore rules = new AlertRuleStore(db);
        this.alertRules = new AlertRules(rules, platform.clock());
        this.insights = new InsightsQuery(db, platform.clock(), emotionWords, rules);
    }

    /** Counts the emotion words of the customers' messages; keeps nothing else of them. */
    public CustomerTextListener customerWords() {
        return emotionWords;
    }

    @Override
    public void api(Router<ApiCall> api) {
        new InsightsApi(insights, shops).routes(api);
        new AlertRuleApi(alertRules).routes(api);
    }

    @Override
    public void console(Router<Page> console) {
        new InsightsPage(insights, alertRules, shops).routes(console);
    }
}
