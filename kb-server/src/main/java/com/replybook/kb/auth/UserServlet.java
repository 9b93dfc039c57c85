package com.replybook.kb.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/v1/users} (admin only): list and create users, change roles, issue and revoke tokens.
 * {@code PUT /api/v1/users/{id}/password} sets a console password, which is how the first admin gets one
 * (with the bootstrap token). {@code /api/v1/me} (anyone signed in): who am I.
 */
public final class UserServlet extends JsonServlet {

    private final UserStore users;
    private final PasswordStore passwords;

    public UserServlet(UserStore users, PasswordStore passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal me = Principal.of(req);
        if (req.getServletPath().endsWith("/me")) {
            writeJson(resp, 200, me);
            return;
        }
        me.require(Role.ADMIN);
        List<String> path = pathSegments(req);
        if (path.isEmpty()) {
            writeJson(resp, 200, Map.of("users", users.users()));
        } else if (path.size() == 1) {
            writeJson(resp, 200, users.find(path.get(0)).orElseThrow(() -> ApiException.notFound("No user " + path.get(0))));
        } else if (path.size() == 2 && path.get(1).equals("tokens")) {
            writeJson(resp, 200, Map.of("tokens", users.tokens(existing(path.get(0)).id())));
        } else {
            throw ApiException.notFound("No such resource");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal.of(req).require(Role.ADMIN);
        List<String> path = pathSegments(req);
        JsonNode body = readObject(req);
        if (path.isEmpty()) {
            User created = users.createUser(text(body, "username"), text(body, "displayName"),
                    role(body), text(body, "locale"));
            writeJson(resp, 201, created);
        } else if (path.size() == 2 && path.get(1).equals("tokens")) {
            User user = existing(path.get(0));
            String token = users.issueToken(user.id(), text(body, "label"));
            writeJson(resp, 201, Map.of("userId", user.id(), "token", token,
                    "note", "Store this token now: it is shown only once."));
        } else {
            throw ApiException.notFound("No such resource");
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal.of(req).require(Role.ADMIN);
        List<String> path = pathSegments(req);
        if (path.size() == 2 && path.get(1).equals("password")) {
            JsonNode body = readObject(req);
            String password = text(body, "password");
            if (password == null) throw ApiException.badRequest("password", "Send {\"password\": \"…\"}");
            passwords.setPassword(existing(path.get(0)).id(), password);
            resp.setStatus(204);
            return;
        }
        if (path.size() != 1) throw ApiException.notFound("No such resource");
        JsonNode body = readObject(req);
        Boolean disabled = body.hasNonNull("disabled") ? body.get("disabled").asBoolean() : null;
        Role role = body.hasNonNull("role") ? role(body) : null;
        writeJson(resp, 200, users.update(existing(path.get(0)).id(), role, text(body, "displayName"),
                text(body, "locale"), disabled));
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
        Principal.of(req).require(Role.ADMIN);
        List<String> path = pathSegments(req);
        if (path.size() != 3 || !path.get(1).equals("tokens")) throw ApiException.notFound("No such resource");
        users.revokeToken(existing(path.get(0)).id(), path.get(2));
        resp.setStatus(204);
    }

    /** Finds a user by id or username; 404 otherwise. */
    private User existing(String ref) {
        return users.find(ref).or(() -> users.findByUsername(ref))
                .orElseThrow(() -> ApiException.notFound("No user " + ref));
    }

    private static Role role(JsonNode body) {
        Role role = Role.fromWire(text(body, "role"));
        if (role == null) throw ApiException.unprocessable("role", "role must be one of agent, editor, lead, admin", null);
        return role;
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) return null;
        if (!n.isTextual()) throw ApiException.badRequest(field, field + " must be a string");
        return n.asText();
    }
}
