package com.replybook.kb.search;

import com.replybook.kb.entries.EntryScope;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.search.analysis.SearchAnalyzers;
import com.replybook.kb.search.analysis.Synonyms;
import com.replybook.kb.search.index.EntryDocuments;
import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.index.HitCard;
import com.replybook.kb.search.index.SearchFields;
import com.replybook.kb.search.ranking.CascadeRate;
import com.replybook.kb.search.ranking.Confidence;
import com.replybook.kb.search.ranking.HybridFusion;
import com.replybook.kb.search.ranking.LexicalQueries;
import com.replybook.kb.search.ranking.NearestExamples;
import com.replybook.kb.search.ranking.QueryCascade;
import com.replybook.kb.search.ranking.QuerySpelling;
import com.replybook.kb.search.ranking.RankingWeights;
import com.replybook.kb.search.ranking.ScopeRangeQuery;
import com.replybook.kb.search.semantic.Embedders;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs searches and type-ahead over an {@link EntryIndex}: builds the query ({@link LexicalQueries}), applies the
 * filters, highlights the hits and judges {@link Confidence}. Thread-safe; one per index.
 */
public final class EntrySearcher {

    private static final String[] HIGHLIGHTED = LexicalQueries.HIGHLIGHTED.toArray(String[]::new);

    /**
     * The highlighted fields are short and keep no offsets in the index (smaller, faster to rebuild): hits are
     * re-analysed to mark them.
     */
    private static final Analyzer HIGHLIGHT_ANALYZER = EntryDocuments.analyzer();

    private final EntryIndex index;
    private final LexicalQueries queries;
    private final Confidence confidence;
    private final Analyzer suggestQuery = SearchAnalyzers.suggestQuery();
    private final Synonyms synonyms;
    private final Embedders dense;
    private final NearestExamples examples;
    private final float lexicalWeight;
    private final QuerySpelling spelling = new QuerySpelling();
    private final QueryCascade cascade;
    private final CascadeRate firstStages = new CascadeRate();

    EntrySearcher(EntryIndex index, Synonyms synonyms, RankingWeights weights) {
        this(index, synonyms, weights, null, HybridFusion.LEXICAL_WEIGHT, QueryCascade.OFF);
    }

    /**
     * With {@code dense} non-null, ranking fuses lexical and dense scores ({@link HybridFusion}); with
     * {@code cascade} on, a query's vector stops at its space's first model when that ranks decisively.
     */
    EntrySearcher(EntryIndex index, Synonyms synonyms, RankingWeights weights, Embedders dense, float lexicalWeight,
                  QueryCascade cascade) {
        this.cascade = cascade;
        this.dense = dense;
        this.lexicalWeight = lexicalWeight;
        this.index = index;
        this.synonyms = synonyms;
        this.queries = new LexicalQueries(synonyms, weights);
        this.confidence = new Confidence();
        this.examples = new NearestExamples(index.whitening());
    }

    /** A searcher with the default weights and no synonyms. */
    public static EntrySearcher over(EntryIndex index) {
        return new EntrySearcher(index, Synonyms.none(), RankingWeights.DEFAULT);
    }

    Synonyms synonyms() {
        return synonyms;
    }

    /** Searches the index as it is now (changes become visible within a second of their commit). */
    public SearchResult search(SearchRequest request) {
        return searchRanked(request).result();
    }

    /**
     * A result with the signals its confidence was judged on (for the evaluation), and what the cascade's first
     * stage saw (null when it did not run).
     */
    record Ranked(SearchResult result, double similarity, double coverage, QueryCascade.Signals firstStage,
                  boolean completed) {
        static final Ranked EMPTY = new Ranked(SearchResult.EMPTY, 0, 0, null, false);
    }

    Ranked searchRanked(SearchRequest typed) {
        return withSearcher(s -> {
            if (typed.text().isBlank()) {
                return run(s, filtered(new MatchAllDocsQuery(), typed), null, null, typed);
            }
            SearchRequest request = typed.withText(corrected(typed.text(), s.getIndexReader()));
            LexicalQueries.Built built = queries.buildWithHighlight(request.text(), s.getIndexReader(),
                    synonymShop(request));
            if (built == null) return Ranked.EMPTY;
            Ranked ranked = run(s, filtered(built.query(), request), request.highlight() ? built.highlight() : null,
                    built.words(), request);
            return request.text().equals(typed.text()) ? ranked
                    : new Ranked(ranked.result().searchedFor(request.text()), ranked.similarity(), ranked.coverage(),
                    ranked.firstStage(), ranked.completed());
        });
    }

    /**
     * Suggests entries for a help-desk ticket: its weighted texts ({@link TicketText}) searched together; the
     * confidence is judged against the latest customer message.
     */
    public SearchResult searchTicket(Ticket ticket, Set<EntryStatus> statuses) {
        return searchTicket(TicketText.parts(ticket), ticket, statuses, EntryScope.TEAM_LIBRARY);
    }

    /** {@link #searchTicket(Ticket, Set)} within {@code scope} (shops, the searcher's own personal entries). */
    public SearchResult searchTicket(Ticket ticket, Set<EntryStatus> statuses, EntryScope scope) {
        return searchTicket(TicketText.parts(ticket), ticket, statuses, scope);
    }

    /** {@link #searchTicket(Ticket, Set, EntryScope)} with the ticket's texts already extracted. */
    SearchResult searchTicket(List<TicketText.Part> parts, Ticket ticket, Set<EntryStatus> statuses, EntryScope scope) {
        if (parts.isEmpty()) return SearchResult.EMPTY;
        return withSearcher(s -> {
            List<String> texts = parts.stream().map(p -> corrected(p.text(), s.getIndexReader())).toList();
            int limit = ticket.limit() == null ? Ticket.DEFAULT_LIMIT : ticket.limit();
            SearchRequest request = new SearchRequest(texts.get(0), limit, ticket.locale(), null, List.of(), statuses,
                    false, scope);
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            for (int i = 0; i < parts.size(); i++) {
                Query query = queries.build(texts.get(i), s.getIndexReader(), synonymShop(request));
                if (query != null) b.add(new BoostQuery(query, parts.get(i).weight()), Occur.SHOULD);
            }
            BooleanQuery query = b.build();
            return query.clauses().isEmpty() ? SearchResult.EMPTY
                    : run(s, filtered(query, request), null, queries.words(request.text()), request).result();
        });
    }

    /**
     * The text as both halves of the ranking read it: an English text with its misspellings corrected against the
     * library ({@link QuerySpelling}: {@code pliiows} → {@code pillows}), so that the phrase of the whole query can
     * match, the confidence counts the word, and the models read a word they know. Other texts as typed.
     */
    private String corrected(String text, IndexReader reader) {
        return Embedders.Space.ofText(text) == Embedders.Space.EN ? spelling.correct(text, reader) : text;
    }

    /** The shop whose synonyms a search applies: the one shop it is in, else none (the locales' synonyms). */
    private static String synonymShop(SearchRequest request) {
        List<String> shops = request.scope().shops();
        return shops != null && shops.size() == 1 ? shops.getFirst() : null;
    }

    LexicalQueries queries() {
        return queries;
    }

    <T> T withSearcher(EntryIndex.SearcherFunction<T> work) {
        return index.withSearcher(work);
    }

    /**
     * Runs {@code query} (fused with the dense ranking of {@code request.text()} when hybrid is on and the search
     * has text); hits are highlighted with {@code highlight} unless it is null. {@code words} are the text's
     * words (word analysis), null for a blank search.
     */
    private Ranked run(IndexSearcher s, Query query, Query highlight, Set<String> words, SearchRequest request)
            throws IOException {
        boolean hasText = words != null;
        TopDocs top;
        double similarity = Double.NaN; // lexical only: no dense score, and no space to judge it in
        Embedders.Space space = null;
        DenseRanking hybrid = null;
        if (dense != null && hasText) {
            // shorthand the models do not know: tk => 退款
            String denseText = synonyms.rewrite(request.text(), synonymShop(request));
            space = Embedders.Space.ofText(denseText);
            hybrid = rankDense(s, space, denseText, top(s, query, HybridFusion.CANDIDATES, true), request);
            top = hybrid.top(request.limit());
            similarity = hybrid.similarity();
        } else {
            top = top(s, query, request.limit(), hasText);
        }
        List<SearchHit> hits = toHits(s, highlight, top);
        double coverage = hasText ? confidence.coverage(words, top, s) : 0;
        boolean sure = confidence.judge(coverage, similarity, space, hybrid != null && hybrid.firstModelOnly(), top);
        return new Ranked(new SearchResult(top.totalHits.value(), hits, sure), similarity, coverage,
                hybrid == null ? null : hybrid.firstStage(), hybrid != null && hybrid.completed());
    }

    /**
     * The candidates ({@code lexical} and the nearest) ranked by the query's vector and fused. The vector is the
     * {@link QueryCascade}'s first stage when that ranks decisively, else complete (the candidates ranked again); while
     * few first stages stand ({@link CascadeRate}), most never-seen texts are embedded complete at once.
     */
    private DenseRanking rankDense(IndexSearcher s, Embedders.Space space, String text, TopDocs lexical,
                                   SearchRequest request) throws IOException {
        Embedders.QueryVector vector = dense.cached(text);
        boolean seen = vector != null;
        if (!seen) {
            vector = dense.firstStage(text);
            if (vector == null) return DenseRanking.lexicalOnly(lexical, lexicalWeight, request.limit());
            if (!vector.complete() && !(cascade.enabled() && firstStages.tryFirstStage())) {
                vector = dense.complete(text, vector);
            }
        }
        if (vector.complete()) return rank(s, space, vector, lexical, request, null, false);
        // A first stage: just embedded, or one that stood before (checked again, as the library may have changed).
        DenseRanking first = rank(s, space, vector, lexical, request, null, false);
        QueryCascade.Signals signals = first.signals(s, space, lexical);
        boolean stands = cascade.decisive(signals);
        if (!seen) firstStages.record(stands);
        if (stands) return first.withFirstStage(signals);
        return rank(s, space, dense.complete(text, vector), lexical, request, signals, true);
    }

    private DenseRanking rank(IndexSearcher s, Embedders.Space space, Embedders.QueryVector vector, TopDocs lexical,
                              SearchRequest request, QueryCascade.Signals firstStage, boolean completed)
            throws IOException {
        Query knn = new KnnFloatVectorQuery(space.field, vector.vector(), HybridFusion.CANDIDATES, filterOnly(request));
        TopDocs nearest = s.search(knn, HybridFusion.CANDIDATES);
        TopDocs rescored = examples.rescore(s, space, vector.vector(), lexical, nearest);
        // Two hits at least: the cascade's signals compare the first with the second.
        TopDocs fused = HybridFusion.fuse(lexical, rescored, lexicalWeight, Math.max(request.limit(), 2),
                NearestExamples.notEmbedded(s, lexical, rescored));
        double similarity = fused.scoreDocs.length == 0 ? 0
                : vector.cosine(NearestExamples.cosine(s, space, vector.vector(), fused.scoreDocs[0].doc));
        return new DenseRanking(fused, rescored, similarity, !vector.complete(), firstStage, completed);
    }

    /**
     * A fused ranking: its hits, the dense list it was fused from, the dense score of its first hit (the first model's
     * own cosine when {@code firstModelOnly}), what the cascade's first stage saw (null when it did not run) and
     * whether the vector was completed after it.
     */
    private record DenseRanking(TopDocs fused, TopDocs rescored, double similarity, boolean firstModelOnly,
                                QueryCascade.Signals firstStage, boolean completed) {

        /** A query with no text to embed: the lexical ranking alone, judged as lexical search judges it. */
        static DenseRanking lexicalOnly(TopDocs lexical, float lexicalWeight, int limit) {
            TopDocs none = new TopDocs(lexical.totalHits, new ScoreDoc[0]);
            return new DenseRanking(HybridFusion.fuse(lexical, none, lexicalWeight, limit, Set.of()), none,
                    Double.NaN, false, null, false);
        }

        TopDocs top(int limit) {
            if (fused.scoreDocs.length <= limit) return fused;
            return new TopDocs(fused.totalHits, java.util.Arrays.copyOf(fused.scoreDocs, limit));
        }

        /**
         * How far the lexical first hit's dense score falls short of the best one, relative to it (NaN when there is
         * no lexical hit, it has no dense score or the best is not above 0); how alike the library holds the two; the
         * fused first hit's lead.
         */
        QueryCascade.Signals signals(IndexSearcher s, Embedders.Space space, TopDocs lexical) throws IOException {
            ScoreDoc[] f = fused.scoreDocs;
            double shortfall = Double.NaN;
            double twins = Double.NaN;
            float best = rescored.scoreDocs.length == 0 ? 0 : rescored.scoreDocs[0].score;
            if (lexical.scoreDocs.length > 0 && best > 0) {
                int lexicalFirst = lexical.scoreDocs[0].doc;
                for (ScoreDoc d : rescored.scoreDocs) {
                    if (d.doc == lexicalFirst) shortfall = (best - d.score) / best;
                }
                int denseFirst = rescored.scoreDocs[0].doc;
                twins = denseFirst == lexicalFirst ? 1 : NearestExamples.centroidCosine(s, space, lexicalFirst, denseFirst);
            }
            double margin = f.length == 0 ? 0 : f.length == 1 ? 1 : f[0].score - f[1].score;
            return new QueryCascade.Signals(shortfall, twins, margin);
        }

        DenseRanking withFirstStage(QueryCascade.Signals signals) {
            return new DenseRanking(fused, rescored, similarity, firstModelOnly, signals, false);
        }
    }

    /**
     * The {@code n} best hits of {@code query}. A text search counts its matches only until it has {@code n}
     * (the reported total is then a lower bound): from there on Lucene skips documents that cannot make the top
     * {@code n}, which at 100,000 entries, where thousands match a common word, is most of them. Counting to
     * 1,000 first (Lucene's default) cost a tenth of a search's CPU there. A blank search lists and counts everything.
     */
    private static TopDocs top(IndexSearcher s, Query query, int n, boolean hasText) throws IOException {
        return s.search(query, new TopScoreDocCollectorManager(n, hasText ? n : Integer.MAX_VALUE));
    }

    /**
     * Type-ahead: entries whose problem or similar questions contain words starting with each word typed, the
     * last one possibly incomplete; works from one character ({@code 退}, {@code r}).
     */
    public List<Suggestion> suggest(SearchRequest request) {
        List<String> words = new ArrayList<>(SearchAnalyzers.analyze(suggestQuery, request.text()).terms());
        if (words.isEmpty()) return List.of();
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (String w : words) {
            String prefix = w.length() > SearchAnalyzers.SUGGEST_MAX_PREFIX
                    ? w.substring(0, SearchAnalyzers.SUGGEST_MAX_PREFIX) : w;
            b.add(new TermQuery(new Term(SearchFields.SUGGEST, prefix)), Occur.MUST);
        }
        Query query = filtered(b.build(), request);
        return withSearcher(s -> {
            TopDocs top = s.search(query, request.limit());
            List<Suggestion> out = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                HitCard card = HitCard.of(s, sd.doc);
                out.add(new Suggestion(card.id(), card.key(), card.locale(), card.category(), card.problem()));
            }
            return out;
        });
    }

    /**
     * {@code text} within the request's filters. With a locale, over the runs of documents of its scopes
     * ({@link ScopeRangeQuery}: the index is sorted by scope, a personal entry's scope names its owner), the category,
     * tags and shops as filter clauses; without one, every filter is a clause, the statuses as terms and the audience
     * (the team library and the searcher's own personal entries) as one more.
     */
    static Query filtered(Query text, SearchRequest r) {
        boolean scoped = r.locale() != null;
        List<Query> filters = scoped ? otherFilters(r) : filters(r);
        Query query = text;
        if (!filters.isEmpty()) {
            BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
            for (Query f : filters) b.add(f, Occur.FILTER);
            query = b.build();
        }
        return scoped ? ScopeRangeQuery.of(query, scopes(r)) : query;
    }

    /**
     * The request's filters alone, for the nearest-neighbour search. Not {@code filtered(MatchAllDocsQuery)}: the
     * KNN search first collects its filter into a bit set, which a conjunction with "all documents" fills one
     * document at a time (two thirds of the KNN search at 100,000 entries) and a term query fills block by block.
     */
    static Query filterOnly(SearchRequest r) {
        List<Query> filters = filters(r);
        if (filters.size() == 1) return filters.get(0);
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Query f : filters) b.add(f, Occur.FILTER);
        return b.build();
    }

    private static List<Query> filters(SearchRequest r) {
        List<Query> out = otherFilters(r);
        out.add(scope(r));
        if (r.locale() == null) out.add(audience(r));
        return out;
    }

    /** The category, tag and shop filters. */
    private static List<Query> otherFilters(SearchRequest r) {
        List<Query> out = new ArrayList<>();
        if (r.category() != null) {
            out.add(new TermQuery(new Term(SearchFields.CATEGORY_PATH, EntryDocuments.categoryPath(r.category()))));
        }
        for (String tag : r.tags()) out.add(new TermQuery(new Term(SearchFields.TAG, tag)));
        List<String> shops = r.scope().shops();
        if (shops != null) {
            List<BytesRef> keys = new ArrayList<>();
            keys.add(new BytesRef(SearchFields.EVERY_SHOP));
            for (String shop : shops) keys.add(new BytesRef(shop));
            out.add(new TermInSetQuery(SearchFields.SHOP, keys));
        }
        return out;
    }

    /** The scope values of a search in one locale: per status, the team's and the searcher's own run. */
    private static List<String> scopes(SearchRequest r) {
        List<String> out = new ArrayList<>();
        for (EntryStatus st : r.statuses()) {
            out.add(SearchFields.scope(r.locale(), st.wire()));
            if (r.scope().viewer() != null) out.add(SearchFields.scope(r.locale(), st.wire(), r.scope().viewer()));
        }
        return out;
    }

    /** The locale and status filter: one term per status, or per {@link #scopes} when a locale is given. */
    private static Query scope(SearchRequest r) {
        List<Term> terms = new ArrayList<>();
        if (r.locale() == null) {
            for (EntryStatus st : r.statuses()) terms.add(new Term(SearchFields.STATUS, st.wire()));
        } else {
            for (String scope : scopes(r)) terms.add(new Term(SearchFields.SCOPE, scope));
        }
        return anyOf(terms);
    }

    /** The team library, and the searcher's own personal entries: never anyone else's. */
    private static Query audience(SearchRequest r) {
        List<Term> terms = new ArrayList<>(List.of(new Term(SearchFields.AUDIENCE, SearchFields.TEAM)));
        if (r.scope().viewer() != null) terms.add(new Term(SearchFields.AUDIENCE, SearchFields.audience(r.scope().viewer())));
        return anyOf(terms);
    }

    private static Query anyOf(List<Term> terms) {
        if (terms.size() == 1) return new TermQuery(terms.get(0));
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Term t : terms) any.add(new TermQuery(t), Occur.SHOULD);
        return any.build();
    }

    private List<SearchHit> toHits(IndexSearcher s, Query query, TopDocs top) throws IOException {
        Map<String, String[]> highlights = highlight(s, query, top);
        long now = System.currentTimeMillis();
        List<SearchHit> hits = new ArrayList<>(top.scoreDocs.length);
        for (int i = 0; i < top.scoreDocs.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            HitCard card = HitCard.of(s, sd.doc);
            Map<String, String> marked = new LinkedHashMap<>();
            for (String field : HIGHLIGHTED) {
                String[] fragments = highlights.get(field);
                if (fragments != null && fragments[i] != null) marked.put(field, fragments[i]);
            }
            hits.add(new SearchHit(card.id(), card.key(), sd.score, card.locale(), card.category(), card.problem(),
                    emptyToNull(card.cause()), marked, card.freshUntil() < now));
        }
        return hits;
    }

    /**
     * Marks the query's terms in the hits' problem, questions and cause. Only on request: it re-analyses the hits'
     * stored text, a fifth of a search's CPU at 100,000 entries, and the help-desk widget shows no highlights.
     */
    private static Map<String, String[]> highlight(IndexSearcher s, Query query, TopDocs top) throws IOException {
        if (top.scoreDocs.length == 0 || query == null) return Map.of();
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(s, HIGHLIGHT_ANALYZER)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
                .withMaxNoHighlightPassages(0)
                .withMaxLength(20_000)
                .withHandleMultiTermQuery(false)
                .withHighlightPhrasesStrictly(false)
                // Re-analyses the short stored values token by token instead of building an in-memory index.
                .withPassageRelevancyOverSpeed(false)
                .build();
        int[] passages = new int[HIGHLIGHTED.length];
        java.util.Arrays.fill(passages, 1);
        return highlighter.highlightFields(HIGHLIGHTED, query, top, passages);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static {
        // Tickets combine a few texts; each text's query is bounded by LexicalQueries (about 500 clauses).
        IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 4096));
    }
}
