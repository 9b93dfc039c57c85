package com.replybook.kb.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The library's usage over a period, for team leads.
 *
 * @param topQueries        most frequent search texts (normalised), e.g. {@code 快递三天没动 ×42}
 * @param zeroResultQueries searches that found nothing: where the library has gaps
 * @param topEntries        entries most often inserted, with their views
 * @param unusedEntries     published entries nobody viewed or inserted in the period: candidates to improve or retire
 * @param insertsByTone     insertions per tone, e.g. {@code warm → 120}
 * @param insertsByChannel  insertions per channel
 * @param emotions          customer emotion detected at insertion time, e.g. {@code angry → 30}
 * @param staleEntries      published entries past their verification interval now
 */
public record LibraryInsights(Instant from, Instant to, long searches, long views, long inserts,
                              List<QueryCount> topQueries, List<QueryCount> zeroResultQueries,
                              List<EntryUsage> topEntries, List<EntryRef> unusedEntries,
                              Map<String, Long> insertsByTone, Map<String, Long> insertsByChannel,
                              Map<String, Long> emotions, long staleEntries) {

    /** A search text and how often it was searched. */
    public record QueryCount(String query, long count) {
    }

    /** An entry with its usage in the period. */
    public record EntryUsage(String id, String key, String problem, long inserts, long views) {
    }

    /** An entry named by id, key and problem. */
    public record EntryRef(String id, String key, String problem) {
    }
}
