package com.replybook.kb.auth;

import com.replybook.kb.vocabulary.SupportedLocale;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * Makes sure an administrator can always get in. With a configured token, that token is registered for
 * the {@code admin} user (idempotently). Without one, the first start creates a token and prints it once;
 * later starts print nothing, because only the hash is stored.
 */
public final class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    static final String ADMIN_USERNAME = "admin";

    private AdminBootstrap() {
    }

    /** Returns the newly generated token when one was created, so the launcher can print it. */
    public static Optional<String> ensureAdmin(UserStore users, String configuredToken) {
        User admin = users.findByUsername(ADMIN_USERNAME)
                .orElseGet(() -> users.createUser(ADMIN_USERNAME, "Administrator", Role.ADMIN, SupportedLocale.HOME.tag()));
        if (configuredToken != null) {
            if (users.authenticate(configuredToken).isEmpty()) {
                users.storeToken(admin.id(), "bootstrap (REPLYBOOK_ADMIN_TOKEN)", configuredToken);
            }
            return Optional.empty();
        }
        if (!users.tokens(admin.id()).isEmpty()) return Optional.empty();
        String token = users.issueToken(admin.id(), "bootstrap (generated on first start)");
        LOG.warning("""

                ================================================================
                 Replybook admin API token (shown once, only its hash is kept):
                   %s
                 Use it as: Authorization: Bearer <token>
                ================================================================
                """.formatted(token));
        return Optional.of(token);
    }
}
