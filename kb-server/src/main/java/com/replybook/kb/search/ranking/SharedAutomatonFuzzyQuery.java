package com.replybook.kb.search.ranking;

import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.util.AttributeSource;

import java.io.IOException;

/**
 * A {@link FuzzyQuery} that shares its Levenshtein automata with the fuzzy queries of the same word in other fields.
 * Lucene builds them per query (they depend on the word alone), and building them was a seventh of a search's CPU
 * at 100,000 entries, for a misspelled word looked up in two fields. The queries of one word share one
 * {@link AttributeSource}, where {@code FuzzyTermsEnum} keeps its automata; the hits are the same, only the
 * enumeration no longer narrows its automaton as the top terms fill up (a small dictionary walk).
 */
final class SharedAutomatonFuzzyQuery extends FuzzyQuery {

    private final AttributeSource automata;

    /** {@code automata}: one per word, edit distance and prefix length; never shared between different words. */
    SharedAutomatonFuzzyQuery(Term term, int maxEdits, int maxExpansions, AttributeSource automata) {
        super(term, maxEdits, 1, maxExpansions, true);
        this.automata = automata;
    }

    @Override
    protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
        return super.getTermsEnum(terms, automata);
    }
}
