package com.replybook.kb.search;

import com.replybook.kb.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The synonym lists in the database ({@code search_synonyms}, migration V10): one rule text per locale, and per shop
 * that keeps its own for a locale, under {@code <locale>/<shop>} ({@link com.replybook.kb.shops.ShopSetting#key()}).
 */
final class SynonymStore {

    /** One locale's rules as stored, e.g. {@code "快递, 物流, 包裹\n退款, 退钱"}. */
    record Stored(String locale, String rules, Instant updatedAt, String updatedBy) {
    }

    private final Database db;

    SynonymStore(Database db) {
        this.db = db;
    }

    Map<String, String> all() {
        return db.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT locale, rules FROM search_synonyms ORDER BY locale");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        });
    }

    Optional<Stored> get(String locale) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT rules, updated_at, updated_by FROM search_synonyms WHERE locale = ?")) {
                ps.setString(1, locale);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new Stored(locale, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                            rs.getString(3)));
                }
            }
        });
    }

    /** Removes the rules kept under {@code key} in the caller's transaction; the rows removed. */
    int remove(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM search_synonyms WHERE locale = ?")) {
            ps.setString(1, key);
            return ps.executeUpdate();
        }
    }

    /** Stores one locale's rules in the caller's transaction (which also records the change for every node). */
    int put(Connection c, String locale, String rules, Instant at, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO search_synonyms (locale, rules, updated_at, "
                + "updated_by) VALUES (?, ?, ?, ?) ON CONFLICT (locale) DO UPDATE SET rules = excluded.rules, "
                + "updated_at = excluded.updated_at, updated_by = excluded.updated_by")) {
            ps.setString(1, locale);
            ps.setString(2, rules);
            ps.setLong(3, at.toEpochMilli());
            ps.setString(4, user);
            return ps.executeUpdate();
        }
    }
}
