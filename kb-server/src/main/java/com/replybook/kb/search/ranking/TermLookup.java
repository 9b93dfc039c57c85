package com.replybook.kb.search.ranking;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexReaderContext;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Looks up a query's terms in the terms dictionary together: per segment and field one enumerator, seeking the
 * terms in order, so that neighbouring terms share the dictionary blocks already read. A {@link TermQuery} built
 * without its {@link TermStates} makes a new enumerator per term and segment; a free-text query has 40–60 terms,
 * and those lookups were a seventh of a search's CPU at 100,000 entries (docs/performance.md).
 */
final class TermLookup {

    private TermLookup() {
    }

    /** A term query for each of {@code terms}, its statistics and postings positions read from {@code reader}. */
    static Map<Term, TermQuery> queries(IndexReader reader, Collection<Term> terms) {
        Map<Term, TermStates> states = states(reader, terms);
        Map<Term, TermQuery> out = new HashMap<>();
        states.forEach((term, s) -> out.put(term, new TermQuery(term, s)));
        return out;
    }

    private static Map<Term, TermStates> states(IndexReader reader, Collection<Term> terms) {
        IndexReaderContext top = reader.getContext();
        Map<String, TreeSet<Term>> byField = new TreeMap<>();
        Map<Term, TermStates> out = new HashMap<>();
        for (Term t : terms) {
            byField.computeIfAbsent(t.field(), f -> new TreeSet<>()).add(t);
            out.put(t, new TermStates(top));
        }
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                for (Map.Entry<String, TreeSet<Term>> field : byField.entrySet()) {
                    Terms fieldTerms = leaf.reader().terms(field.getKey());
                    if (fieldTerms == null) continue;
                    TermsEnum enumerator = fieldTerms.iterator();
                    for (Term t : field.getValue()) {
                        if (enumerator.seekExact(t.bytes())) {
                            out.get(t).register(enumerator.termState(), leaf.ord, enumerator.docFreq(),
                                    enumerator.totalTermFreq());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
