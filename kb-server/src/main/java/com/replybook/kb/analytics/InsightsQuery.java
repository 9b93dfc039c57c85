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
        return lastDays(days, locale, limit, SupportedLocale.ZH_TW.tag().equals(locale));
    }

    /** As {@link #lastDays(int, String, int)}, with the script of the Chinese emotion words chosen by the reader. */
    LibraryInsights lastDays(int days, String locale, int limit, boolean traditionalWords) {
        Period p = Period.lastDays(days, clock.instant());
        long since = p.fromMillis();
        List<EmotionWords.Word> words = emotionWords.top(p.firstEpochDay(), language(locale), traditionalWords, limit);
        List<AlertRule> rules = alertRules.all();
        return db.read(c -> new LibraryInsights(p.from(), p.to(), days,
                count(c, "search", since), count(c, "view", since), count(c, "insert", since),
                queries(c, since, false, limit), queries(c, since, true, limit),
                topEntries(c, since, locale, limit), unused(c, since, locale, limit),
                groupInserts(c, "tone", since), groupInserts(c, "channel", since), groupInserts(c, "emotion", since),
                stale(c, locale, p.to()),
                ProblemTrends.categories(c, p, locale, limit), ProblemTrends.products(c, p, locale, limit),
                words.stream().map(w -> new LibraryInsights.EmotionWord(w.word(), w.count(), w.emotion())).toList(),
                Alerts.firing(c, rules, p.to()), CompensationTotals.of(c, p, locale, limit),
                Outcomes.perEntry(c, p, locale, null, limit), Outcomes.perAgent(c, p, locale, limit)));
    }

    /** One category of the TOP list over the last {@code days} days, for the drill-down page. */
    CategoryDetail category(String category, int days, String locale, int limit) {
        Period p = Period.lastDays(days, clock.instant());
        return db.read(c -> CategoryDetail.of(c, p, category, locale, limit));
    }

    /** The alert rules that fire now. */
    public List<LibraryInsights.Alert> alerts() {
        List<AlertRule> rules = alertRules.all();
        return db.read(c -> Alerts.firing(c, rules, clock.instant()));
    }

    /** The emotion words' language for an entry locale: {@code zh} for both Chinese ones, {@code en}, or null for all. */
    private static String language(String locale) {
        if (locale == null) return null;
        return SupportedLocale.resolve(locale).isChinese() ? "zh" : "en";
    }

    private static long count(Connection c, String type, long since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM usage_events WHERE event_type = ? AND created_at >= ?")) {
            ps.setString(1, type);
            ps.setLong(2, since);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<QueryCount> queries(Connection c, long since, boolean zeroOnly, int limit) throws SQLException {
        String sql = "SELECT LOWER(TRIM(query)) AS q, COUNT(*) AS n FROM usage_events "
                + "WHERE event_type = 'search' AND created_at >= ? AND query IS NOT NULL AND TRIM(query) <> ''"
                // Suggestions computed from a ticket's subject are not an agent's question; typed searches are.
                + " AND (source IS NULL OR source <> 'ticket')"
                // A gap: nothing found, or only weaker hits (the widget showed "no good match").
                + (zeroOnly ? " AND (hits = 0 OR confident = FALSE)" : "")
                + " GROUP BY LOWER(TRIM(query)) ORDER BY n DESC, q LIMIT ?";
        return masked(Sql.list(c, sql, List.of(since, limit), rs -> new QueryCount(rs.getString(1), rs.getLong(2))));
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

    private static List<EntryUsage> topEntries(Connection c, long since, String locale, int limit) throws SQLException {
        String sql = "SELECT e.id, e.entry_key, e.problem, "
                + "SUM(CASE WHEN u.event_type = 'insert' THEN 1 ELSE 0 END) AS inserts, "
                + "SUM(CASE WHEN u.event_type = 'view' THEN 1 ELSE 0 END) AS views "
                + "FROM usage_events u JOIN entries e ON e.id = u.entry_id "
                + "WHERE u.created_at >= ? AND u.event_type IN ('insert', 'view')" + (locale != null ? " AND e.locale = ?" : "")
                + " GROUP BY e.id, e.entry_key, e.problem ORDER BY inserts DESC, views DESC, e.entry_key LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, since);
            if (locale != null) ps.setString(i++, locale);
            ps.setInt(i, limit);
            List<EntryUsage> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EntryUsage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
                }
            }
            return out;
        }
    }

    private static List<EntryRef> unused(Connection c, long since, String locale, int limit) throws SQLException {
        String sql = "SELECT e.id, e.entry_key, e.problem FROM entries e WHERE e.status = 'published'"
                + (locale != null ? " AND e.locale = ?" : "")
                + " AND NOT EXISTS (SELECT 1 FROM usage_events u WHERE u.entry_id = e.id AND u.created_at >= ?"
                + " AND u.event_type IN ('insert', 'view')) ORDER BY e.entry_key LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (locale != null) ps.setString(i++, locale);
            ps.setLong(i++, since);
            ps.setInt(i, limit);
            List<EntryRef> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new EntryRef(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            return out;
        }
    }

    /** Insert counts grouped by one of the event's columns: {@code tone}, {@code channel} or {@code emotion}. */
    private static Map<String, Long> groupInserts(Connection c, String column, long since) throws SQLException {
        if (!List.of("tone", "channel", "emotion").contains(column)) throw new IllegalArgumentException(column);
        String sql = "SELECT " + column + ", COUNT(*) AS n FROM usage_events WHERE event_type = 'insert' "
                + "AND created_at >= ? AND " + column + " IS NOT NULL GROUP BY " + column + " ORDER BY n DESC, " + column;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, since);
            Map<String, Long> out = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        }
    }

    /** Published entries whose last verification (or creation) is older than their interval. */
    private static long stale(Connection c, String locale, Instant now) throws SQLException {
        String sql = "SELECT COUNT(*) FROM entries WHERE status = 'published' AND " + Staleness.SQL
                + (locale != null ? " AND locale = ?" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, now.toEpochMilli());
            if (locale != null) ps.setString(2, locale);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
