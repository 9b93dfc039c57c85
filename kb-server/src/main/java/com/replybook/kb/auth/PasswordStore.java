package com.replybook.kb.auth;

import com.replybook.kb.db.Database;
import com.replybook.kb.web.ApiException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * Console passwords, kept as {@link Passwords} hashes in {@code users.password_hash}. A user without a
 * password (e.g. an integration that only has API tokens) cannot sign in to the console. Thread-safe.
 */
public final class PasswordStore {

    /** Verified against when the username is unknown, so that timing does not reveal which usernames exist. */
    private static final String DUMMY_HASH = Passwords.hash("dummy-password-for-timing");

    private final Database db;
    private final UserStore users;

    public PasswordStore(Database db, UserStore users) {
        this.db = db;
        this.users = users;
    }

    /**
     * Sets {@code userId}'s password; 422 naming {@code password} when it is too weak. Ends every console session of
     * the user, on every node (see {@link SessionAuth#keepSignedInAfterPasswordChange} for the one that changed it).
     */
    public void setPassword(String userId, String password) {
        String weakness = Passwords.weakness(password);
        if (weakness != null) {
            throw ApiException.unprocessable("password", AuthError.PASSWORD_LENGTH, Passwords.MIN_LENGTH,
                    Passwords.MAX_LENGTH);
        }
        String hash = Passwords.hash(password);
        int n = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE id = ?")) {
                ps.setString(1, hash);
                ps.setString(2, userId);
                int changed = ps.executeUpdate();
                if (changed == 1) ConsoleSessions.endAllOf(c, userId);
                return changed;
            }
        });
        if (n != 1) throw ApiException.notFound(AuthError.USER_NOT_FOUND, userId);
    }

    /**
     * The enabled user with this username and password, if both match. Package-private: every sign-in goes through
     * {@link SignInThrottle}, so nothing can check passwords without the limits on guessing.
     */
    Optional<User> check(String username, String password) {
        Optional<User> user = username == null ? Optional.empty() : users.findByUsername(username.strip());
        String stored = user.map(u -> storedHash(u.id())).orElse(null);
        boolean ok = Passwords.verify(password, stored != null ? stored : DUMMY_HASH) && stored != null;
        return ok && !user.get().disabled() ? user : Optional.empty();
    }

    private String storedHash(String userId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM users WHERE id = ?")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }
}
