package com.replybook.kb.analytics;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.Map;

/**
 * The insights API, for team leads and above:
 * <ul>
 *   <li>{@code GET /api/v1/analytics/insights?days=30&locale=&limit=20}: see {@link LibraryInsights}</li>
 *   <li>{@code GET /api/v1/analytics/insights.csv} and {@code insights.xlsx}, same parameters: the same lists as
 *       files ({@link InsightTables})</li>
 *   <li>{@code GET /api/v1/analytics/alerts} → {@code {"alerts":[…]}}: the alert rules that fire now</li>
 * </ul>
 * {@code days} 1–366, {@code limit} 1–200, {@code locale} one of zh-CN, zh-TW, en; anything else is a 400 naming
 * the parameter. The alert rules themselves are {@link AlertRuleApi}'s.
 */
final class InsightsApi {

    static final int MAX_DAYS = 366;

    private final InsightsQuery insights;

    private final KnownShops shops;

    InsightsApi(InsightsQuery insights, KnownShops shops) {
        this.insights = insights;
        this.shops = shops;
    }

    void routes(Router<ApiCall> api) {
        api.get("/api/v1/analytics/insights", this::insights)
                .get("/api/v1/analytics/insights.csv", call -> export(call, InsightsExport.Format.CSV))
                .get("/api/v1/analytics/insights.xlsx", call -> export(call, InsightsExport.Format.XLSX))
                .get("/api/v1/analytics/alerts", this::alerts);
    }

    private void insights(ApiCall call) throws IOException {
        Principal.of(call).require(Role.LEAD);
        call.json(200, read(call));
    }

    private void export(ApiCall call, InsightsExport.Format format) throws IOException {
        Principal.of(call).require(Role.LEAD);
        LibraryInsights in = read(call);
        Period p = Period.lastDays(in.days(), in.to());
        var resp = call.response();
        resp.setStatus(200);
        resp.setContentType(format.contentType);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Disposition", "attachment; filename=\"replybook-insights-" + p.dates().getLast() + "-"
                + in.days() + "d." + format.extension() + "\"");
        InsightsExport.write(format, InsightTables.of(in, p.dates()), resp.getOutputStream());
    }

    private void alerts(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.LEAD);
        call.json(200, Map.of("alerts", insights.alerts(scope(call, me))));
    }

    private LibraryInsights read(ApiCall call) {
        String locale = locale(call.query("locale"));
        return insights.lastDays(call.intQuery("days", 30, 1, MAX_DAYS), locale, call.intQuery("limit", 20, 1, 200),
                SupportedLocale.ZH_TW.tag().equals(locale), scope(call, Principal.of(call)));
    }

    /** The caller's shops, or the one shop named by {@code shop} (400 when unknown, 403 when not theirs). */
    private InsightScope scope(ApiCall call, Principal me) {
        return InsightScope.of(me, shops.requested(me, call.query("shop"), "shop"));
    }

    /** A supported locale tag, or null for all; 400 naming {@code locale} otherwise. */
    static String locale(String value) {
        if (value == null || SupportedLocale.TAGS.contains(value)) return value;
        throw ApiException.badRequest("locale", InsightsError.LOCALE, String.join(", ", SupportedLocale.TAGS), value);
    }
}
