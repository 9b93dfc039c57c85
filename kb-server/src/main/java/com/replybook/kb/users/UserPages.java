package com.replybook.kb.users;

import com.replybook.kb.auth.AuthError;
import com.replybook.kb.auth.PasswordStore;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.auth.SessionAuth;
import com.replybook.kb.auth.User;
import com.replybook.kb.auth.UserStore;
import com.replybook.kb.console.ErrorTexts;
import com.replybook.kb.console.Messages;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Users, roles, passwords and API tokens, for admins. A new token is shown once on the page that issued it
 * (only its hash is stored), never put in a redirect or a flash message.
 */
final class UserPages {

    private final UserStore users;
    private final PasswordStore passwords;
    private final SessionAuth sessions;
    private final KnownShops shops;

    UserPages(UserStore users, PasswordStore passwords, SessionAuth sessions, KnownShops shops) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.shops = shops;
    }

    void routes(Router<Page> r) {
        r.get("/users", p -> page(p, 200, null, null))
                .post("/users", this::create)
                .post("/users/{id}", this::change);
    }

    /** The users, or with {@code ?shop=} those who work for that shop (theirs, or every shop). */
    private void page(Page p, int status, String error, Map<String, Object> issued) throws IOException {
        Principal me = p.require(Role.ADMIN);
        Map<String, Object> m = new HashMap<>();
        m.put("shopChoices", shops.namesFor(me));
        String shop = shops.requested(me, p.param("shop"), "shop");
        m.put("shop", shop == null ? "" : shop);
        List<User> all = users.users().stream().filter(u -> shop == null || u.shops().isEmpty() || u.shops().contains(shop))
                .toList();
        m.put("users", all);
        Map<String, Object> tokens = new HashMap<>();
        for (User u : all) tokens.put(u.id(), users.tokens(u.id()));
        m.put("tokens", tokens);
        m.put("roles", List.of("agent", "editor", "lead", "admin"));
        m.put("locales", Messages.SUPPORTED);
        m.put("error", error);
        m.put("issued", issued);
        p.render(status, "users.ftlh", m);
    }

    private void create(Page p) throws IOException {
        p.require(Role.ADMIN);
        try {
            String password = p.raw("password");
            User u = users.createUser(p.param("username"), p.param("displayName"), Role.fromWire(p.param("role")),
                    p.raw("locale"));
            if (!password.isEmpty()) passwords.setPassword(u.id(), password);
            p.redirect("users", "flash.userCreated", u.username());
        } catch (ApiException e) {
            if (e.status() != 422) throw e;
            page(p, 422, ErrorTexts.of(p.messages(), e), null);
        }
    }

    /** {@code action} = password, role, locale, shops (the ticked {@code shops}; none: every shop), disable, enable, token or revoke. */
    private void change(Page p) throws IOException {
        p.require(Role.ADMIN);
        User u = users.find(p.path("id")).orElseThrow(() -> ApiException.notFound(AuthError.USER_NOT_FOUND, p.path("id")));
        String action = p.param("action") == null ? "" : p.param("action");
        try {
            switch (action) {
                case "password" -> {
                    passwords.setPassword(u.id(), p.raw("password"));
                    sessions.keepSignedInAfterPasswordChange(p.request(), p.response(), u);
                }
                case "role" -> users.update(u.id(), requireRole(p.param("role")), null, null, null);
                case "locale" -> users.update(u.id(), null, null, p.param("locale") == null ? "" : p.param("locale"), null);
                case "shops" -> users.update(u.id(), null, null, null, null, UserApi.known(shops,
                        p.params("shops").stream().filter(s -> !s.isBlank()).map(String::strip).toList()));
                case "disable" -> users.update(u.id(), null, null, null, true);
                case "enable" -> users.update(u.id(), null, null, null, false);
                case "revoke" -> users.revokeToken(u.id(), p.param("tokenId"));
                case "token" -> {
                    String token = users.issueToken(u.id(), p.param("label"));
                    page(p, 200, null, Map.of("username", u.username(), "token", token));
                    return;
                }
                default -> throw ApiException.badRequest("action", InputError.UNKNOWN_ACTION, action);
            }
            p.redirect("users", "flash.userChanged", u.username());
        } catch (ApiException e) {
            if (e.status() != 409 && e.status() != 422) throw e;
            page(p, e.status(), ErrorTexts.of(p.messages(), e), null);
        }
    }

    private static Role requireRole(String value) {
        Role role = Role.fromWire(value);
        if (role == null) throw ApiException.unprocessable("role", AuthError.ROLE_INVALID);
        return role;
    }
}
