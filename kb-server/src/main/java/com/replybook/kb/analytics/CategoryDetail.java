package com.replybook.kb.analytics;

import com.replybook.kb.analytics.LibraryInsights.EntryEffect;
import com.replybook.kb.analytics.LibraryInsights.QueryCount;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One category of the TOP list drilled down (the console's {@code /insights/category}): its daily inserts, its
 * entries with what became of their tickets (entries nobody inserted included), what agents typed in the tickets
 * where one of its entries was then viewed or inserted, and the products it came up for.
 *
 * @param dates    the days of the period, oldest first, as {@code daily}
 * @param entries  every entry of the category (in the locale, if one was chosen): inserted ones first
 * @param queries  typed searches of those tickets, personal data masked
 * @param products inserts of the category's entries per product
 */
public record CategoryDetail(String category, List<LocalDate> dates, long inserts, List<Long> daily, List<EntryEffect> entries,
                      List<QueryCount> queries, List<QueryCount> products) {

    static CategoryDetail of(Connection c, Period p, String category, String locale, int limit, InsightScope scope)
            throws SQLException {
        List<Object> args = new ArrayList<>(List.of(p.fromMillis(), category));
        String loc = locale == null ? "" : " AND e.locale = ?";
        if (locale != null) args.add(locale);
        List<Object> searchArgs = new ArrayList<>(args);
        String uLoc = loc + scope.entries("e", args) + scope.events("u", args);
        String searchLoc = loc + scope.entries("e", searchArgs) + scope.events("s", searchArgs);
        String daily = "SELECT " + Period.epochDayOf("u.created_at") + ", COUNT(*) FROM usage_events u JOIN entries e"
                + " ON e.id = u.entry_id WHERE u.event_type = 'insert' AND u.created_at >= ? AND e.category = ?" + uLoc + " GROUP BY 1";
        Map<Long, Long> days = new HashMap<>();
        for (var r : Sql.list(c, daily, args, rs -> new long[]{rs.getLong(1), rs.getLong(2)})) days.put(r[0], r[1]);
        List<Long> series = p.series(days);
        String queries = "SELECT LOWER(TRIM(s.query)), COUNT(DISTINCT s.id) FROM usage_events s JOIN usage_events u"
                + " ON u.helpdesk = s.helpdesk AND u.ticket_id = s.ticket_id AND u.event_type IN ('insert', 'view')"
                + " JOIN entries e ON e.id = u.entry_id WHERE s.event_type = 'search' AND s.created_at >= ? AND e.category = ?"
                + searchLoc + " AND s.query IS NOT NULL AND TRIM(s.query) <> '' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + limit;
        String products = "SELECT u.product, COUNT(*) FROM usage_events u JOIN entries e ON e.id = u.entry_id"
                + " WHERE u.event_type = 'insert' AND u.created_at >= ? AND e.category = ?" + uLoc
                + " AND u.product IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + limit;
        Sql.Row<QueryCount> count = rs -> new QueryCount(rs.getString(1), rs.getLong(2));
        return new CategoryDetail(category, p.dates(), series.stream().mapToLong(Long::longValue).sum(), series,
                entries(c, p, category, locale, scope), InsightsQuery.masked(Sql.list(c, queries, searchArgs, count)),
                Sql.list(c, products, args, count));
    }

    /** The category's entries with their effect in the period; those never inserted with zeros, by key. */
    private static List<EntryEffect> entries(Connection c, Period p, String category, String locale, InsightScope scope)
            throws SQLException {
        List<EntryEffect> effects = Outcomes.perEntry(c, p, locale, category, Integer.MAX_VALUE, scope);
        List<Object> args = new ArrayList<>(List.of(category));
        if (locale != null) args.add(locale);
        String scoped = scope.entries(null, args);
        List<EntryEffect> out = new ArrayList<>(effects);
        for (EntryEffect e : Sql.list(c, "SELECT id, entry_key, problem FROM entries WHERE category = ?"
                + " AND visibility = 'team'" + (locale == null ? "" : " AND locale = ?") + scoped + " ORDER BY entry_key", args,
                rs -> new EntryEffect(rs.getString(1), rs.getString(2), rs.getString(3), 0, 0, 0, 0, 0, 0))) {
            if (effects.stream().noneMatch(x -> x.entryId().equals(e.entryId()))) out.add(e);
        }
        return out;
    }
}
