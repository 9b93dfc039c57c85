package com.replybook.kb.auth;

import com.replybook.kb.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The {@code console_sessions} table (migration V63): one row per signed-in console session, keyed by the SHA-256
 * of its cookie value, shared by every node. Thread-safe; each method is one statement.
 */
final class ConsoleSessions {

    /** A session and its user as one look-up finds them. Times are epoch milliseconds. */
    record Row(String idHash, String userId, String username, Role role, String locale, boolean disabled,
               String csrf, long createdAt, long lastSeenAt, long expiresAt, String flash, java.util.List<String> shops) {
    }

    private final Database db;

    ConsoleSessions(Database db) {
        this.db = db;
    }

    Optional<Row> find(String idHash) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.id_hash, s.user_id, u.username, u.role, u.locale, u.disabled, s.csrf_token, s.created_at,
                           s.last_seen_at, s.expires_at, s.flash, u.shops
                    FROM console_sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = ?""")) {
                ps.setString(1, idHash);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    return Optional.of(new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                            Role.fromWire(rs.getString(4)), rs.getString(5), rs.getInt(6) != 0, rs.getString(7),
                            rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getString(11),
                            ShopList.read(rs.getString(12))));
                }
            }
        });
    }

    void insert(String idHash, String userId, String csrf, long now, long expiresAt) {
        update("INSERT INTO console_sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", idHash, userId, csrf, now, now, expiresAt);
    }

    /** Records activity; the caller throttles (at most one write a minute per session). */
    void touch(String idHash, long now) {
        update("UPDATE console_sessions SET last_seen_at = ? WHERE id_hash = ? AND last_seen_at < ?", now, idHash, now);
    }

    void setFlash(String idHash, String flash) {
        update("UPDATE console_sessions SET flash = ? WHERE id_hash = ?", flash, idHash);
    }

    void clearFlash(String idHash) {
        update("UPDATE console_sessions SET flash = NULL WHERE id_hash = ?", idHash);
    }

    void delete(String idHash) {
        update("DELETE FROM console_sessions WHERE id_hash = ?", idHash);
    }

    /** Ends every session of {@code userId}; returns how many there were. */
    int deleteForUser(String userId) {
        return db.inTransaction(c -> endAllOf(c, userId));
    }

    /** Removes sessions past their absolute expiry or idle since before {@code idleBefore}. */
    int deleteExpired(long now, long idleBefore) {
        return update("DELETE FROM console_sessions WHERE expires_at <= ? OR last_seen_at < ?", now, idleBefore);
    }

    /**
     * Ends every console session of {@code userId} inside the caller's transaction: a password change, a disabled
     * account or a new role takes every browser back to sign-in, on every node.
     */
    static int endAllOf(Connection c, String userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM console_sessions WHERE user_id = ?")) {
            ps.setString(1, userId);
            return ps.executeUpdate();
        }
    }

    private int update(String sql, Object... args) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
                return ps.executeUpdate();
            }
        });
    }
}
