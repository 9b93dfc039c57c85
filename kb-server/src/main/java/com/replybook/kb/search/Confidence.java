package com.replybook.kb.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Judges whether the top hit answers the query, so that an out-of-scope message gets {@code confident: false}
 * rather than a confident wrong answer. Lexically: enough of the query's words must occur in the top entry's
 * problem or similar questions. Thresholds tuned on the dev sets (SOFMattress has out-of-scope queries).
 */
final class Confidence {

    /** Share of the query's content words found in the top entry's problem and questions. */
    static final double MIN_COVERAGE = 0.5;
    private static final Set<String> FIELDS = Set.of(SearchFields.PROBLEM, SearchFields.QUESTIONS);

    private final Analyzer words = SearchAnalyzers.words();

    boolean judge(String text, TopDocs top, IndexSearcher searcher) throws IOException {
        if (top.scoreDocs.length == 0 || text.isBlank()) return false;
        return coverage(text, top.scoreDocs[0].doc, searcher) >= MIN_COVERAGE;
    }

    double coverage(String text, int doc, IndexSearcher searcher) throws IOException {
        Set<String> query = LexicalQueries.analyze(words, text).terms();
        if (query.isEmpty()) return 0;
        Document d = searcher.storedFields().document(doc, FIELDS);
        Set<String> entry = new HashSet<>();
        for (String field : FIELDS) {
            for (String value : d.getValues(field)) entry.addAll(LexicalQueries.analyze(words, value).terms());
        }
        long found = query.stream().filter(entry::contains).count();
        return (double) found / query.size();
    }
}
