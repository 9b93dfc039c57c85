package com.replybook.kb.search;

import java.util.Map;

/**
 * One ranked entry, as the search API returns it.
 *
 * @param score      the ranking score; only comparable within one response
 * @param highlights field name → HTML-escaped fragment with {@code <mark>} around matches, e.g.
 *                   {@code {"problem":"<mark>包裹</mark>显示签收但没收到"}}; only fields that matched
 * @param stale      the entry is past its verification interval
 */
public record SearchHit(String id, String key, float score, String locale, String category, String problem,
                        String cause, Map<String, String> highlights, boolean stale) {
}
