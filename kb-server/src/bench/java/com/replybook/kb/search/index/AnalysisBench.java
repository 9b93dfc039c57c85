package com.replybook.kb.search.index;

import com.replybook.kb.bench.BenchEntries;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.search.analysis.SearchAnalyzers;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.index.IndexableField;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Analysis cost: a customer query through the bigram and the word chains (what every search pays before
 * Lucene runs), the whole lexical query built, and one entry's document through the index-time analyzers
 * (what a rebuild pays per entry).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class AnalysisBench {

    private final Analyzer bigram = SearchAnalyzers.bigram();
    private final Analyzer words = SearchAnalyzers.words();
    private final Analyzer index = EntryDocuments.analyzer();
    private List<String> queries;
    private List<Entry> entries;
    private int next;

    @Setup
    public void load() {
        Path evalDir = BenchEntries.evalDir();
        queries = BenchEntries.queries(evalDir);
        entries = BenchEntries.generate(1000, evalDir);
    }

    @Benchmark
    public Object queryBigrams() {
        return SearchAnalyzers.analyze(bigram, queries.get(next++ % queries.size()));
    }

    @Benchmark
    public Object queryWords() {
        return SearchAnalyzers.analyze(words, queries.get(next++ % queries.size()));
    }

    @Benchmark
    public int entryDocument() throws IOException {
        int tokens = 0;
        for (IndexableField f : EntryDocuments.toDocument(entries.get(next++ % entries.size()), null)) {
            if (!f.fieldType().tokenized() || f.stringValue() == null) continue;
            try (TokenStream ts = index.tokenStream(f.name(), f.stringValue())) {
                ts.reset();
                while (ts.incrementToken()) tokens++;
                ts.end();
            }
        }
        return tokens;
    }
}
