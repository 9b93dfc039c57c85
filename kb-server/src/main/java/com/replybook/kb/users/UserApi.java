package com.replybook.kb.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.AuthError;
import com.replybook.kb.auth.PasswordStore;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.auth.SessionAuth;
import com.replybook.kb.auth.User;
import com.replybook.kb.auth.UserStore;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.entries.ScopeError;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.JsonFields;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/users} (admin only): list and create users, change roles, issue and revoke tokens.
 * {@code PUT /api/v1/users/{id}/password} sets a console password, which is how the first admin gets one
 * (with the bootstrap token). {@code /api/v1/me} (anyone signed in): who am I.
 */
final class UserApi {

    private final UserStore users;
    private final PasswordStore passwords;
    private final SessionAuth sessions;
    private final KnownShops shops;

    UserApi(UserStore users, PasswordStore passwords, SessionAuth sessions, KnownShops shops) {
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.shops = shops;
    }

    void routes(Router<ApiCall> api) {
        api.get("/api/v1/me", call -> call.json(200, Principal.of(call)))
                .get("/api/v1/users", call -> call.json(200, Map.of("users", admin(call).users())))
                .post("/api/v1/users", this::create)
                .get("/api/v1/users/{id}", this::read)
                .put("/api/v1/users/{id}", this::update)
                .put("/api/v1/users/{id}/password", this::setPassword)
                .get("/api/v1/users/{id}/tokens", this::tokens)
                .post("/api/v1/users/{id}/tokens", this::issueToken)
                .delete("/api/v1/users/{id}/tokens/{tokenId}", this::revokeToken);
    }

    /** The user store, once the caller is known to be an admin (403 otherwise). */
    private UserStore admin(ApiCall call) {
        Principal.of(call).require(Role.ADMIN);
        return users;
    }

    private void read(ApiCall call) throws IOException {
        admin(call);
        call.json(200, existing(call.path("id")));
    }

    private void tokens(ApiCall call) throws IOException {
        call.json(200, Map.of("tokens", admin(call).tokens(existing(call.path("id")).id())));
    }

    private void create(ApiCall call) throws IOException {
        admin(call);
        JsonNode body = call.readObject();
        List<String> shopKeys = shops(body);
        User created = users.createUser(text(body, "username"), text(body, "displayName"), role(body), text(body, "locale"),
                shopKeys == null ? List.of() : shopKeys);
        call.json(201, created);
    }

    private void issueToken(ApiCall call) throws IOException {
        admin(call);
        JsonNode body = call.readObject();
        User user = existing(call.path("id"));
        String token = users.issueToken(user.id(), text(body, "label"));
        call.json(201, Map.of("userId", user.id(), "token", token, "note", "Store this token now: it is shown only once."));
    }

    private void setPassword(ApiCall call) throws IOException {
        admin(call);
        String password = text(call.readObject(), "password");
        if (password == null) throw ApiException.badRequest("password", InputError.REQUIRED, "password");
        User user = existing(call.path("id"));
        passwords.setPassword(user.id(), password);
        sessions.keepSignedInAfterPasswordChange(call.request(), call.response(), user);
        call.noContent();
    }

    private void update(ApiCall call) throws IOException {
        admin(call);
        JsonNode body = call.readObject();
        Boolean disabled = flag(body, "disabled");
        Role role = body.hasNonNull("role") ? role(body) : null;
        call.json(200, users.update(existing(call.path("id")).id(), role, text(body, "displayName"),
                text(body, "locale"), disabled, shops(body)));
    }

    private void revokeToken(ApiCall call) {
        admin(call);
        users.revokeToken(existing(call.path("id")).id(), call.path("tokenId"));
        call.noContent();
    }

    /** Finds a user by id or username; 404 otherwise. */
    private User existing(String ref) {
        return users.find(ref).or(() -> users.findByUsername(ref))
                .orElseThrow(() -> ApiException.notFound(AuthError.USER_NOT_FOUND, ref));
    }

    private static Role role(JsonNode body) {
        Role role = Role.fromWire(text(body, "role"));
        if (role == null) throw ApiException.unprocessable("role", AuthError.ROLE_INVALID);
        return role;
    }

    private static Boolean flag(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isBoolean()) throw ApiException.badRequest(field, InputError.NOT_BOOLEAN, field);
        return n.booleanValue();
    }

    /**
     * The shops in {@code body} ({@code "shops":["tmall-flagship"]}; {@code []} for every shop), each one that exists;
     * null when absent. 422 naming {@code shops} otherwise.
     */
    private List<String> shops(JsonNode body) {
        if (!body.has("shops")) return null;
        List<FieldError> errors = new ArrayList<>();
        List<String> keys = JsonFields.strings(body, "shops", 200, 64, errors);
        if (!errors.isEmpty()) throw ApiException.invalid(errors);
        return known(shops, keys);
    }

    /** {@code keys} sorted, each a shop that exists; 422 naming {@code shops} otherwise. */
    static List<String> known(KnownShops shops, List<String> keys) {
        List<String> unknown = keys.stream().filter(k -> !shops.exists(k)).toList();
        if (!unknown.isEmpty()) {
            throw ApiException.unprocessable("shops", ScopeError.SHOPS_UNKNOWN, String.join(", ", unknown));
        }
        return keys.stream().sorted().toList();
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw ApiException.badRequest(field, InputError.NOT_STRING, field);
        return n.asText();
    }
}
