package com.replybook.kb.auth;

import com.replybook.kb.db.Database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * The writes {@link AdminBootstrap} needs and nothing else may do: they bypass the rule that the last enabled admin
 * stays one, in the direction that restores an admin. Each is idempotent, so every start may run them again.
 */
final class BootstrapRecords {

    private final Database db;

    BootstrapRecords(Database db) {
        this.db = db;
    }

    /** The id of the user who owns {@code token}, whether it is revoked and they are disabled or not. */
    Optional<String> tokenOwner(String token) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id FROM api_tokens WHERE token_hash = ?")) {
                ps.setString(1, Tokens.hash(token));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    boolean anyEnabledAdmin() {
        return exists("SELECT 1 FROM users WHERE role = 'admin' AND disabled = 0", null);
    }

    boolean hasActiveToken(String userId) {
        return exists("SELECT 1 FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL", userId);
    }

    /** Makes {@code userId} an enabled admin; says what changed (e.g. "re-enabled admin"), or null when nothing did. */
    String makeEnabledAdmin(String userId) {
        return db.inTransaction(c -> {
            String was = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT username, role, disabled FROM users WHERE id = ?")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return null;
                    if (rs.getInt(3) != 0) was = "re-enabled " + rs.getString(1);
                    if (!"admin".equals(rs.getString(2))) {
                        was = (was == null ? "" : was + " and ") + "made " + rs.getString(1) + " an admin again (was "
                                + rs.getString(2) + ")";
                    }
                }
            }
            if (was != null) update(c, "UPDATE users SET role = 'admin', disabled = 0 WHERE id = ?", userId);
            return was;
        });
    }

    /** Stores {@code token} for {@code userId} unless it is stored already (by anyone); true when it stored it. */
    boolean storeTokenOnce(String userId, String token) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_tokens (id, user_id, token_hash, label, created_at)"
                    + " VALUES (?,?,?,?,?) ON CONFLICT (token_hash) DO NOTHING")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, userId);
                ps.setString(3, Tokens.hash(token));
                ps.setString(4, "bootstrap (REPLYBOOK_ADMIN_TOKEN)");
                ps.setLong(5, System.currentTimeMillis());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Clears the revocation of {@code token}; true when it had been revoked. */
    boolean unrevoke(String token) {
        return db.inTransaction(c -> update(c, "UPDATE api_tokens SET revoked_at = NULL WHERE token_hash = ? AND revoked_at IS NOT NULL",
                Tokens.hash(token)) == 1);
    }

    private boolean exists(String sql, String param) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (param != null) ps.setString(1, param);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    private static int update(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            return ps.executeUpdate();
        }
    }
}
