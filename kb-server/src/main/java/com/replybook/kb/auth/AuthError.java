package com.replybook.kb.auth;

import com.replybook.kb.web.ErrorCode;

/** Messages about who may do what, and about users, passwords and tokens (see {@link ErrorCode}). */
public enum AuthError implements ErrorCode {
    UNAUTHENTICATED("auth.required", "Authentication required: send Authorization: Bearer <token>"),
    TOKEN_UNKNOWN("auth.tokenUnknown", "The token is unknown or revoked"),
    SIGN_IN_FIRST("auth.signInFirst", "Sign in first"),
    ROLE("auth.role", "This needs the {required} role; you are {actual}", "required", "actual"),
    CSRF("auth.csrf", "The form is out of date or did not come from this console; reload the page and try again"),
    CSRF_HEADER("auth.csrfHeader", "Missing or wrong X-CSRF-Token header for a session-authenticated request"),
    USERNAME_PATTERN("user.usernamePattern",
            "username must be 2-100 characters of a-z, 0-9, '.', '_', '@', '-', starting with a letter or digit"),
    USERNAME_TAKEN("user.usernameTaken", "username '{username}' is already taken", "username"),
    ROLE_INVALID("user.roleInvalid", "role must be one of agent, editor, lead, admin"),
    LOCALE_INVALID("user.localeInvalid", "locale must be one of {locales}, or empty to follow the browser", "locales"),
    USER_NOT_FOUND("user.notFound", "No user {user}", "user"),
    TOKEN_NOT_FOUND("user.tokenNotFound", "No active token {token} for user {user}", "token", "user"),
    LAST_ADMIN("user.lastAdmin", "{user} is the last enabled admin: make another user an admin first, or nobody "
            + "could manage users any more", "user"),
    PASSWORD_LENGTH("user.passwordLength", "password must be {min} to {max} characters", "min", "max");

    private final Def def;

    AuthError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
