package com.replybook.kb.search.ranking;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.AttributeSource;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SharedAutomatonFuzzyQueryTest {

    /** One word's automata serve both fields, and each field still expands to exactly its own terms. */
    @Test
    void expandsToTheSameTermsAsAFuzzyQueryInEveryFieldItIsSharedWith() throws Exception {
        try (Directory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(new WhitespaceAnalyzer()))) {
                for (String[] doc : new String[][]{{"refund refunds", "refine"}, {"rebund", "refund fund"},
                        {"unrelated", "refuel"}}) {
                    Document d = new Document();
                    d.add(new TextField("a", doc[0], Field.Store.NO));
                    d.add(new TextField("b", doc[1], Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                AttributeSource automata = new AttributeSource();
                for (String field : new String[]{"a", "b"}) {
                    Term term = new Term(field, "refnud");
                    Set<String> shared = terms(searcher.rewrite(new SharedAutomatonFuzzyQuery(term, 2, 16, automata)));
                    Set<String> plain = terms(searcher.rewrite(new FuzzyQuery(term, 2, 1, 16, true)));
                    assertEquals(plain, shared, field);
                }
                assertEquals(Set.of("a:refund", "a:refunds", "a:rebund"),
                        terms(searcher.rewrite(new SharedAutomatonFuzzyQuery(new Term("a", "refnud"), 2, 16, automata))));
            }
        }
    }

    private static Set<String> terms(Query rewritten) {
        Set<String> out = new TreeSet<>();
        rewritten.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                for (Term t : terms) out.add(t.field() + ":" + t.text());
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return out;
    }
}
