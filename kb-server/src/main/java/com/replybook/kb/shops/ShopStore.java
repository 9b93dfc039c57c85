package com.replybook.kb.shops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.replybook.kb.db.DataAccessException;
import com.replybook.kb.db.Database;
import com.replybook.kb.web.Json;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code shops} table (migration V90): one row per shop, its voice as JSON. Each method is one statement. */
final class ShopStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    /** How the voice is kept in the {@code voice} column. */
    record Voice(String signature, Map<String, String> greetings, Map<String, String> closings,
                 Map<String, String> layouts) {
    }

    private final Database db;

    ShopStore(Database db) {
        this.db = db;
    }

    /** Every shop by key, in key order. */
    Map<String, Shop> load() {
        return db.read(c -> {
            Map<String, Shop> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT shop_key, name, locales, voice, version, created_at, "
                    + "created_by, updated_at, updated_by FROM shops ORDER BY shop_key");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Voice v = read(rs.getString(4), Voice.class);
                    out.put(rs.getString(1), new Shop(rs.getString(1), rs.getString(2), read(rs.getString(3), STRINGS),
                            v.signature(), v.greetings(), v.closings(), v.layouts(), rs.getLong(5),
                            Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)),
                            rs.getString(9)));
                }
            }
            return out;
        });
    }

    static void insert(Connection c, Shop s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO shops (shop_key, name, locales, voice, version, "
                + "created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, s.key());
            ps.setString(2, s.name());
            ps.setString(3, write(s.locales()));
            ps.setString(4, write(voice(s)));
            ps.setLong(5, s.version());
            ps.setLong(6, s.createdAt().toEpochMilli());
            ps.setString(7, s.createdBy());
            ps.setLong(8, s.updatedAt().toEpochMilli());
            ps.setString(9, s.updatedBy());
            ps.executeUpdate();
        }
    }

    /** Stores {@code s} over the row at {@code s.version() - 1}; false when another change came first. */
    static boolean update(Connection c, Shop s) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE shops SET name = ?, locales = ?, voice = ?, version = ?, "
                + "updated_at = ?, updated_by = ? WHERE shop_key = ? AND version = ?")) {
            ps.setString(1, s.name());
            ps.setString(2, write(s.locales()));
            ps.setString(3, write(voice(s)));
            ps.setLong(4, s.version());
            ps.setLong(5, s.updatedAt().toEpochMilli());
            ps.setString(6, s.updatedBy());
            ps.setString(7, s.key());
            ps.setLong(8, s.version() - 1);
            return ps.executeUpdate() == 1;
        }
    }

    private static Voice voice(Shop s) {
        return new Voice(s.signature(), s.greetings(), s.closings(), s.layouts());
    }

    private static String write(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new DataAccessException("Corrupt shops row", new SQLException(e));
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new DataAccessException("Corrupt shops row", new SQLException(e));
        }
    }
}
