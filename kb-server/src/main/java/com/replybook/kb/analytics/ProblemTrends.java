package com.replybook.kb.analytics;

import com.replybook.kb.analytics.LibraryInsights.CategoryRow;
import com.replybook.kb.analytics.LibraryInsights.ProductRow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The problem TOP lists: inserts per entry category and per product, each with its daily series over the period,
 * its share of all the period's inserts (an insert without a product counts in the whole, so products' shares
 * may add up to less than 1) and its searches. A product's searches are the search events that carry it; a
 * category's are the searches made in tickets where an entry of that category was then viewed or inserted
 * (a search names no category of its own). Ordered by inserts, then searches, then name. Stateless.
 */
final class ProblemTrends {

    private static final String DAY = Period.epochDayOf("u.created_at");

    private ProblemTrends() {
    }

    /** The categories of the entries inserted (only entries in {@code locale} when it is not null). */
    static List<CategoryRow> categories(Connection c, Period p, String locale, int limit, InsightScope scope)
            throws SQLException {
        List<Object> args = new ArrayList<>(List.of(p.fromMillis()));
        String daily = "SELECT e.category, " + DAY + ", COUNT(*) FROM usage_events u JOIN entries e ON e.id = u.entry_id"
                + " WHERE u.event_type = 'insert' AND u.created_at >= ?" + locale(locale, args)
                + scope.events("u", args) + scope.entries("e", args) + " GROUP BY 1, 2";
        Map<String, Map<Long, Long>> inserts = byDay(Sql.list(c, daily, args, DayCount::of));
        List<Object> searchArgs = new ArrayList<>(List.of(p.fromMillis()));
        String searches = "SELECT e.category, COUNT(DISTINCT s.id) FROM usage_events s"
                + " JOIN usage_events u ON u.helpdesk = s.helpdesk AND u.ticket_id = s.ticket_id"
                + " AND u.event_type IN ('insert', 'view') JOIN entries e ON e.id = u.entry_id"
                + " WHERE s.event_type = 'search' AND s.created_at >= ?" + locale(locale, searchArgs)
                + scope.events("s", searchArgs) + scope.entries("e", searchArgs) + " GROUP BY 1";
        Map<String, Long> searchCounts = counts(Sql.list(c, searches, searchArgs, Count::of));
        return rows(p, inserts, searchCounts, totalInserts(c, p, locale, scope), limit).stream()
                .map(r -> new CategoryRow(r.name(), r.inserts(), r.searches(), r.share(), r.daily())).toList();
    }

    /** The products named by the help-desk on inserts and searches (inserts of entries in {@code locale} only, if set). */
    static List<ProductRow> products(Connection c, Period p, String locale, int limit, InsightScope scope)
            throws SQLException {
        List<Object> args = new ArrayList<>(List.of(p.fromMillis()));
        String daily = "SELECT u.product, " + DAY + ", COUNT(*) FROM usage_events u"
                + (locale == null && scope.shops() == null ? "" : " JOIN entries e ON e.id = u.entry_id")
                + " WHERE u.event_type = 'insert' AND u.product IS NOT NULL AND u.created_at >= ?" + locale(locale, args)
                + scope.events("u", args) + scope.entries("e", args) + " GROUP BY 1, 2";
        Map<String, Map<Long, Long>> inserts = byDay(Sql.list(c, daily, args, DayCount::of));
        List<Object> searchArgs = new ArrayList<>(List.of(p.fromMillis()));
        String searches = "SELECT product, COUNT(*) FROM usage_events WHERE event_type = 'search'"
                + " AND product IS NOT NULL AND created_at >= ?" + scope.events(null, searchArgs) + " GROUP BY 1";
        Map<String, Long> searchCounts = counts(Sql.list(c, searches, searchArgs, Count::of));
        return rows(p, inserts, searchCounts, totalInserts(c, p, locale, scope), limit).stream()
                .map(r -> new ProductRow(r.name(), r.inserts(), r.searches(), r.share(), r.daily())).toList();
    }

    /** A share rounded to four decimals, e.g. 1/3 → 0.3333; 0 when there is nothing to share. */
    static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    /** Every insert of the period (of entries in {@code locale}, if set): what a share is a part of. */
    private static long totalInserts(Connection c, Period p, String locale, InsightScope scope) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(p.fromMillis()));
        String sql = "SELECT COUNT(*) FROM usage_events u"
                + (locale == null && scope.shops() == null ? "" : " JOIN entries e ON e.id = u.entry_id")
                + " WHERE u.event_type = 'insert' AND u.created_at >= ?" + locale(locale, args)
                + scope.events("u", args) + scope.entries("e", args);
        return Sql.list(c, sql, args, rs -> rs.getLong(1)).getFirst();
    }

    private static String locale(String locale, List<Object> args) {
        if (locale == null) return "";
        args.add(locale);
        return " AND e.locale = ?";
    }

    private record DayCount(String name, long day, long count) {
        static DayCount of(java.sql.ResultSet rs) throws SQLException {
            return new DayCount(rs.getString(1), rs.getLong(2), rs.getLong(3));
        }
    }

    private record Count(String name, long count) {
        static Count of(java.sql.ResultSet rs) throws SQLException {
            return new Count(rs.getString(1), rs.getLong(2));
        }
    }

    private record Row(String name, long inserts, long searches, double share, List<Long> daily) {
    }

    private static Map<String, Map<Long, Long>> byDay(List<DayCount> rows) {
        Map<String, Map<Long, Long>> out = new HashMap<>();
        for (DayCount r : rows) out.computeIfAbsent(r.name(), k -> new HashMap<>()).merge(r.day(), r.count(), Long::sum);
        return out;
    }

    private static Map<String, Long> counts(List<Count> rows) {
        Map<String, Long> out = new HashMap<>();
        for (Count r : rows) out.merge(r.name(), r.count(), Long::sum);
        return out;
    }

    private static List<Row> rows(Period p, Map<String, Map<Long, Long>> inserts, Map<String, Long> searches, long total,
                                  int limit) {
        TreeSet<String> names = new TreeSet<>(inserts.keySet());
        names.addAll(searches.keySet());
        List<Row> rows = new ArrayList<>();
        for (String name : names) {
            Map<Long, Long> days = inserts.getOrDefault(name, Map.of());
            long n = days.values().stream().mapToLong(Long::longValue).sum();
            rows.add(new Row(name, n, searches.getOrDefault(name, 0L), share(n, total), p.series(days)));
        }
        rows.sort(Comparator.comparingLong(Row::inserts).reversed().thenComparing(Comparator.comparingLong(Row::searches)
                .reversed()).thenComparing(Row::name));
        return rows.subList(0, Math.min(limit, rows.size()));
    }
}
