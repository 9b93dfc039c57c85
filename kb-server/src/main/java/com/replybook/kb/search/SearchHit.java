package com.replybook.kb.search;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * One ranked entry, as the search API returns it.
 *
 * @param score      the ranking score; only comparable within one response
 * @param highlights field name → HTML-escaped fragment with {@code <mark>} around matches, e.g.
 *                   {@code {"problem":"<mark>包裹</mark>显示签收但没收到"}}; only fields that matched
 * @param stale      the entry is past its verification interval
 * @param siblings   the entry's other locale versions ({@link FamilyCollapse}), e.g. the zh-TW and en versions of a
 *                   zh-CN hit; absent when the search listed every locale version as a hit of its own
 */
public record SearchHit(String id, String key, float score, String locale, String category, String problem,
                        String cause, Map<String, String> highlights, boolean stale,
                        @JsonInclude(JsonInclude.Include.NON_NULL) List<Sibling> siblings) {

    /** A hit as the index ranks it, before its family is known. */
    public SearchHit(String id, String key, float score, String locale, String category, String problem,
                     String cause, Map<String, String> highlights, boolean stale) {
        this(id, key, score, locale, category, problem, cause, highlights, stale, null);
    }

    /** Another locale version of a hit's entry, one click away: e.g. {@code refund-timing.zh-tw}, 退款多久到帳. */
    public record Sibling(String id, String key, String locale, String problem) {
    }

    SearchHit withFamily(float familyScore, List<Sibling> others) {
        return new SearchHit(id, key, familyScore, locale, category, problem, cause, highlights, stale, others);
    }

    Sibling asSibling() {
        return new Sibling(id, key, locale, problem);
    }
}
