package com.replybook.kb.analytics;

import com.replybook.kb.analytics.LibraryInsights.Alert;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Evaluates the leads' {@link AlertRule}s now: for each rule, every product (or category) with at least the
 * rule's threshold of inserts within its last {@code days × 24 h}, counting only entries under the rule's
 * categories; {@code since} is the first of those inserts. Largest counts first. Stateless.
 */
final class Alerts {

    private Alerts() {
    }

    static List<Alert> firing(Connection c, List<AlertRule> rules, Instant now, InsightScope scope) throws SQLException {
        List<Alert> out = new ArrayList<>();
        for (AlertRule rule : rules) out.addAll(firing(c, rule, now, scope));
        out.sort(Comparator.comparingLong(Alert::count).reversed().thenComparing(Alert::subject));
        return out;
    }

    private static List<Alert> firing(Connection c, AlertRule rule, Instant now, InsightScope scope) throws SQLException {
        boolean byProduct = rule.kind() == AlertKind.PRODUCT;
        String subject = byProduct ? "u.product" : "e.category";
        List<Object> args = new ArrayList<>(List.of(now.toEpochMilli() - rule.days() * Period.DAY_MS));
        String filter = rule.categories().isEmpty() ? "" : " AND " + Sql.underAny("e.category", rule.categories(), args);
        String scoped = scope.events("u", args);
        args.add(rule.threshold());
        String sql = "SELECT " + subject + ", COUNT(*), MIN(u.created_at) FROM usage_events u"
                + (byProduct && filter.isEmpty() ? " LEFT" : "") + " JOIN entries e ON e.id = u.entry_id"
                + " WHERE u.event_type = 'insert' AND u.created_at >= ? AND " + subject + " IS NOT NULL" + filter + scoped
                + " GROUP BY 1 HAVING COUNT(*) >= ?";
        return Sql.list(c, sql, args, rs -> new Alert(rule.kind().id(), byProduct ? rs.getString(1) : null,
                byProduct ? null : rs.getString(1), rs.getLong(2), rule.days(), Instant.ofEpochMilli(rs.getLong(3)),
                rule.id(), rule.label(), rule.threshold()));
    }
}
