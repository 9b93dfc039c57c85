package com.replybook.kb.auth;

import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collection;
import java.util.List;

/**
 * The authenticated caller of one request, set by {@link AuthFilter}.
 *
 * @param userId   stable user id
 * @param username login name, recorded as {@code createdBy}/{@code updatedBy}
 * @param role     what the caller may do
 * @param locale   the user's UI locale, e.g. {@code zh-CN}; null to follow the browser's language
 * @param shops    the shops the caller works for, e.g. {@code ["tmall-flagship"]}; empty for every shop. A caller
 *                 limited to shops never reads another shop's entries, events or insights.
 */
public record Principal(String userId, String username, Role role, String locale, List<String> shops) {

    public Principal {
        locale = locale == null || locale.isBlank() ? null : locale; // stored as "" where the column may not be null
        shops = shops == null ? List.of() : List.copyOf(shops);
    }

    /** A caller who works for every shop. */
    public Principal(String userId, String username, Role role, String locale) {
        this(userId, username, role, locale, List.of());
    }

    static final String ATTRIBUTE = Principal.class.getName();

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

    /** True when the caller works for some shops only. */
    public boolean limitedToShops() {
        return !shops.isEmpty();
    }

    /** True when the caller may work in shop {@code key}: every shop when not limited, else only their own. */
    public boolean worksFor(String key) {
        return shops.isEmpty() || shops.contains(key);
    }

    /**
     * True when the caller may read something that belongs to {@code owned} shops: anything for a caller who works
     * for every shop, and for others what belongs to every shop ({@code owned} empty) or to one of theirs.
     */
    public boolean mayRead(Collection<String> owned) {
        return shops.isEmpty() || owned.isEmpty() || owned.stream().anyMatch(shops::contains);
    }

    /**
     * True when the caller may read something of the one shop {@code shop} (a case, a follow-up), or of no shop
     * ({@code shop} null: every shop's).
     */
    public boolean mayReadShop(String shop) {
        return shop == null || worksFor(shop);
    }
}
