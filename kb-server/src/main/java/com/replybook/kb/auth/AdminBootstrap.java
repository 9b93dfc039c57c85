package com.replybook.kb.auth;

import com.replybook.kb.db.Database;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes sure an administrator can always get in, on every start.
 *
 * <p>With a configured token ({@code REPLYBOOK_ADMIN_TOKEN} / {@code --admin-token}) the token is the way back in:
 * its owner (or, for a new token, the {@code admin} user) is re-enabled, made an admin and the token un-revoked
 * when needed, each change logged; a token already stored is never stored twice, so a restart, or two nodes
 * starting at once, never fails. Without one, the first start creates a token for {@code admin} and prints it once;
 * later starts print nothing (only the hash is stored), unless no enabled admin is left at all: then {@code admin}
 * is restored and, if it has no usable token, a new one is printed.
 */
public final class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    static final String ADMIN_USERNAME = "admin";

    private AdminBootstrap() {
    }

    /** Returns the newly generated token when one was created, so the launcher can print it. */
    public static Optional<String> ensureAdmin(Database db, UserStore users, String configuredToken) {
        BootstrapRecords records = new BootstrapRecords(db);
        if (configuredToken != null) {
            String ownerId = records.tokenOwner(configuredToken).orElseGet(() -> adminUser(users).id());
            restore(records, ownerId);
            if (records.storeTokenOnce(ownerId, configuredToken)) {
                LOG.info("Registered the configured admin token (REPLYBOOK_ADMIN_TOKEN) for " + username(users, ownerId));
            } else if (records.unrevoke(configuredToken)) {
                LOG.warning("The configured admin token had been revoked; it works again (REPLYBOOK_ADMIN_TOKEN)");
            }
            users.forgetCachedTokens();
            return Optional.empty();
        }
        User admin = adminUser(users);
        boolean noAdminLeft = !records.anyEnabledAdmin();
        if (noAdminLeft) restore(records, admin.id());
        users.forgetCachedTokens();
        if (noAdminLeft ? records.hasActiveToken(admin.id()) : !users.tokens(admin.id()).isEmpty()) return Optional.empty();
        String token = users.issueToken(admin.id(), "bootstrap (generated on start)");
        LOG.warning("""

                ================================================================
                 Replybook admin API token (shown once, only its hash is kept):
                   %s
                 Use it as: Authorization: Bearer <token>
                ================================================================
                """.formatted(token));
        return Optional.of(token);
    }

    private static User adminUser(UserStore users) {
        return users.findByUsername(ADMIN_USERNAME)
                // No language of its own: the console speaks the browser's until the admin chooses one.
                .orElseGet(() -> users.createUser(ADMIN_USERNAME, "Administrator", Role.ADMIN, ""));
    }

    /** Makes {@code userId} an enabled admin, logging what it had to change. */
    private static void restore(BootstrapRecords records, String userId) {
        String changed = records.makeEnabledAdmin(userId);
        if (changed != null) LOG.warning("Admin bootstrap: " + changed + " so that an administrator can get in");
    }

    private static String username(UserStore users, String userId) {
        return users.find(userId).map(User::username).orElse(userId);
    }
}
