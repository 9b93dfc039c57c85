package com.replybook.kb.search.ranking;

import com.replybook.kb.search.index.SearchFields;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code query} restricted to the documents of some {@link SearchFields#SCOPE}s (locale and status), without a
 * filter clause: the index is sorted by scope, so in every segment a scope's documents are one run of document
 * ids, found by binary search, and the query is scored over those runs only. As a filter clause the scope term was
 * checked document by document alongside the text's clauses, and Lucene's skipping of non-competitive documents
 * (MaxScore) works best without a filter (docs/performance.md).
 */
public final class ScopeRangeQuery extends Query {

    private final Query query;
    private final List<BytesRef> scopes;

    /** {@code query} over the documents whose scope is one of {@code scopes}. */
    public static ScopeRangeQuery of(Query query, List<String> scopes) {
        return new ScopeRangeQuery(query, scopes.stream().sorted().map(BytesRef::new).toList());
    }

    private ScopeRangeQuery(Query query, List<BytesRef> scopes) {
        this.query = Objects.requireNonNull(query);
        this.scopes = List.copyOf(scopes);
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Query rewritten = query.rewrite(searcher);
        return rewritten == query ? this : new ScopeRangeQuery(rewritten, scopes);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) throws IOException {
        Weight inner = query.createWeight(searcher, scoreMode, boost);
        return new Weight(this) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                int[] runs = runs(context.reader(), scopes);
                if (runs.length == 0) return null;
                ScorerSupplier supplier = inner.scorerSupplier(context);
                if (supplier == null) return null;
                return new ScorerSupplier() {
                    @Override
                    public Scorer get(long leadCost) throws IOException {
                        return new RunsScorer(supplier.get(leadCost), runs);
                    }

                    @Override
                    public BulkScorer bulkScorer() throws IOException {
                        return new RunsBulkScorer(supplier.bulkScorer(), runs);
                    }

                    @Override
                    public long cost() {
                        return supplier.cost();
                    }

                    @Override
                    public void setTopLevelScoringClause() throws IOException {
                        supplier.setTopLevelScoringClause();
                    }
                };
            }

            @Override
            public Explanation explain(LeafReaderContext context, int doc) throws IOException {
                if (!within(runs(context.reader(), scopes), doc)) return Explanation.noMatch("not in the scopes");
                return inner.explain(context, doc);
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                return false; // scores: never cached anyway
            }
        };
    }

    /**
     * The runs of documents of {@code scopes} in a segment sorted by scope, as {@code [from, to)} pairs in
     * document order; empty when the segment has none of them.
     */
    private static int[] runs(LeafReader reader, List<BytesRef> scopes) throws IOException {
        IndexReader.CacheHelper core = reader.getCoreCacheHelper();
        if (core == null) return findRuns(reader, scopes);
        Map<List<BytesRef>, int[]> known;
        synchronized (RUNS) {
            known = RUNS.computeIfAbsent(core.getKey(), k -> new ConcurrentHashMap<>());
        }
        int[] runs = known.get(scopes);
        if (runs == null) {
            runs = findRuns(reader, scopes);
            known.put(scopes, runs);
        }
        return runs;
    }

    /**
     * Runs found so far, per segment core (segments never change; deleted documents are the collector's
     * {@code acceptDocs}). Weak keys: a segment's entry goes with the segment once merged away. Each binary search
     * opened a doc values reader per probe, 4 % of a search at 100,000 entries before this cache.
     */
    private static final Map<IndexReader.CacheKey, Map<List<BytesRef>, int[]>> RUNS = new WeakHashMap<>();

    private static int[] findRuns(LeafReader reader, List<BytesRef> scopes) throws IOException {
        SortedDocValues values = DocValues.getSorted(reader, SearchFields.SCOPE);
        List<int[]> found = new ArrayList<>();
        for (BytesRef scope : scopes) {
            int ord = values.lookupTerm(scope);
            if (ord < 0) continue;
            int from = firstAtOrAbove(reader, ord);
            int to = firstAtOrAbove(reader, ord + 1);
            if (from < to) found.add(new int[] {from, to});
        }
        found.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] runs = new int[found.size() * 2];
        for (int i = 0; i < found.size(); i++) {
            runs[2 * i] = found.get(i)[0];
            runs[2 * i + 1] = found.get(i)[1];
        }
        return runs;
    }

    /** The first document whose scope ordinal is at least {@code ord}, by binary search over the sorted segment. */
    private static int firstAtOrAbove(LeafReader reader, int ord) throws IOException {
        int lo = 0;
        int hi = reader.maxDoc();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            SortedDocValues values = DocValues.getSorted(reader, SearchFields.SCOPE); // forward-only: one per probe
            int at = values.advanceExact(mid) ? values.ordValue() : -1;
            if (at < ord) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static boolean within(int[] runs, int doc) {
        for (int i = 0; i < runs.length; i += 2) {
            if (doc >= runs[i] && doc < runs[i + 1]) return true;
        }
        return false;
    }

    /** Scores the wrapped bulk scorer over the runs only. */
    private static final class RunsBulkScorer extends BulkScorer {
        private final BulkScorer in;
        private final int[] runs;

        RunsBulkScorer(BulkScorer in, int[] runs) {
            this.in = in;
            this.runs = runs;
        }

        @Override
        public int score(LeafCollector collector, Bits acceptDocs, int min, int max) throws IOException {
            for (int i = 0; i < runs.length; i += 2) {
                int from = Math.max(min, runs[i]);
                int to = Math.min(max, runs[i + 1]);
                if (from < to) in.score(collector, acceptDocs, from, to);
            }
            for (int i = 0; i < runs.length; i += 2) {
                if (runs[i + 1] > max) return Math.max(max, runs[i]);
            }
            return DocIdSetIterator.NO_MORE_DOCS;
        }

        @Override
        public long cost() {
            return in.cost();
        }
    }

    /** The wrapped scorer's matches that fall in the runs (for callers that iterate instead of bulk scoring). */
    private static final class RunsScorer extends Scorer {
        private final Scorer in;
        private final DocIdSetIterator iterator;

        RunsScorer(Scorer in, int[] runs) {
            this.in = in;
            DocIdSetIterator matches = in.iterator();
            this.iterator = new DocIdSetIterator() {
                @Override
                public int docID() {
                    return matches.docID();
                }

                @Override
                public int nextDoc() throws IOException {
                    return advance(matches.docID() + 1);
                }

                @Override
                public int advance(int target) throws IOException {
                    for (int i = 0; i < runs.length; i += 2) {
                        if (target >= runs[i + 1]) continue;
                        int doc = matches.docID() >= Math.max(target, runs[i]) ? matches.docID()
                                : matches.advance(Math.max(target, runs[i]));
                        if (doc < runs[i + 1]) return doc;
                        target = doc;
                    }
                    return matches.docID() == NO_MORE_DOCS ? NO_MORE_DOCS : matches.advance(NO_MORE_DOCS);
                }

                @Override
                public long cost() {
                    return matches.cost();
                }
            };
        }

        @Override
        public int docID() {
            return iterator.docID();
        }

        @Override
        public DocIdSetIterator iterator() {
            return iterator;
        }

        @Override
        public float getMaxScore(int upTo) throws IOException {
            return in.getMaxScore(upTo);
        }

        @Override
        public int advanceShallow(int target) throws IOException {
            return in.advanceShallow(target);
        }

        @Override
        public float score() throws IOException {
            return in.score();
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        query.visit(visitor.getSubVisitor(org.apache.lucene.search.BooleanClause.Occur.MUST, this));
    }

    @Override
    public String toString(String field) {
        return "scopes" + scopes.stream().map(BytesRef::utf8ToString).toList() + "(" + query.toString(field) + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && query.equals(((ScopeRangeQuery) other).query)
                && scopes.equals(((ScopeRangeQuery) other).scopes);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + 31 * query.hashCode() + scopes.hashCode();
    }
}
