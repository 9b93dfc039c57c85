package com.replybook.kb.search;

import com.replybook.kb.entries.EntryFamily;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One hit per family ({@link EntryFamily}): a search without a locale finds the zh-CN and the zh-TW version of the
 * same entry, and would list the twin second. The family keeps the place of its best-ranked version; the version
 * shown is the one in the preferred locale when the family has it (else the best-ranked one), and the others are
 * listed as its {@link SearchHit#siblings()}, one click away. Confidence is judged before folding and is unchanged
 * (the top family stays on top). Example: {@code 退款多久到账} with {@code prefer=zh-CN} lists
 * {@code refund-timing.zh-cn} with the siblings {@code refund-timing.en} and {@code refund-timing.zh-tw}.
 */
final class FamilyCollapse {

    /** Hits asked of the search per hit wanted, so that folding twins away still fills the list. */
    static final int OVERFETCH = 2;

    private FamilyCollapse() {
    }

    /** How many hits to ask the search for, to show {@code limit} families. */
    static int widened(int limit) {
        return Math.min(SearchRequest.MAX_LIMIT, limit * OVERFETCH);
    }

    /**
     * {@code ranked} folded to at most {@code limit} families. {@code members}: every family's versions that the
     * caller may see ({@link FamilyMembers}); {@code prefer}: a locale tag such as {@code zh-CN}, or null.
     */
    static SearchResult collapse(SearchResult ranked, Map<String, List<SearchHit>> members, String prefer, int limit) {
        Set<String> seen = new LinkedHashSet<>();
        List<SearchHit> out = new ArrayList<>();
        int twins = 0;
        for (SearchHit hit : ranked.hits()) {
            String family = EntryFamily.of(hit.key());
            if (!seen.add(family)) {
                twins++;
                continue;
            }
            if (out.size() == limit) continue;
            List<SearchHit> versions = members.getOrDefault(family, List.of(hit));
            SearchHit shown = shown(hit, versions, ranked.hits(), prefer);
            List<SearchHit.Sibling> others = versions.stream().filter(v -> !v.id().equals(shown.id()))
                    .map(SearchHit::asSibling).toList();
            out.add(shown.withFamily(hit.score(), others));
        }
        long total = Math.max(out.size(), ranked.total() - twins);
        return new SearchResult(total, out, ranked.confident(), ranked.searchedFor());
    }

    /** The version to show: the preferred locale's (as ranked, with its highlights, when it was a hit too). */
    private static SearchHit shown(SearchHit best, List<SearchHit> versions, List<SearchHit> hits, String prefer) {
        if (prefer == null || best.locale().equalsIgnoreCase(prefer)) return best;
        SearchHit preferred = versions.stream().filter(v -> v.locale().equalsIgnoreCase(prefer)).findFirst().orElse(null);
        if (preferred == null) return best;
        return hits.stream().filter(h -> Objects.equals(h.id(), preferred.id())).findFirst().orElse(preferred);
    }
}
