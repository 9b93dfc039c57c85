package com.replybook.kb.search.ranking;

import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.search.analysis.Synonyms;
import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.index.MemoryFeed;
import com.replybook.kb.search.index.SearchFields;
import com.replybook.kb.search.index.TestCorpus;
import com.replybook.kb.search.semantic.EntryVectors;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scope runs find exactly what a scope filter clause finds, scored the same, across several segments. */
class ScopeRangeQueryTest {

    @TempDir
    Path dir;

    private static final List<String> LOCALES = List.of("en", "zh-CN", "zh-TW");
    private static final List<EntryStatus> STATUSES = List.of(EntryStatus.PUBLISHED, EntryStatus.DRAFT,
            EntryStatus.ARCHIVED);

    /** Entry {@code i}: a corpus entry's texts under a rotating locale and status. */
    private static Entry variant(int i) {
        Entry base = TestCorpus.ENTRIES.get(i % TestCorpus.ENTRIES.size());
        Entry e = MemoryFeed.entry("v" + i, LOCALES.get(i % 3), base.category(), base.problem() + " " + i,
                base.questions(), base.cause(), base.script());
        return MemoryFeed.withStatus(e, STATUSES.get((i / 3) % 3));
    }

    @Test
    void findsAndScoresWhatTheScopeFilterFinds() throws Exception {
        MemoryFeed feed = new MemoryFeed();
        for (int i = 0; i < 240; i++) feed.put(variant(i));
        try (EntryIndex index = EntryIndex.open(dir, feed, EntryVectors.NONE)) {
            assertTrue(index.awaitReady(Duration.ofSeconds(30)));
            for (int i = 240; i < 300; i++) feed.put(variant(i)); // after the rebuild: segments of their own
            index.refresh();
            IndexSearcher s = index.searchers().acquire();
            try {
                assertTrue(s.getIndexReader().leaves().size() > 1, "several segments");
                LexicalQueries queries = new LexicalQueries(Synonyms.none(), RankingWeights.DEFAULT);
                List<Query> texts = List.of(queries.build("快递三天没动了", s.getIndexReader()),
                        queries.build("包裹在哪里", s.getIndexReader()),
                        queries.build("退款", s.getIndexReader()), new MatchAllDocsQuery());
                for (Query text : texts) {
                    for (String locale : LOCALES) {
                        for (List<EntryStatus> statuses : List.of(List.of(EntryStatus.PUBLISHED),
                                List.of(EntryStatus.PUBLISHED, EntryStatus.ARCHIVED))) {
                            assertSame(s, text, locale, statuses);
                        }
                    }
                }
                assertTrue(compared > 300, "hits compared: " + compared);
            } finally {
                index.searchers().release(s);
            }
        }
    }

    private int compared;

    private void assertSame(IndexSearcher s, Query text, String locale, List<EntryStatus> statuses)
            throws Exception {
        List<String> scopes = statuses.stream().map(st -> SearchFields.scope(locale, st.wire())).toList();
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String scope : scopes) any.add(new TermQuery(new Term(SearchFields.SCOPE, scope)), Occur.SHOULD);
        Query filtered = new BooleanQuery.Builder().add(text, Occur.MUST).add(any.build(), Occur.FILTER).build();
        Query runs = ScopeRangeQuery.of(text, scopes);
        String what = text + " in " + scopes;

        TopDocs expected = s.search(filtered, 500);
        TopDocs actual = s.search(runs, 500);
        compared += expected.scoreDocs.length;
        assertArrayEquals(docs(expected), docs(actual), what);
        for (int i = 0; i < expected.scoreDocs.length; i++) {
            assertEquals(expected.scoreDocs[i].score, actual.scoreDocs[i].score, 1e-6f, what);
        }
        // A conjunction iterates its clauses' scorers instead of bulk scoring them.
        Query conjunction = new BooleanQuery.Builder().add(runs, Occur.MUST)
                .add(new MatchAllDocsQuery(), Occur.MUST).build();
        assertEquals(s.count(filtered), s.count(conjunction), what);
        assertArrayEquals(docs(expected), docs(s.search(conjunction, 500)), what);
    }

    private static int[] docs(TopDocs top) {
        return java.util.Arrays.stream(top.scoreDocs).mapToInt(d -> d.doc).toArray();
    }
}
