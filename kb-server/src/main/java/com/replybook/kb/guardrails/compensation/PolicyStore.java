package com.replybook.kb.guardrails.compensation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.replybook.kb.db.Database;
import com.replybook.kb.guardrails.Stamp;
import com.replybook.kb.shops.ShopError;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Json;

import java.math.BigDecimal;
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
 * The compensation policies leads saved, per locale and per shop in a locale (tables {@code compensation_policies} and
 * {@code compensation_rules}, amounts as decimal strings, keyed by {@link com.replybook.kb.shops.ShopSetting#key()}:
 * {@code zh-CN}, {@code zh-CN/tmall-flagship}); a locale nobody saved has no row and uses the defaults, a shop its
 * locale's.
 * {@link #replace} swaps a locale's whole policy in one transaction. Thread-safe.
 */
final class PolicyStore {

    /** A locale's saved policy. */
    record Saved(CompensationPolicy policy, Stamp stamp) {
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private final Database db;

    PolicyStore(Database db) {
        this.db = db;
    }

    Optional<Saved> find(String locale) {
        return db.read(c -> {
            String currency;
            Stamp stamp;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT currency, version, updated_at, updated_by FROM compensation_policies WHERE locale = ?")) {
                ps.setString(1, locale);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    currency = rs.getString(1);
                    stamp = new Stamp(rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4));
                }
            }
            return Optional.of(new Saved(new CompensationPolicy(currency, rules(c, locale)), stamp));
        });
    }

    private static List<CompensationRule> rules(Connection c, String locale) throws SQLException {
        List<CompensationRule> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT category, order_min, order_max, customer_tags, offer,"
                + " max_amount, max_percent FROM compensation_rules WHERE locale = ? ORDER BY position")) {
            ps.setString(1, locale);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CompensationRule(rs.getString(1), new BigDecimal(rs.getString(2)), decimal(rs.getString(3)),
                            tags(rs.getString(4)), Offers.find(rs.getString(5)), new BigDecimal(rs.getString(6)),
                            decimal(rs.getString(7))));
                }
            }
        }
        return out;
    }

    /** Removes the policy kept under {@code key}; 404 when there is none, 409 as {@link #replace}. */
    void remove(String key, Long expectedVersion) {
        db.inTransaction(c -> {
            long current = version(c, key);
            if (current == 0) throw ApiException.notFound(ShopError.SETTING_NONE_OWN, key);
            if (expectedVersion != null && expectedVersion != current) throw changed(current);
            delete(c, key);
            return null;
        });
    }

    private static long version(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM compensation_policies WHERE locale = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static ApiException changed(long current) {
        return ApiException.conflict(CompensationError.CHANGED, Map.of("currentVersion", current), current);
    }

    private static void delete(Connection c, String key) throws SQLException {
        for (String table : List.of("compensation_rules", "compensation_policies")) {
            try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE locale = ?")) {
                del.setString(1, key);
                del.executeUpdate();
            }
        }
    }

    /** Replaces the policy; 409 when {@code expectedVersion} is given and another replacement came first. */
    void replace(String locale, CompensationPolicy policy, Instant at, String user, Long expectedVersion) {
        db.inTransaction(c -> {
            long current = version(c, locale);
            if (expectedVersion != null && expectedVersion != current) throw changed(current);
            delete(c, locale);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO compensation_policies (locale, currency, version,"
                    + " updated_at, updated_by) VALUES (?,?,?,?,?)")) {
                ps.setString(1, locale);
                ps.setString(2, policy.currency());
                ps.setLong(3, current + 1);
                ps.setLong(4, at.toEpochMilli());
                ps.setString(5, user);
                ps.executeUpdate();
            }
            insertRules(c, locale, policy.rules());
            return null;
        });
    }

    private static void insertRules(Connection c, String locale, List<CompensationRule> rules) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO compensation_rules (locale, position, category,"
                + " order_min, order_max, customer_tags, offer, max_amount, max_percent) VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < rules.size(); i++) {
                CompensationRule r = rules.get(i);
                ps.setString(1, locale);
                ps.setInt(2, i + 1);
                ps.setString(3, r.category());
                ps.setString(4, r.orderMin().toPlainString());
                ps.setString(5, r.orderMax() == null ? null : r.orderMax().toPlainString());
                ps.setString(6, Json.MAPPER.writeValueAsString(r.customerTags()));
                ps.setString(7, r.offer().id());
                ps.setString(8, r.maxAmount().toPlainString());
                ps.setString(9, r.maxPercent() == null ? null : r.maxPercent().toPlainString());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static List<String> tags(String json) {
        try {
            return Json.MAPPER.readValue(json, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable customer tags " + json, e);
        }
    }
}
