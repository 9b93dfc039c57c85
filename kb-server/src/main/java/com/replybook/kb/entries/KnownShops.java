package com.replybook.kb.entries;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;

/**
 * Which shop keys exist: to refuse an entry that names an unknown shop (422 naming {@code shops}) and to check the shop
 * a request names ({@link #requested}). Implemented by the shops feature, so that this package does not depend on it.
 */
@FunctionalInterface
public interface KnownShops {

    /** True when a shop has key {@code key}. */
    boolean exists(String key);

    /**
     * The shop a request names in {@code field} (a query parameter or body field), checked: null when none is named;
     * 400 naming the field when no shop has that key; 403 naming it when {@code caller} works for other shops only.
     */
    default String requested(Principal caller, String key, String field) {
        if (key == null || key.isBlank()) return null;
        String k = key.strip();
        if (!exists(k)) throw ApiException.badRequest(field, ScopeError.SHOP_UNKNOWN, k);
        if (!caller.worksFor(k)) {
            throw ApiException.of(403, "forbidden", field, ScopeError.SHOP_NOT_YOURS, null,
                    String.join(", ", caller.shops()), k);
        }
        return k;
    }

    /** The shop key a request body names as {@code "shop"} (null when absent or null); 400 naming it when not text. */
    static String named(JsonNode body) {
        JsonNode shop = body.get("shop");
        if (shop == null || shop.isNull()) return null;
        if (!shop.isTextual()) throw ApiException.badRequest("shop", InputError.NOT_STRING, "shop");
        return shop.asText();
    }

    /**
     * The shop something {@code caller} records (a case, a follow-up) belongs to: the one named in {@code field},
     * checked as {@link #requested}; when none is named, the caller's shop if they work for exactly one; else null
     * (every shop's).
     */
    default String recordedIn(Principal caller, String key, String field) {
        String k = requested(caller, key, field);
        return k == null && caller.shops().size() == 1 ? caller.shops().getFirst() : k;
    }

    /**
     * The shops a reader's list is narrowed to: {@code shop} when one is named (already checked, {@link #requested}),
     * else the reader's shops when they are limited to some, else null (every shop).
     */
    static java.util.List<String> scope(Principal reader, String shop) {
        return shop != null ? java.util.List.of(shop) : reader.limitedToShops() ? reader.shops() : null;
    }

    /**
     * The shops {@code reader} works for, key → name in key order (every shop for a reader not limited to some), to
     * offer as a filter; none by default.
     */
    default java.util.Map<String, String> namesFor(Principal reader) {
        return java.util.Map.of();
    }

    /** Every key is known (tools and tests without shops). */
    KnownShops ANY = key -> true;
}
