package com.replybook.kb.search;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.EntryScope;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates the query parameters shared by search and suggest; errors name the parameter. */
final class SearchParams {

    /** A BCP 47 tag as the search API takes it ({@code prefer}, the synonyms' locale), e.g. {@code zh-CN}. */
    static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

    private SearchParams() {
    }

    /**
     * The search the request asks for, within what its caller may read: the shop named by {@code shop} (checked
     * against {@code shops} and the caller's own), else the caller's shops; the team library and the caller's own
     * personal entries.
     */
    static SearchRequest read(HttpServletRequest req, int defaultLimit, KnownShops shops) {
        String q = req.getParameter("q");
        if (q != null && q.length() > 1000) throw ApiException.badRequest("q", InputError.TOO_LONG, "q", 1000);
        Principal caller = Principal.of(req);
        return new SearchRequest(q, limit(req.getParameter("limit"), defaultLimit), req.getParameter("locale"),
                req.getParameter("category"), tags(req), statuses(req.getParameter("status"), caller),
                flag("highlight", req.getParameter("highlight")), scope(caller, req.getParameter("shop"), shops));
    }

    /** What {@code caller} searches in {@code shop} (null: their shops, or every shop). */
    static EntryScope scope(Principal caller, String shop, KnownShops shops) {
        return EntryScope.of(caller, shops.requested(caller, shop, "shop"));
    }

    /** {@code true} or {@code false}; absent means false. */
    static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) return false;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(name, InputError.NOT_BOOLEAN, name);
        };
    }

    static int limit(String value, int defaultLimit) {
        if (value == null || value.isBlank()) return defaultLimit;
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= SearchRequest.MAX_LIMIT) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("limit", SearchError.LIMIT, SearchRequest.MAX_LIMIT);
    }

    private static List<String> tags(HttpServletRequest req) {
        List<String> tags = new ArrayList<>();
        String[] values = req.getParameterValues("tags");
        if (values == null) return tags;
        for (String v : values) {
            for (String t : v.split(",")) if (!t.isBlank()) tags.add(t.trim());
        }
        return tags;
    }

    /**
     * {@code status=draft,in_review} or {@code any}; default published. Agents may only see published entries.
     */
    static Set<EntryStatus> statuses(String value, Principal caller) {
        if (value == null || value.isBlank()) return Set.of(EntryStatus.PUBLISHED);
        Set<EntryStatus> out = EnumSet.noneOf(EntryStatus.class);
        for (String s : value.split(",")) {
            if (s.trim().equalsIgnoreCase("any")) {
                out.addAll(EnumSet.allOf(EntryStatus.class));
                continue;
            }
            EntryStatus st = EntryStatus.fromWire(s);
            if (st == null) {
                throw ApiException.badRequest("status", SearchError.STATUS, s.trim());
            }
            out.add(st);
        }
        if (!out.equals(Set.of(EntryStatus.PUBLISHED)) && !caller.can(Role.EDITOR)) {
            throw ApiException.forbidden(SearchError.PUBLISHED_ONLY);
        }
        return out;
    }
}
