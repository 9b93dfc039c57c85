package com.replybook.kb.analytics;

import com.replybook.kb.analytics.LibraryInsights.EntryRef;
import com.replybook.kb.analytics.LibraryInsights.EntryUsage;
import com.replybook.kb.analytics.LibraryInsights.QueryCount;
import com.replybook.kb.cases.PersonalDataMasker;
import com.replybook.kb.db.Database;
import com.replybook.kb.vocabulary.Staleness;
import com.replybook.kb.vocabulary.SupportedLocale;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes {@link LibraryInsights} with plain aggregate SQL that SQLite and PostgreSQL both run, so the
 * numbers come from the record, not from a cache (the TOP lists, compensation, outcomes and alerts each in
 * their own class). Search texts are grouped after trimming and lower-casing;
 * searches the widget ran from a ticket's text on its own ({@code source = ticket}) are counted but not listed, and
 * personal data an agent pasted into a search (a phone or order number) is masked before it is listed. A search
 * that found nothing confident ({@code confident = false}, or no hits at all) is a gap. Thread-safe.
 */
public final class InsightsQuery {

    private final Database db;
    private final Clock clock;
    private final EmotionWords emotionWords;
    private final AlertRuleStore alertRules;

    InsightsQuery(Database db, Clock clock, EmotionWords emotionWords, AlertRuleStore alertRules) {
        this.db = db;
        this.clock = clock;
        this.emotionWords = emotionWords;
        this.alertRules = alertRules;
    }

    /**
     * Insights for the last {@code days} days (today included), optionally only for entries in {@code locale};
     * lists capped at {@code limit}. Chinese emotion words are shown in traditional characters for zh-TW.
     */
    public LibraryInsights lastDays(int days, String locale, int limit) {
        return lastDays(days, locale, limit, SupportedLocale.ZH_TW.tag().equals(locale), InsightScope.ALL);
    }

    /**
     * As {@link #lastDays(int, String, int)}, with the script of the Chinese emotion words chosen by the reader, within
     * {@code scope} (a lead's shops).
     */
    LibraryInsights lastDays(int days, String locale, int limit, boolean traditionalWords, InsightScope scope) {
        Period p = Period.lastDays(days, clock.instant());
        long since = p.fromMillis();
        List<EmotionWords.Word> words = emotionWords.top(p.firstEpochDay(), language(locale), traditionalWords, limit,
                scope.shops());
        List<AlertRule> rules = alertRules.all();
        return db.read(c -> new LibraryInsights(p.from(), p.to(), days,
                count(c, "search", since, scope), count(c, "view", since, scope), count(c, "insert", since, scope),
                queries(c, since, false, limit, scope), queries(c, since, true, limit, scope),
                topEntries(c, since, locale, limit, scope), unused(c, since, locale, limit, scope),
                groupInserts(c, "tone", since, scope), groupInserts(c, "channel", since, scope),
                groupInserts(c, "emotion", since, scope), stale(c, locale, p.to(), scope),
                ProblemTrends.categories(c, p, locale, limit, scope), ProblemTrends.products(c, p, locale, limit, scope),
                words.stream().map(w -> new LibraryInsights.EmotionWord(w.word(), w.count(), w.emotion())).toList(),
                Alerts.firing(c, rules, p.to(), scope), CompensationTotals.of(c, p, locale, limit, scope),
                Outcomes.perEntry(c, p, locale, null, limit, scope), Outcomes.perAgent(c, p, locale, limit, scope)));
    }

    /** One category of the TOP list over the last {@code days} days within {@code scope}, for the drill-down page. */
    CategoryDetail category(String category, int days, String locale, int limit, InsightScope scope) {
        Period p = Period.lastDays(days, clock.instant());
        return db.read(c -> CategoryDetail.of(c, p, category, locale, limit, scope));
    }

    /** The alert rules that fire now. */
    public List<LibraryInsights.Alert> alerts() {
        return alerts(InsightScope.ALL);
    }

    /** The alert rules that fire now within {@code scope}. */
    List<LibraryInsights.Alert> alerts(InsightScope scope) {
        List<AlertRule> rules = alertRules.all();
        return db.read(c -> Alerts.firing(c, rules, clock.instant(), scope));
    }

    /** The emotion words' language for an entry locale: {@code zh} for both Chinese ones, {@code en}, or null for all. */
    private static String language(String locale) {
        if (locale == null) return null;
        return SupportedLocale.resolve(locale).isChinese() ? "zh" : "en";
    }

    private static long count(Connection c, String type, long since, InsightScope scope) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(type, since));
        String sql = "SELECT COUNT(*) FROM usage_events WHERE event_type = ? AND created_at >= ?" + scope.events(null, args);
        return Sql.list(c, sql, args, rs -> rs.getLong(1)).getFirst();
    }

    private static List<QueryCount> queries(Connection c, long since, boolean zeroOnly, int limit, InsightScope scope)
            throws SQLException {
        List<Object> args = new ArrayList<>(List.of(since));
        String sql = "SELECT LOWER(TRIM(query)) AS q, COUNT(*) AS n FROM usage_events "
                + "WHERE event_type = 'search' AND created_at >= ? AND query IS NOT NULL AND TRIM(query) <> ''"
                // Suggestions computed from a ticket's subject are not an agent's question; typed searches are.
                + " AND (source IS NULL OR source <> 'ticket')"
                // A gap: nothing found, or only weaker hits (the widget showed "no good match").
                + (zeroOnly ? " AND (hits = 0 OR confident = FALSE)" : "") + scope.events(null, args)
                + " GROUP BY LOWER(TRIM(query)) ORDER BY n DESC, q LIMIT ?";
        args.add(limit);
        return masked(Sql.list(c, sql, args, rs -> new QueryCount(rs.getString(1), rs.getLong(2))));
    }

    /**
     * The search texts with personal data an agent pasted (a phone or order number) masked, texts that became the
     * same merged, most frequent first.
     */
    static List<QueryCount> masked(List<QueryCount> queries) {
        Map<String, Long> masked = new LinkedHashMap<>();
        for (QueryCount q : queries) masked.merge(PersonalDataMasker.mask(q.query()), q.count(), Long::sum);
        List<QueryCount> out = new ArrayList<>();
        masked.forEach((q, n) -> out.add(new QueryCount(q, n)));
        out.sort(Comparator.comparingLong(QueryCount::count).reversed().thenComparing(QueryCount::query));
        return out;
    }

    private static List<EntryUsage> topEntries(Connection c, long since, String locale, int limit, InsightScope scope)
            throws SQLException {
        List<Object> args = new ArrayList<>(List.of(since));
        if (locale != null) args.add(locale);
        String sql = "SELECT e.id, e.entry_key, e.problem, "
                + "SUM(CASE WHEN u.event_type = 'insert' THEN 1 ELSE 0 END) AS inserts, "
                + "SUM(CASE WHEN u.event_type = 'view' THEN 1 ELSE 0 END) AS views "
                + "FROM usage_events u JOIN entries e ON e.id = u.entry_id "
                + "WHERE u.created_at >= ? AND u.event_type IN ('insert', 'view')" + (locale != null ? " AND e.locale = ?" : "")
                + scope.events("u", args) + scope.entries("e", args)
                + " GROUP BY e.id, e.entry_key, e.problem ORDER BY inserts DESC, views DESC, e.entry_key LIMIT ?";
        args.add(limit);
        return Sql.list(c, sql, args, rs -> new EntryUsage(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getLong(4), rs.getLong(5)));
    }

    /** Published team entries (of the scope's shops) that nobody viewed or inserted (in those shops) since then. */
    private static List<EntryRef> unused(Connection c, long since, String locale, int limit, InsightScope scope)
            throws SQLException {
        List<Object> args = new ArrayList<>();
        if (locale != null) args.add(locale);
        String entries = scope.entries("e", args);
        args.add(since);
        String sql = "SELECT e.id, e.entry_key, e.problem FROM entries e WHERE e.status = 'published'"
                + " AND e.visibility = 'team'" + (locale != null ? " AND e.locale = ?" : "") + entries
                + " AND NOT EXISTS (SELECT 1 FROM usage_events u WHERE u.entry_id = e.id AND u.created_at >= ?"
                + " AND u.event_type IN ('insert', 'view')" + scope.events("u", args) + ") ORDER BY e.entry_key LIMIT ?";
        args.add(limit);
        return Sql.list(c, sql, args, rs -> new EntryRef(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    /** Insert counts grouped by one of the event's columns: {@code tone}, {@code channel} or {@code emotion}. */
    private static Map<String, Long> groupInserts(Connection c, String column, long since, InsightScope scope)
            throws SQLException {
        if (!List.of("tone", "channel", "emotion").contains(column)) throw new IllegalArgumentException(column);
        List<Object> args = new ArrayList<>(List.of(since));
        String sql = "SELECT " + column + ", COUNT(*) AS n FROM usage_events WHERE event_type = 'insert' "
                + "AND created_at >= ? AND " + column + " IS NOT NULL" + scope.events(null, args)
                + " GROUP BY " + column + " ORDER BY n DESC, " + column;
        Map<String, Long> out = new LinkedHashMap<>();
        for (var row : Sql.list(c, sql, args, rs -> Map.entry(rs.getString(1), rs.getLong(2)))) {
            out.put(row.getKey(), row.getValue());
        }
        return out;
    }

    /** Published team entries (of the scope's shops) whose last verification (or creation) is older than their interval. */
    private static long stale(Connection c, String locale, Instant now, InsightScope scope) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(now.toEpochMilli()));
        if (locale != null) args.add(locale);
        String sql = "SELECT COUNT(*) FROM entries WHERE status = 'published' AND visibility = 'team' AND "
                + Staleness.SQL + (locale != null ? " AND locale = ?" : "") + scope.entries(null, args);
        return Sql.list(c, sql, args, rs -> rs.getLong(1)).getFirst();
    }
}
