package com.replybook.kb.search;

import com.replybook.kb.entries.EntryScope;
import com.replybook.kb.entries.EntryStatus;

import java.util.List;
import java.util.Set;

/**
 * One search: the user's text (never parsed as query syntax) and its filters.
 *
 * @param text     what the agent typed or the customer wrote, e.g. {@code 快递三天没动了}; blank matches all
 * @param limit    hits wanted, 1–100
 * @param locale   exact locale filter, e.g. {@code zh-CN}; null searches every locale
 * @param category category path prefix, e.g. {@code 物流} matches {@code 物流/延误}; null for any
 * @param tags     every tag given must be on the entry
 * @param statuses allowed statuses; agents get only {@link EntryStatus#PUBLISHED}
 * @param highlight whether hits carry {@code <mark>}ed fragments of their problem, questions and cause
 * @param scope    which shops' entries (with those of every shop) and whose personal entries are searched; a search
 *                 never finds anyone else's personal entries, whatever the scope's {@code everyPersonal} says
 */
public record SearchRequest(String text, int limit, String locale, String category, List<String> tags,
                            Set<EntryStatus> statuses, boolean highlight, EntryScope scope) {

    public static final int MAX_LIMIT = 100;

    public SearchRequest {
        text = text == null ? "" : text;
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
        locale = blankToNull(locale);
        category = blankToNull(category);
        tags = tags == null ? List.of() : List.copyOf(tags);
        statuses = statuses == null || statuses.isEmpty() ? Set.of(EntryStatus.PUBLISHED) : Set.copyOf(statuses);
        scope = scope == null ? EntryScope.TEAM_LIBRARY : new EntryScope(scope.shops(), scope.viewer(), false);
    }

    /** A search of the team library of every shop. */
    public SearchRequest(String text, int limit, String locale, String category, List<String> tags,
                         Set<EntryStatus> statuses, boolean highlight) {
        this(text, limit, locale, category, tags, statuses, highlight, EntryScope.TEAM_LIBRARY);
    }

    /** A search of the team library of every shop, without highlights. */
    public SearchRequest(String text, int limit, String locale, String category, List<String> tags,
                         Set<EntryStatus> statuses) {
        this(text, limit, locale, category, tags, statuses, false);
    }

    /** Published entries of any locale, e.g. {@code SearchRequest.of("where is my refund", 10)}. */
    public static SearchRequest of(String text, int limit) {
        return new SearchRequest(text, limit, null, null, List.of(), Set.of(EntryStatus.PUBLISHED));
    }

    SearchRequest withLimit(int newLimit) {
        return new SearchRequest(text, newLimit, locale, category, tags, statuses, highlight, scope);
    }

    SearchRequest withText(String newText) {
        return new SearchRequest(newText, limit, locale, category, tags, statuses, highlight, scope);
    }

    /** This search within {@code newScope}. */
    public SearchRequest within(EntryScope newScope) {
        return new SearchRequest(text, limit, locale, category, tags, statuses, highlight, newScope);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
