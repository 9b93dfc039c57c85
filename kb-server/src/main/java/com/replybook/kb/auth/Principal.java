package com.replybook.kb.auth;

import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The authenticated caller of one request, set by {@link AuthFilter}.
 *
 * @param userId   stable user id
 * @param username login name, recorded as {@code createdBy}/{@code updatedBy}
 * @param role     what the caller may do
 * @param locale   the user's UI locale, e.g. {@code zh-CN}; null to follow the browser's language
 */
public record Principal(String userId, String username, Role role, String locale) {

    static final String ATTRIBUTE = Principal.class.getName();

    public Principal {
        locale = locale == null || locale.isBlank() ? null : locale; // stored as "" where the column may not be null
    }

    /** The caller of {@code req}; 401 when the request was not authenticated. */
    public static Principal of(HttpServletRequest req) {
        Object p = req.getAttribute(ATTRIBUTE);
        if (p instanceof Principal principal) return principal;
        throw ApiException.unauthorized(AuthError.UNAUTHENTICATED);
    }

    /** The caller of an API call; 401 when it was not authenticated. */
    public static Principal of(ApiCall call) {
        return of(call.request());
    }

    /** Throws 403 unless this caller has at least {@code required}. */
    public Principal require(Role required) {
        if (!role.atLeast(required)) {
            throw ApiException.forbidden(AuthError.ROLE, required.wire(), role.wire());
        }
        return this;
    }

    public boolean can(Role required) {
        return role.atLeast(required);
    }
}
