package com.replybook.kb.search;

import com.replybook.kb.entries.EntryFamily;
import com.replybook.kb.entries.EntryScope;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.search.index.HitCard;
import com.replybook.kb.search.index.SearchFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Looks up the locale versions of entries in the index by their family ({@link EntryFamily}). Thread-safe. */
final class FamilyMembers {

    /** More locale versions than one family has in practice (zh-CN, zh-TW, en and a few more). */
    private static final int MAX_PER_FAMILY = 12;

    private final EntrySearcher searcher;

    FamilyMembers(EntrySearcher searcher) {
        this.searcher = searcher;
    }

    /**
     * Family → its entries with one of {@code statuses} within {@code scope} (shops, the searcher's own snippets: as
     * a search of that scope would find them), in locale order; families without any are absent.
     */
    Map<String, List<SearchHit>> of(Collection<String> families, Set<EntryStatus> statuses, EntryScope scope) {
        if (families.isEmpty()) return Map.of();
        BooleanQuery.Builder keys = new BooleanQuery.Builder();
        for (String family : families) {
            keys.add(new TermQuery(new Term(SearchFields.KEY, family)), Occur.SHOULD);
            keys.add(new PrefixQuery(new Term(SearchFields.KEY, family + ".")), Occur.SHOULD);
        }
        Query within = EntrySearcher.filterOnly(new SearchRequest("", 1, null, null, List.of(), statuses, false, scope));
        BooleanQuery query = new BooleanQuery.Builder().add(keys.build(), Occur.MUST).add(within, Occur.FILTER).build();
        long now = System.currentTimeMillis();
        return searcher.withSearcher(s -> {
            Map<String, List<SearchHit>> out = new HashMap<>();
            for (ScoreDoc sd : s.search(query, families.size() * MAX_PER_FAMILY).scoreDocs) {
                HitCard card = HitCard.of(s, sd.doc);
                String family = EntryFamily.of(card.key()); // the prefix also finds refund.fast.en for refund
                if (!families.contains(family)) continue;
                out.computeIfAbsent(family, f -> new ArrayList<>()).add(new SearchHit(card.id(), card.key(), 0,
                        card.locale(), card.category(), card.problem(), card.cause().isEmpty() ? null : card.cause(),
                        Map.of(), card.freshUntil() < now));
            }
            out.values().forEach(list -> list.sort(Comparator.comparing(SearchHit::locale)));
            return out;
        });
    }
}
