package com.replybook.kb.analytics;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.replybook.kb.vocabulary.Emotion;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The library's usage and the business it reflects over a period, for team leads.
 *
 * @param topQueries        most frequent search texts agents typed (normalised), e.g. {@code 快递三天没动 ×42}
 * @param zeroResultQueries searches that found no good match (no hits, or only hits the search was not confident
 *                          about): where the library has gaps
 * @param topEntries        entries most often inserted, with their views
 * @param unusedEntries     published entries nobody viewed or inserted in the period: candidates to improve or retire
 * @param insertsByTone     insertions per tone, e.g. {@code warm → 120}
 * @param insertsByChannel  insertions per channel
 * @param emotions          customer emotion detected at insertion time, e.g. {@code angry → 30}
 * @param staleEntries      published entries past their verification interval now
 * @param categories        the problem TOP list: entry categories by inserts, with a daily series
 * @param products          the same by the ticket's product
 * @param emotionWords      the customers' emotion words, most frequent first
 * @param alerts            the leads' alert rules that fire now
 * @param compensation      what was given, by offer, category and product; approvals asked and granted
 * @param effectiveness     entries whose tickets reopen most, with their outcomes
 * @param agents            per agent (help-desk name), alphabetical: a coaching view, not a ranking
 */
public record LibraryInsights(Instant from, Instant to, int days, long searches, long views, long inserts,
                              List<QueryCount> topQueries, List<QueryCount> zeroResultQueries,
                              List<EntryUsage> topEntries, List<EntryRef> unusedEntries,
                              Map<String, Long> insertsByTone, Map<String, Long> insertsByChannel,
                              Map<String, Long> emotions, long staleEntries,
                              List<CategoryRow> categories, List<ProductRow> products, List<EmotionWord> emotionWords,
                              List<Alert> alerts, CompensationSummary compensation, List<EntryEffect> effectiveness,
                              List<AgentActivity> agents) {

    /** A search text and how often it was searched. */
    public record QueryCount(String query, long count) {
    }

    /** An entry with its usage in the period. */
    public record EntryUsage(String id, String key, String problem, long inserts, long views) {
    }

    /** An entry named by id, key and problem. */
    public record EntryRef(String id, String key, String problem) {
    }

    /** A line of a TOP list: how often a problem came up, and its daily inserts (oldest day first). */
    public interface TopRow {
        String name();

        long inserts();

        long searches();

        double share();

        List<Long> daily();
    }

    /** A category of entries: {@code share} is its part of all inserts (0–1, four decimals). */
    public record CategoryRow(String category, long inserts, long searches, double share, List<Long> daily) implements TopRow {
        @Override
        @JsonIgnore
        public String name() {
            return category;
        }
    }

    /** A product or order line as the help-desk names it. */
    public record ProductRow(String product, long inserts, long searches, double share, List<Long> daily) implements TopRow {
        @Override
        @JsonIgnore
        public String name() {
            return product;
        }
    }

    /** A word customers used, how often, and the feeling it shows. */
    public record EmotionWord(String word, long count, Emotion emotion) {
    }

    /**
     * A rule that fires: {@code count} inserts on one product (or in one category) within the last {@code days} days,
     * the first of them at {@code since}; {@code threshold} and {@code label} are the rule's.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Alert(String kind, String product, String category, long count, int days, Instant since,
                        String ruleId, String label, int threshold) {
        /** The product or category the alert is about. */
        @JsonIgnore
        public String subject() {
            return product != null ? product : category;
        }
    }

    /** Compensation given with inserts in the period; amounts are decimal strings in the shop's currency. */
    public record CompensationSummary(long count, String amount, List<CompensationRow> byOffer,
                                      List<CompensationRow> byCategory, List<CompensationRow> byProduct, Approvals approvals) {
    }

    /** One line of a compensation total: exactly one of offer, category and product is set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompensationRow(String offer, String category, String product, long count, String amount) {
        @JsonIgnore
        public String name() {
            return offer != null ? offer : category != null ? category : product;
        }
    }

    /** Compensation approvals in the period (distinct approvals at each step). */
    public record Approvals(long asked, long granted, long denied) {
    }

    /**
     * An entry and what became of the tickets it was inserted into: {@code tickets} distinct tickets, of which
     * {@code reopened} (etc.) had that outcome reported after the insert.
     */
    public record EntryEffect(String entryId, String key, String problem, long inserts, long tickets, long resolved,
                              long reopened, long satisfied, long dissatisfied) {
    }

    /**
     * What one agent did in the period and what became of their tickets; {@code daily} inserts, oldest first;
     * the follow-ups they promised that fell due in the period, kept on time or late (done late or still open).
     */
    public record AgentActivity(String agent, long inserts, long tickets, long resolved, long reopened, long satisfied,
                                long dissatisfied, long followUpsOnTime, long followUpsLate, List<Long> daily) {
    }
}
