package com.replybook.kb.analytics;

import com.replybook.kb.analytics.LibraryInsights.Approvals;
import com.replybook.kb.analytics.LibraryInsights.CompensationRow;
import com.replybook.kb.analytics.LibraryInsights.CompensationSummary;
import com.replybook.kb.events.ApprovalStep;
import com.replybook.kb.events.Compensation;
import com.replybook.kb.vocabulary.CompensationOffer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Compensation given with inserts in the period (recorded on the insert events), totalled by offer, by the inserted
 * entry's category and by product, largest amount first; and the compensation approvals asked, granted and denied
 * ({@code approval} events, distinct approval ids). Sums are exact: amounts are kept in minor units. Stateless.
 */
final class CompensationTotals {

    private CompensationTotals() {
    }

    static CompensationSummary of(Connection c, Period p, String locale, int limit, InsightScope scope)
            throws SQLException {
        List<CompensationRow> byOffer = totals(c, p, locale, "u.compensation_offer", CompensationOffer.IDS.size(), scope,
                (name, count, amount) -> new CompensationRow(name, null, null, count, amount));
        List<CompensationRow> byCategory = totals(c, p, locale, "e.category", limit, scope,
                (name, count, amount) -> new CompensationRow(null, name, null, count, amount));
        List<CompensationRow> byProduct = totals(c, p, locale, "u.product", limit, scope,
                (name, count, amount) -> new CompensationRow(null, null, name, count, amount));
        BigDecimal total = byOffer.stream().map(r -> new BigDecimal(r.amount())).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new CompensationSummary(byOffer.stream().mapToLong(CompensationRow::count).sum(),
                total.setScale(2).toPlainString(), byOffer, byCategory, byProduct, approvals(c, p, scope));
    }

    @FunctionalInterface
    private interface RowOf {
        CompensationRow of(String name, long count, String amount);
    }

    private static List<CompensationRow> totals(Connection c, Period p, String locale, String column, int limit,
                                                InsightScope scope, RowOf row) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(p.fromMillis()));
        if (locale != null) args.add(locale);
        String scoped = scope.events("u", args) + scope.entries("e", args);
        args.add(limit);
        String sql = "SELECT " + column + ", COUNT(*), SUM(u.compensation_minor) FROM usage_events u"
                + " JOIN entries e ON e.id = u.entry_id WHERE u.event_type = 'insert' AND u.compensation_offer IS NOT NULL"
                + " AND " + column + " IS NOT NULL AND u.created_at >= ?" + (locale == null ? "" : " AND e.locale = ?")
                + scoped + " GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT ?";
        return Sql.list(c, sql, args, rs -> row.of(rs.getString(1), rs.getLong(2), Compensation.amountOf(rs.getLong(3))));
    }

    private static Approvals approvals(Connection c, Period p, InsightScope scope) throws SQLException {
        List<Object> args = new ArrayList<>(List.of(p.fromMillis()));
        String sql = "SELECT approval, COUNT(DISTINCT approval_id) FROM usage_events WHERE event_type = 'approval'"
                + " AND created_at >= ?" + scope.events(null, args) + " GROUP BY 1";
        Map<String, Long> steps = Sql.list(c, sql, args, rs -> Map.entry(rs.getString(1), rs.getLong(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        Function<ApprovalStep, Long> n = s -> steps.getOrDefault(s.id(), 0L);
        return new Approvals(n.apply(ApprovalStep.ASKED), n.apply(ApprovalStep.GRANTED), n.apply(ApprovalStep.DENIED));
    }
}
