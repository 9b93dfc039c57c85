package com.replybook.kb.guardrails.wording;

import com.replybook.kb.db.Database;
import com.replybook.kb.guardrails.Stamp;
import com.replybook.kb.shops.ShopError;
import com.replybook.kb.web.ApiException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The wording rules leads saved, per locale and per shop in a locale (tables {@code wording_rule_sets} and
 * {@code wording_rules}, keyed by {@link com.replybook.kb.shops.ShopSetting#key()}: {@code zh-CN},
 * {@code zh-CN/tmall-flagship}); a locale nobody saved has no row and uses the defaults, a shop its locale's.
 * {@link #replace} swaps a whole list in one transaction. Thread-safe.
 */
final class WordingStore {

    /** A locale's saved rules. */
    record Saved(List<WordingRule> rules, Stamp stamp) {
    }

    private final Database db;

    WordingStore(Database db) {
        this.db = db;
    }

    Optional<Saved> find(String locale) {
        return db.read(c -> {
            Stamp stamp;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, updated_at, updated_by FROM wording_rule_sets WHERE locale = ?")) {
                ps.setString(1, locale);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    stamp = new Stamp(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3));
                }
            }
            return Optional.of(new Saved(rules(c, locale), stamp));
        });
    }

    private static List<WordingRule> rules(Connection c, String locale) throws SQLException {
        List<WordingRule> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT phrase, severity, suggestion, reason FROM wording_rules"
                + " WHERE locale = ? ORDER BY position")) {
            ps.setString(1, locale);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(WordingRule.of(rs.getString(1), Severity.fromWire(rs.getString(2)), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return out;
    }

    /** The shops with rules of their own for {@code locale}, e.g. {@code [jd, tmall-flagship]}. */
    List<String> shopsWithOwn(String locale) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT locale FROM wording_rule_sets WHERE locale LIKE ? ORDER BY locale")) {
                ps.setString(1, locale + "/%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1).substring(locale.length() + 1));
                }
            }
            return out;
        });
    }

    /** Removes the rules kept under {@code key}; 404 when there are none, 409 as {@link #replace}. */
    void remove(String key, Long expectedVersion) {
        db.inTransaction(c -> {
            long current = currentVersion(c, key);
            if (current == 0) throw ApiException.notFound(ShopError.SETTING_NONE_OWN, key);
            if (expectedVersion != null && expectedVersion != current) throw changed(current);
            delete(c, key);
            return null;
        });
    }

    /**
     * Replaces the locale's rules, stamped {@code next}; 409 when {@code expectedVersion} is given and another
     * replacement came first.
     */
    void replace(String locale, List<WordingRule> rules, Stamp next, Long expectedVersion) {
        db.inTransaction(c -> {
            long current = currentVersion(c, locale);
            if (expectedVersion != null && expectedVersion != current) throw changed(current);
            delete(c, locale);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO wording_rule_sets (locale, version, updated_at,"
                    + " updated_by) VALUES (?,?,?,?)")) {
                ps.setString(1, locale);
                ps.setLong(2, current + 1);
                ps.setLong(3, next.updatedAt().toEpochMilli());
                ps.setString(4, next.updatedBy());
                ps.executeUpdate();
            }
            insertRules(c, locale, rules);
            return null;
        });
    }

    private static ApiException changed(long current) {
        return ApiException.conflict(WordingRuleError.CHANGED, Map.of("currentVersion", current), current);
    }

    private static void delete(Connection c, String key) throws SQLException {
        for (String table : List.of("wording_rules", "wording_rule_sets")) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE locale = ?")) {
                del.setString(1, key);
                del.executeUpdate();
            }
        }
    }

    private static long currentVersion(Connection c, String locale) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM wording_rule_sets WHERE locale = ?")) {
            ps.setString(1, locale);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static void insertRules(Connection c, String locale, List<WordingRule> rules) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO wording_rules (locale, position, phrase, severity,"
                + " suggestion, reason) VALUES (?,?,?,?,?,?)")) {
            for (int i = 0; i < rules.size(); i++) {
                WordingRule r = rules.get(i);
                ps.setString(1, locale);
                ps.setInt(2, i + 1);
                ps.setString(3, r.phrase());
                ps.setString(4, r.severity().wire());
                ps.setString(5, r.suggestion());
                ps.setString(6, r.reason());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
