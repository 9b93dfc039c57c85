package com.replybook.kb.users;

import com.replybook.kb.auth.AdminBootstrap;
import com.replybook.kb.auth.AuthFilter;
import com.replybook.kb.auth.WarmUpPass;
import com.replybook.kb.auth.PasswordStore;
import com.replybook.kb.auth.SessionAuth;
import com.replybook.kb.auth.SignInThrottle;
import com.replybook.kb.auth.UserStore;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

import java.util.Optional;
import java.util.Set;

/**
 * The users feature: who may sign in and with which role. Builds the identity parts every request needs (the
 * user and password stores, console sessions, the API's authentication filter), makes sure an admin can get in
 * ({@link AdminBootstrap}), and serves {@code /api/v1/users}, {@code /api/v1/me} and the console's Users page.
 */
public final class UsersModule implements FeatureModule {

    private final UserStore users;
    private final PasswordStore passwords;
    private final SessionAuth sessions;
    private final SignInThrottle signIns;
    private final Optional<String> generatedAdminToken;
    private final KnownShops shops;

    /** Users who may work for any shop key (tools and tests without shops). */
    public UsersModule(Platform platform) {
        this(platform, KnownShops.ANY);
    }

    /** Users whose shops must be among {@code shops}. */
    public UsersModule(Platform platform, KnownShops shops) {
        this.shops = shops;
        this.users = new UserStore(platform.database(), platform.clock(), platform.settings());
        this.passwords = new PasswordStore(platform.database(), users);
        var config = platform.config();
        this.sessions = new SessionAuth(platform.database(), platform.clock(), config.sessionIdleTimeout(),
                config.sessionMaxAge(), config.trustProxy());
        this.signIns = new SignInThrottle(passwords, platform.clock(), config.trustProxy());
        this.generatedAdminToken = AdminBootstrap.ensureAdmin(platform.database(), users, config.adminToken());
    }

    @Override
    public void api(Router<ApiCall> api) {
        new UserApi(users, passwords, sessions, shops).routes(api);
    }

    @Override
    public void console(Router<Page> console) {
        new UserPages(users, passwords, sessions, shops).routes(console);
        new MyLanguage(users).routes(console);
    }

    /** The filter that authenticates every API call except {@code publicPaths} (bearer token or console session). */
    /** Authenticates every API call but those of {@code publicPaths}; admits {@code warmUp}'s token while issued. */
    public AuthFilter authFilter(Set<String> publicPaths, WarmUpPass warmUp) {
        return new AuthFilter(users, publicPaths, sessions, warmUp);
    }

    public UserStore users() {
        return users;
    }

    public PasswordStore passwords() {
        return passwords;
    }

    public SessionAuth sessions() {
        return sessions;
    }

    /** Password checks under the limits on guessing: the only way to sign in with a password. */
    public SignInThrottle signIns() {
        return signIns;
    }

    /** The admin token generated on this start, if one was (never when it was configured). */
    public Optional<String> generatedAdminToken() {
        return generatedAdminToken;
    }
}
