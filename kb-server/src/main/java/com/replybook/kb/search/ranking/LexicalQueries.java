package com.replybook.kb.search.ranking;

import com.replybook.kb.search.analysis.SearchAnalyzers;
import com.replybook.kb.search.analysis.Synonyms;
import com.replybook.kb.search.index.SearchFields;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.AttributeSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the lexical query for free text. Synonym expansions ({@link Synonyms}) join at a lower boost. The text is only ever analysed, never parsed, so {@code "}, {@code AND},
 * {@code (}, {@code *}, {@code \} or {@code ~} are plain characters. Per text field: the bigram-field terms and
 * the word-field terms, each with their synonym expansions at a lower boost; the whole text as a sloppy phrase in
 * the similar questions and in the problem; fuzzy variants of English words that no entry contains. Long texts
 * keep only their rarest terms, which bounds the query size. Thread-safe.
 */
public final class LexicalQueries {

    /** Most distinct terms kept per analysis; the rarest win (a long message has many common words). */
    static final int MAX_TERMS = 24;
    static final int MAX_SYNONYMS = 8;
    static final int PHRASE_SLOP = 2;
    /** Longer texts (messages) are not whole questions; a phrase of them would never match. */
    static final int MAX_PHRASE = 20;

    private final Analyzer bigram = SearchAnalyzers.bigram();
    private final Analyzer words = SearchAnalyzers.words();
    private final Synonyms synonyms;
    private final RankingWeights weights;

    public LexicalQueries(Synonyms synonyms, RankingWeights weights) {
        this.synonyms = synonyms;
        this.weights = weights;
    }

    /**
     * A text's ranking query, the terms its hits are highlighted with (a plain term query: the highlighter is
     * much faster without phrases, fuzzy terms and the word fields, and bigram spans read well) and its words
     * (word analysis), which {@link Confidence#coverage} looks up in the top hit.
     */
    public record Built(Query query, List<String> marked, Set<String> words) {

        /** The term query over {@link #HIGHLIGHTED} of the marked terms; built only when highlights are asked for. */
        public Query highlight() {
            BooleanQuery.Builder highlight = new BooleanQuery.Builder();
            for (String field : HIGHLIGHTED) {
                for (String t : marked) highlight.add(new TermQuery(new Term(field, t)), Occur.SHOULD);
            }
            return highlight.build();
        }
    }

    /** The query for {@code text}, or null when nothing searchable is left after analysis. */
    public Query build(String text, IndexReader reader) {
        return build(text, reader, null);
    }

    /** {@link #build(String, IndexReader)} with the synonyms of {@code shop} (null: the locales'). */
    public Query build(String text, IndexReader reader, String shop) {
        Built built = buildWithHighlight(text, reader, shop);
        return built == null ? null : built.query;
    }

    /** The distinct words of {@code text} (word analysis), as {@link Built#words}. */
    public Set<String> words(String text) {
        return SearchAnalyzers.analyze(words, text).terms();
    }

    /** Like {@link #build}, with the terms to highlight; the synonyms of {@code shop} (null: the locales'). */
    public Built buildWithHighlight(String text, IndexReader reader, String shop) {
        SearchAnalyzers.Analysis bigrams = SearchAnalyzers.analyze(bigram, text);
        SearchAnalyzers.Analysis words = SearchAnalyzers.analyze(this.words, text);
        if (bigrams.terms().isEmpty() && words.terms().isEmpty()) return null;
        List<String> bigramTerms = rarest(reader, SearchFields.QUESTIONS, bigrams.terms(), MAX_TERMS);
        List<String> wordTerms = rarest(reader, SearchFields.words(SearchFields.QUESTIONS), words.terms(), MAX_TERMS);
        Set<String> bigramSynonyms = new LinkedHashSet<>();
        Set<String> wordSynonyms = new LinkedHashSet<>();
        for (String s : synonyms.expansions(text, shop)) {
            bigramSynonyms.addAll(SearchAnalyzers.analyze(bigram, s).terms());
            wordSynonyms.addAll(SearchAnalyzers.analyze(this.words, s).terms());
        }
        bigramSynonyms.removeAll(bigrams.terms());
        wordSynonyms.removeAll(words.terms());

        BooleanQuery.Builder top = new BooleanQuery.Builder();
        List<String> bigramSynonymTerms = cap(bigramSynonyms);
        List<String> wordSynonymTerms = cap(wordSynonyms);
        Map<Term, Float> clauses = new LinkedHashMap<>();
        for (String field : SearchFields.TEXT) {
            float boost = weights.field(field);
            List<String> fieldTerms = NO_SINGLE_CHARACTERS.contains(field) ? longTerms(bigramTerms) : bigramTerms;
            addTerms(clauses, field, fieldTerms, bigramSynonymTerms, boost);
            if (SearchFields.WORD_FIELDS.contains(field)) {
                addTerms(clauses, SearchFields.words(field), wordTerms, wordSynonymTerms,
                        boost * weights.wordsFactor());
            }
        }
        Map<Term, TermQuery> termQueries = TermLookup.queries(reader, clauses.keySet());
        clauses.forEach((term, b) -> add(top, termQueries.get(term), b));
        if (bigrams.sequence().size() > 1 && bigrams.sequence().size() <= MAX_PHRASE) {
            add(top, phrase(SearchFields.QUESTIONS, bigrams.sequence()), weights.phrase());
            add(top, phrase(SearchFields.PROBLEM, bigrams.sequence()), weights.phrase());
        }
        addFuzzy(top, words.terms(), reader);
        // Single characters are left out when longer terms exist: they match everywhere (的, 了) and cost most.
        // Synonyms are marked too: a hit found through one (tk → 退款) would otherwise come without highlights.
        List<String> marked = java.util.stream.Stream.concat(bigramTerms.stream(), bigramSynonymTerms.stream())
                .filter(t -> t.length() > 1).toList();
        if (marked.isEmpty()) marked = bigramTerms;
        return new Built(top.build(), marked, words.terms());
    }

    /**
     * Fields queried without single CJK characters (unless the text has nothing longer): they weigh less than
     * problem and questions, and a character such as 的 or 快 matches most of their values, which costs the most
     * to score. Measured at 100,000 entries: leaving them out of {@code cause} too cut a search's CPU by a tenth
     * (p99 by a fifth) with the same relevance on the dev sets; leaving them out of {@code problem} as well cost
     * relevance (docs/performance.md).
     */
    static final Set<String> NO_SINGLE_CHARACTERS = Set.of(SearchFields.CAUSE, SearchFields.SCRIPT, SearchFields.ACTIONS);

    /** The fields hits are highlighted in. */
    public static final List<String> HIGHLIGHTED =
            List.of(SearchFields.PROBLEM, SearchFields.QUESTIONS, SearchFields.CAUSE);

    /**
     * Collects one boosted term clause per term; they go straight into the top-level disjunction: a flat
     * disjunction of term queries lets Lucene skip non-competitive documents (MaxScore), nested ones do not.
     */
    private void addTerms(Map<Term, Float> clauses, String field, List<String> terms, List<String> synonymTerms,
                          float boost) {
        for (String t : terms) addTerm(clauses, field, t, boost);
        for (String t : synonymTerms) addTerm(clauses, field, t, boost * weights.synonym());
    }

    /**
     * An ASCII term of a word field that the plain field of the same text is queried with too (every English word:
     * both analyses split and stem English alike) is scored once, on the plain field, with both boosts: the two
     * clauses matched the same documents with the same statistics, and at 100,000 entries the duplicate clauses
     * were a fifth of a search's CPU. Chinese words are kept apart: the word field's statistics differ from the
     * bigram field's, and merging them cost zh-shop 4 queries at rank 1 (docs/performance.md).
     */
    private static void addTerm(Map<Term, Float> clauses, String field, String t, float boost) {
        if (field.endsWith(SearchFields.WORDS) && isAscii(t)) {
            Term plain = new Term(field.substring(0, field.length() - SearchFields.WORDS.length()), t);
            if (clauses.containsKey(plain)) {
                clauses.merge(plain, boost, Float::sum);
                return;
            }
        }
        clauses.merge(new Term(field, t), boost, Float::sum);
    }

    private static boolean isAscii(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) >= 0x80) return false;
        }
        return true;
    }

    private static Query phrase(String field, List<String> sequence) {
        PhraseQuery.Builder b = new PhraseQuery.Builder().setSlop(PHRASE_SLOP);
        for (int i = 0; i < sequence.size(); i++) b.add(new Term(field, sequence.get(i)), i);
        return b.build();
    }

    /**
     * Typo tolerance for Latin-script words that no entry contains (e.g. {@code refnud}), in the word fields only:
     * the bigram fields hold the same stemmed English words, and each fuzzy query builds its own automata. Longer "words" are several run together
     * ({@code preorderdiscount}): edits cannot repair them and their automata cost the most to build.
     */
    private void addFuzzy(BooleanQuery.Builder top, Set<String> words, IndexReader reader) {
        int added = 0;
        for (String w : words) {
            if (added == 4) return;
            if (w.length() < 4 || w.length() > MAX_FUZZY_LENGTH || !w.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                continue;
            }
            if (docFreq(reader, SearchFields.words(SearchFields.QUESTIONS), w)
                    + docFreq(reader, SearchFields.words(SearchFields.PROBLEM), w) > 0) continue;
            int edits = w.length() >= 8 ? 2 : 1;
            AttributeSource automata = new AttributeSource();
            for (String field : List.of(SearchFields.QUESTIONS, SearchFields.PROBLEM)) {
                float boost = weights.fuzzy() * weights.field(field);
                add(top, new SharedAutomatonFuzzyQuery(new Term(SearchFields.words(field), w), edits, 16, automata),
                        boost);
            }
            added++;
        }
    }

    static final int MAX_FUZZY_LENGTH = 16;

    /** Up to {@code max} of {@code terms}, rarest in {@code field} first; terms absent from the index drop out. */
    private static List<String> rarest(IndexReader reader, String field, Set<String> terms, int max) {
        if (terms.size() <= max) return List.copyOf(terms);
        record Df(String term, int df) {
        }
        return terms.stream().map(t -> new Df(t, docFreq(reader, field, t))).filter(d -> d.df > 0)
                .sorted(Comparator.comparingInt(Df::df)).limit(max).map(Df::term).toList();
    }

    private static int docFreq(IndexReader reader, String field, String term) {
        try {
            return reader.docFreq(new Term(field, term));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> longTerms(List<String> terms) {
        List<String> longer = terms.stream().filter(t -> t.length() > 1).toList();
        return longer.isEmpty() ? terms : longer;
    }

    private static List<String> cap(Iterable<String> terms) {
        List<String> out = new ArrayList<>();
        for (String t : terms) {
            if (out.size() == MAX_SYNONYMS) break;
            out.add(t);
        }
        return out;
    }

    private static void add(BooleanQuery.Builder top, Query q, float boost) {
        if (q == null || boost <= 0) return;
        if (q instanceof BooleanQuery bq && bq.clauses().isEmpty()) return;
        top.add(new BoostQuery(q, boost), Occur.SHOULD);
    }
}
