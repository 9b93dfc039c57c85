package com.replybook.kb.analytics;

import com.replybook.kb.analytics.LibraryInsights.AgentActivity;
import com.replybook.kb.analytics.LibraryInsights.TopRow;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;
import com.replybook.kb.web.InputError;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Insights for team leads ({@code /console/insights?days=30&locale=zh-CN}): alerts; the problem TOP lists by
 * category (trend lines, each category drilling down to {@code /console/insights/category?name=…}) and by product
 * (bars); the customers' emotion words (a word cloud); the entries whose tickets reopen most; compensation; a card
 * per agent; what agents search, the searches that found nothing, the most and never used entries; and the alert
 * thresholds ({@link AlertRulePages}). Charts are SVG drawn here, each with a title, a description and a table of
 * its data. The same figures as {@code GET /api/v1/analytics/insights}.
 */
final class InsightsPage {

    static final List<Integer> PERIODS = List.of(7, 30, 90);
    static final int ROWS = 20;
    static final int LINES = 6;
    static final int BARS = 10;

    private final InsightsQuery insights;
    private final AlertRules alertRules;
    private final KnownShops shops;

    InsightsPage(InsightsQuery insights, AlertRules alertRules, KnownShops shops) {
        this.insights = insights;
        this.alertRules = alertRules;
        this.shops = shops;
    }

    void routes(Router<Page> r) {
        r.get("/insights", p -> show(p, 200, Filter.of(p, "days"), Map.of()));
        r.get("/insights/category", this::category);
        new AlertRulePages(alertRules, this::show).routes(r);
    }

    /** The page for {@code f}, with {@code ruleForm} (the values and errors of a refused threshold form) if any. */
    void show(Page p, int status, Filter f, Map<String, Object> ruleForm) throws IOException {
        Principal me = p.require(Role.LEAD);
        LibraryInsights in = insights.lastDays(f.days(), f.locale(), ROWS, f.traditional(p), scope(p, me));
        Period period = Period.lastDays(f.days(), in.to());
        Map<String, Object> m = f.model(p);
        m.put("insights", in);
        m.put("shopChoices", shops.namesFor(me));
        m.put("categoryChart", trend(in.categories(), period, p, f));
        m.put("dates", period.dates());
        m.put("productChart", BarChart.of(in.products().stream().limit(BARS)
                .map(r -> new BarChart.Item(r.product(), r.inserts())).toList()));
        m.put("cloud", WordCloud.of(in.emotionWords().stream()
                .map(w -> new WordCloud.Word(w.word(), w.count(), w.emotion().id())).toList()));
        m.put("sparks", sparks(in.agents(), period));
        m.put("rules", alertRules.all());
        m.put("ruleForm", ruleForm);
        m.put("kinds", AlertKind.IDS);
        m.put("blankRule", new AlertRule("new", "", AlertKind.PRODUCT, List.of(), 5, 7, null, null));
        p.render(status, "insights.ftlh", m);
    }

    private void category(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        Filter f = Filter.of(p, "days");
        String name = p.param("name");
        if (name == null || name.length() > 200) throw ApiException.badRequest("name", InsightsError.CATEGORY_REQUIRED);
        CategoryDetail detail = insights.category(name, f.days(), f.locale(), ROWS, scope(p, me));
        Map<String, Object> m = f.model(p);
        m.put("detail", detail);
        m.put("chart", LineChart.of(List.of(new LineChart.Series(name, null, detail.daily())), detail.dates()));
        p.render("insights/category.ftlh", m);
    }

    /** The lead's shops, or the one shop the page names ({@code shop}: 400 when unknown, 403 when not theirs). */
    private InsightScope scope(Page p, Principal me) {
        return InsightScope.of(me, shops.requested(me, p.param("shop"), "shop"));
    }

    private static LineChart trend(List<? extends TopRow> rows, Period period, Page p, Filter f) {
        return LineChart.of(rows.stream().limit(LINES).map(r -> new LineChart.Series(r.name(),
                categoryLink(p, r.name(), f), r.daily())).toList(), period.dates());
    }

    static String categoryLink(Page p, String category, Filter f) {
        return p.request().getContextPath() + "/console/insights/category?name=" + URLEncoder.encode(category, StandardCharsets.UTF_8)
                + "&" + f.query();
    }

    private static Map<String, LineChart> sparks(List<AgentActivity> agents, Period period) {
        Map<String, LineChart> out = new HashMap<>();
        for (AgentActivity a : agents) {
            out.put(a.agent(), LineChart.of(List.of(new LineChart.Series(a.agent(), null, a.daily())), period.dates()));
        }
        return out;
    }

    /**
     * The period and locale the lead chose: days 1–{@value InsightsApi#MAX_DAYS}, {@code locale} one of the
     * supported tags; anything else is a 400 naming the parameter, as in the API. The period is the parameter
     * {@code days} on the page and {@code period} in the threshold forms (whose {@code days} is the rule's).
     */
    record Filter(int days, String locale, String shop) {

        static Filter of(Page p, String daysParam) {
            long days = p.longParam(daysParam).orElse(30L);
            if (days < 1 || days > InsightsApi.MAX_DAYS) {
                throw ApiException.badRequest(daysParam, InputError.OUT_OF_RANGE, daysParam, 1, InsightsApi.MAX_DAYS);
            }
            String shop = p.param("shop");
            return new Filter((int) days, InsightsApi.locale(p.param("locale")),
                    shop == null || shop.isBlank() ? null : shop.strip());
        }

        /** The filter as a query string, e.g. {@code days=30&locale=zh-CN&shop=tmall}. */
        String query() {
            return "days=" + days + (locale == null ? "" : "&locale=" + locale)
                    + (shop == null ? "" : "&shop=" + URLEncoder.encode(shop, StandardCharsets.UTF_8));
        }

        /** Chinese emotion words in traditional characters for zh-TW, chosen or the lead's own language. */
        boolean traditional(Page p) {
            String tag = locale != null ? locale : p.messages().tag();
            return SupportedLocale.ZH_TW.tag().equals(tag);
        }

        Map<String, Object> model(Page p) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("days", days);
            m.put("locale", locale == null ? "" : locale);
            m.put("periods", PERIODS.contains(days) ? PERIODS : List.of(7, 30, 90, days));
            m.put("locales", SupportedLocale.TAGS);
            m.put("api", p.request().getContextPath() + "/api/v1/analytics");
            m.put("query", query());
            m.put("shop", shop == null ? "" : shop);
            return m;
        }
    }
}
