package com.replybook.kb.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The domain synonyms in force, per locale, and the query-time word analyzer built from all of them (a search
 * without a locale spans every locale, and rules such as {@code 退款, refund} cross languages anyway).
 *
 * <p>Rules use the Solr format, one per line: {@code 快递, 物流, 包裹} (equivalent) or {@code 快件 => 快递}
 * (one-way); {@code #} starts a comment. They are analysed with the word chain, so traditional characters and
 * English inflections fold as in the index. Thread-safe: {@link #replace} swaps an immutable snapshot.
 */
final class Synonyms {

    private final Analyzer parsing = SearchAnalyzers.words(null);
    private volatile Snapshot current;

    private record Snapshot(Map<String, String> rulesByLocale, Analyzer queryWords) {
    }

    Synonyms(Map<String, String> rulesByLocale) {
        this.current = build(new TreeMap<>(rulesByLocale));
    }

    static Synonyms none() {
        return new Synonyms(Map.of());
    }

    /** The word analyzer with every locale's synonyms; use for queries only. */
    Analyzer queryWords() {
        return current.queryWords;
    }

    String rules(String locale) {
        return current.rulesByLocale.getOrDefault(locale, "");
    }

    /** Checks {@code rules}, throwing {@link IllegalArgumentException} naming the bad line. */
    void validate(String rules) {
        parse(rules);
    }

    /** Puts {@code rules} in force for {@code locale}; the next query uses them. */
    synchronized void replace(String locale, String rules) {
        Map<String, String> next = new TreeMap<>(current.rulesByLocale);
        next.put(locale, rules);
        current = build(next);
    }

    private Snapshot build(Map<String, String> rulesByLocale) {
        SynonymMap map = parse(String.join("\n", rulesByLocale.values()));
        return new Snapshot(Map.copyOf(rulesByLocale), SearchAnalyzers.words(map));
    }

    private SynonymMap parse(String rules) {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, parsing);
        try {
            parser.parse(new StringReader(rules));
            return parser.build();
        } catch (ParseException e) {
            String cause = e.getCause() != null ? ": " + e.getCause().getMessage() : "";
            throw new IllegalArgumentException("Synonym rule on line " + e.getErrorOffset() + " is invalid" + cause
                    + ". Write terms separated by commas, or 'a, b => c'; a term must not be only stop words.", e);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
