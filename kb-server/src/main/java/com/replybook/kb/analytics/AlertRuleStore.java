package com.replybook.kb.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.replybook.kb.db.Database;
import com.replybook.kb.vocabulary.Term;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Json;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The leads' alert rules (table {@code insight_alert_rules}), oldest first. Thread-safe. */
final class AlertRuleStore {

    /** Enough for every product line and category a team watches; more is a mistake. */
    static final int MAX_RULES = 50;

    private final Database db;

    AlertRuleStore(Database db) {
        this.db = db;
    }

    List<AlertRule> all() {
        return db.read(c -> Sql.list(c, "SELECT * FROM insight_alert_rules ORDER BY created_at, id", List.of(), AlertRuleStore::read));
    }

    Optional<AlertRule> find(String id) {
        return db.read(c -> Sql.list(c, "SELECT * FROM insight_alert_rules WHERE id = ?", List.of(id), AlertRuleStore::read))
                .stream().findFirst();
    }

    /** Adds {@code rule}; 409 when there are {@value #MAX_RULES} already. */
    AlertRule add(AlertRule rule) {
        return db.inTransaction(c -> {
            try (var count = c.prepareStatement("SELECT COUNT(*) FROM insight_alert_rules"); ResultSet rs = count.executeQuery()) {
                rs.next();
                if (rs.getInt(1) >= MAX_RULES) {
                    throw ApiException.conflict(InsightsError.TOO_MANY_RULES, null, MAX_RULES);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO insight_alert_rules (label, kind, categories,"
                    + " threshold, days, created_by, created_at, id) VALUES (?,?,?,?,?,?,?,?)")) {
                bind(ps, rule);
                ps.executeUpdate();
            }
            return rule;
        });
    }

    /** Replaces the rule of the same id (give it the old one's creator and time); false when there is none. */
    boolean replace(AlertRule rule) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE insight_alert_rules SET label = ?, kind = ?,"
                    + " categories = ?, threshold = ?, days = ?, created_by = ?, created_at = ? WHERE id = ?")) {
                bind(ps, rule);
                return ps.executeUpdate() == 1;
            }
        });
    }

    boolean delete(String id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM insight_alert_rules WHERE id = ?")) {
                ps.setString(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Binds every column, the id last, for the INSERT and the UPDATE alike. */
    private static void bind(PreparedStatement ps, AlertRule rule) throws SQLException {
        ps.setString(1, rule.label());
        ps.setString(2, rule.kind().id());
        ps.setString(3, json(rule.categories()));
        ps.setInt(4, rule.threshold());
        ps.setInt(5, rule.days());
        ps.setString(6, rule.createdBy());
        ps.setLong(7, rule.createdAt().toEpochMilli());
        ps.setString(8, rule.id());
    }

    private static AlertRule read(ResultSet rs) throws SQLException {
        try {
            List<String> categories = Json.MAPPER.readValue(rs.getString("categories"), new TypeReference<>() { });
            return new AlertRule(rs.getString("id"), rs.getString("label"),
                    Term.parse(AlertKind.class, "kind", rs.getString("kind"), null), categories, rs.getInt("threshold"),
                    rs.getInt("days"), rs.getString("created_by"), Instant.ofEpochMilli(rs.getLong("created_at")));
        } catch (JsonProcessingException e) {
            throw new SQLException("insight_alert_rules.categories of " + rs.getString("id") + " is not a JSON list", e);
        }
    }

    private static String json(List<String> categories) {
        try {
            return Json.MAPPER.writeValueAsString(categories);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
