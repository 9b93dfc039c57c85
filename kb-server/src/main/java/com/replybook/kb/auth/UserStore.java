package com.replybook.kb.auth;

import com.replybook.kb.db.Database;
import com.replybook.kb.db.SettingsChanges;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.ApiException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Users and their API tokens in the database. Token look-ups are cached briefly so that a busy plugin
 * does not turn every search into a database round trip; revoking on this node clears the cache at once.
 * Thread-safe.
 */
public final class UserStore {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");
    private static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final Database db;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** Kind of shared setting ({@link SettingsChanges}) that moves when a token, a role or an account changes. */
    static final String KIND = "auth.users";

    private final SettingsChanges settings;

    /** Users of one node alone (tools and tests): another node's revocation reaches this cache after its TTL. */
    public UserStore(Database db, Clock clock) {
        this(db, clock, null);
    }

    /**
     * Users shared by several nodes: a revoked token, a new role or a disabled account clears the token cache of every
     * node within its poll interval, not only of the node that made the change.
     */
    public UserStore(Database db, Clock clock, SettingsChanges settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        if (settings != null) settings.subscribe(KIND, cache::clear);
    }

    /** Clears this node's token cache and tells the other nodes to clear theirs. */
    private void changed() {
        cache.clear();
        if (settings != null) settings.write(KIND, c -> null);
    }

    /** The principal owning {@code token}, if the token is valid, unrevoked and its user enabled. */
    public Optional<Principal> authenticate(String token) {
        String hash = Tokens.hash(token);
        Instant now = clock.instant();
        Cached hit = cache.get(hash);
        if (hit != null && hit.expires.isAfter(now)) return Optional.of(hit.principal);
        Optional<Principal> found = db.read(c -> findByTokenHash(c, hash));
        found.ifPresentOrElse(p -> {
            cache.put(hash, new Cached(p, now.plus(CACHE_TTL)));
            touch(hash, now);
        }, () -> cache.remove(hash));
        return found;
    }

    private static Optional<Principal> findByTokenHash(Connection c, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT u.id, u.username, u.role, u.locale, u.shops FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = 0""")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Principal(rs.getString(1), rs.getString(2), Role.fromWire(rs.getString(3)),
                        rs.getString(4), ShopList.read(rs.getString(5))));
            }
        }
    }

    private void touch(String hash, Instant now) {
        long cutoff = now.minus(LAST_USED_RESOLUTION).toEpochMilli();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_tokens SET last_used_at = ? WHERE token_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)")) {
                ps.setLong(1, now.toEpochMilli());
                ps.setString(2, hash);
                ps.setLong(3, cutoff);
                return ps.executeUpdate();
            }
        });
    }

    /** Creates a user who works for every shop; 422 naming the field when the username is malformed or taken. */
    public User createUser(String username, String displayName, Role role, String locale) {
        return createUser(username, displayName, role, locale, List.of());
    }

    /**
     * Creates a user who works for {@code shops} (empty: every shop; the caller has checked that they exist); 422
     * naming the field when the username is malformed or taken.
     */
    public User createUser(String username, String displayName, Role role, String locale, List<String> shops) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.unprocessable("username", AuthError.USERNAME_PATTERN);
        }
        if (role == null) throw ApiException.unprocessable("role", AuthError.ROLE_INVALID);
        if (findByUsername(username).isPresent()) {
            throw ApiException.unprocessable("username", AuthError.USERNAME_TAKEN, username);
        }
        User user = new User(UUID.randomUUID().toString(), username,
                displayName == null || displayName.isBlank() ? username : displayName.strip(),
                role, locale == null ? SupportedLocale.HOME.tag() : checkLocale(locale), false, clock.instant(), shops);
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO users (id, username, display_name, role, locale, "
                    + "disabled, created_at, shops) VALUES (?,?,?,?,?,0,?,?)")) {
                ps.setString(1, user.id());
                ps.setString(2, user.username());
                ps.setString(3, user.displayName());
                ps.setString(4, user.role().wire());
                ps.setString(5, stored(user.locale()));
                ps.setLong(6, user.createdAt().toEpochMilli());
                ps.setString(7, ShopList.write(user.shops()));
                return ps.executeUpdate();
            }
        });
        return user;
    }

    /** Issues a new token for {@code userId} and returns it; only its hash is kept. */
    public String issueToken(String userId, String label) {
        String token = Tokens.newToken();
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO api_tokens (id, user_id, token_hash, label, created_at) VALUES (?,?,?,?,?)")) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, userId);
                ps.setString(3, Tokens.hash(token));
                ps.setString(4, label == null || label.isBlank() ? "token" : label.strip());
                ps.setLong(5, clock.instant().toEpochMilli());
                return ps.executeUpdate();
            }
        });
        return token;
    }

    /** Revokes a token of {@code userId}; 404 when there is no such token. */
    public void revokeToken(String userId, String tokenId) {
        int n = db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL")) {
                ps.setLong(1, clock.instant().toEpochMilli());
                ps.setString(2, tokenId);
                ps.setString(3, userId);
                return ps.executeUpdate();
            }
        });
        if (n == 0) throw ApiException.notFound(AuthError.TOKEN_NOT_FOUND, tokenId, userId);
        changed();
    }

    /** Forgets every cached token look-up, on every node (after the bootstrap changed users or tokens behind its back). */
    void forgetCachedTokens() {
        changed();
    }

    public List<ApiToken> tokens(String userId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, user_id, label, created_at, last_used_at, revoked_at FROM api_tokens WHERE user_id = ? ORDER BY created_at")) {
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<ApiToken> out = new ArrayList<>();
                    while (rs.next()) {
                        out.add(new ApiToken(rs.getString(1), rs.getString(2), rs.getString(3),
                                instant(rs, 4), instant(rs, 5), instant(rs, 6)));
                    }
                    return out;
                }
            }
        });
    }

    /**
     * Changes role, display name, locale or the disabled flag; null arguments keep the current value. A new role or
     * disabling ends every console session of the user (on every node): they sign in again, with the new rights. A
     * blank locale means "the browser's language"; any other must be one of the console's ({@code zh-CN},
     * {@code zh-TW}, {@code en}), else 422. Refuses (409 {@code last_admin}, naming {@code disabled} or
     * {@code role}) to disable or demote the last enabled admin: nobody could manage users any more, through any
     * interface.
     */
    public User update(String userId, Role role, String displayName, String locale, Boolean disabled) {
        return update(userId, role, displayName, locale, disabled, null);
    }

    /**
     * As {@link #update(String, Role, String, String, Boolean)}, also changing the shops the user works for when
     * {@code shops} is not null (empty: every shop). Fewer shops end their console sessions too, and every node's
     * token cache forgets them, so no request reads a shop the user no longer works for.
     */
    public User update(String userId, Role role, String displayName, String locale, Boolean disabled,
                       List<String> shops) {
        User current = find(userId).orElseThrow(() -> ApiException.notFound(AuthError.USER_NOT_FOUND, userId));
        User next = new User(current.id(), current.username(),
                displayName != null && !displayName.isBlank() ? displayName.strip() : current.displayName(),
                role != null ? role : current.role(),
                locale != null ? checkLocale(locale) : current.locale(),
                disabled != null ? disabled : current.disabled(), current.createdAt(),
                shops != null ? shops : current.shops());
        boolean losesAnAdmin = enabledAdmin(current) && !enabledAdmin(next);
        db.inTransaction(c -> {
            if (losesAnAdmin) lockEnabledAdmins(c);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE users SET role = ?, display_name = ?, locale = ?, disabled = ?, shops = ? WHERE id = ?")) {
                ps.setString(1, next.role().wire());
                ps.setString(2, next.displayName());
                ps.setString(3, stored(next.locale()));
                ps.setInt(4, next.disabled() ? 1 : 0);
                ps.setString(5, ShopList.write(next.shops()));
                ps.setString(6, next.id());
                ps.executeUpdate();
            }
            if (losesAnAdmin && enabledAdmins(c) == 0) throw lastAdmin(current, next);
            if (next.role() != current.role() || next.disabled() && !current.disabled()
                    || !next.shops().equals(current.shops())) {
                ConsoleSessions.endAllOf(c, next.id());
            }
            return null;
        });
        changed();
        return next;
    }

    private static boolean enabledAdmin(User u) {
        return u.role() == Role.ADMIN && !u.disabled();
    }

    /**
     * On PostgreSQL, locks the enabled admins' rows, so that two admins demoting each other at once cannot both
     * see the other one still enabled. SQLite has one writer at a time: the count after the update is current.
     */
    private void lockEnabledAdmins(Connection c) throws SQLException {
        if (db.vendor() != Database.Vendor.POSTGRESQL) return;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM users WHERE role = 'admin' AND disabled = 0 FOR UPDATE");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) rs.getString(1);
        }
    }

    private static int enabledAdmins(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static ApiException lastAdmin(User current, User next) {
        return ApiException.of(409, "last_admin", next.disabled() ? "disabled" : "role", AuthError.LAST_ADMIN, null,
                current.username());
    }

    public List<User> users() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_USER + " ORDER BY username");
                 ResultSet rs = ps.executeQuery()) {
                List<User> out = new ArrayList<>();
                while (rs.next()) out.add(user(rs));
                return out;
            }
        });
    }

    public Optional<User> find(String id) {
        return findBy("id", id);
    }

    public Optional<User> findByUsername(String username) {
        return findBy("username", username);
    }

    private static final String SELECT_USER =
            "SELECT id, username, display_name, role, locale, disabled, created_at, shops FROM users";

    private Optional<User> findBy(String column, String value) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_USER + " WHERE " + column + " = ?")) {
                ps.setString(1, value);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(user(rs)) : Optional.empty();
                }
            }
        });
    }

    private static User user(ResultSet rs) throws SQLException {
        return new User(rs.getString(1), rs.getString(2), rs.getString(3), Role.fromWire(rs.getString(4)),
                read(rs.getString(5)), rs.getInt(6) != 0, Instant.ofEpochMilli(rs.getLong(7)), ShopList.read(rs.getString(8)));
    }

    /** A supported locale's tag as the console spells it, or null (the browser's language) for a blank one. */
    static String checkLocale(String locale) {
        if (locale.isBlank()) return null;
        for (String tag : SupportedLocale.TAGS) if (tag.equalsIgnoreCase(locale.strip().replace('_', '-'))) return tag;
        throw ApiException.unprocessable("locale", AuthError.LOCALE_INVALID, String.join(", ", SupportedLocale.TAGS));
    }

    /** The column is NOT NULL: "the browser's language" is stored as an empty string. */
    private static String stored(String locale) {
        return locale == null ? "" : locale;
    }

    private static String read(String column) {
        return column == null || column.isEmpty() ? null : column;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private record Cached(Principal principal, Instant expires) {
    }
}
