package com.replybook.kb.search.ranking;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.replybook.kb.search.analysis.SearchAnalyzers;
import com.replybook.kb.search.index.SearchFields;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.LevenshteinDistance;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Corrects misspelt English words of a query before it is ranked ({@code Need pliiows} → {@code Need pillows}): the
 * English models read an unknown spelling as word pieces that mean little, the phrase of the whole query cannot
 * match, and the confidence does not count the word. (Fuzzy terms in {@link LexicalQueries} still catch the words
 * this cannot place.)
 *
 * <p>A word is corrected only when the models do not know it (it is not a whole word of their WordPiece vocabulary,
 * which MiniLM and bge-small-en share) <em>and</em> no entry's problem or similar questions contain it: a real word
 * missing from the library ({@code chose}, {@code compensation}) and a product name the library uses ({@code ergo})
 * are left alone. The correction is the library word closest to it (1 edit below 8 letters, 2 from 8, same first
 * letter; the more frequent on a tie), written as the vocabulary word of that stem nearest to what was typed
 * ({@code orderd} → stem {@code order} → {@code ordered}). Thread-safe.
 */
public final class QuerySpelling {

    private static final Pattern LATIN_WORD = Pattern.compile("(?<![A-Za-z0-9])[A-Za-z]{4,16}(?![A-Za-z0-9])");
    private static final List<String> LIBRARY = List.of(SearchFields.words(SearchFields.QUESTIONS),
            SearchFields.words(SearchFields.PROBLEM));
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance();
    private static final AtomicBoolean LOADING = new AtomicBoolean();

    /**
     * Unknown words looked up in the library per text, at most: each costs two Levenshtein-automaton walks, and a
     * pasted message can be full of names, codes and addresses. The first ones are corrected, the rest kept.
     */
    static final int MAX_LOOKUPS = 8;

    private final Analyzer words = SearchAnalyzers.words();
    private final DirectSpellChecker oneEdit = checker(1);
    private final DirectSpellChecker twoEdits = checker(2);

    /**
     * Loads the models' vocabulary on a background thread (0.2–0.4 s), so that the first English search after a
     * start does not wait for it. The server calls it once at start; later calls do nothing.
     */
    public static void loadInBackground() {
        if (LOADING.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("replybook-spelling-vocabulary").start(() -> {
                Vocabulary ignored = Vocabulary.INSTANCE;
            });
        }
    }

    /** {@code text} with its misspelt English words corrected; the same instance if none is. */
    public String correct(String text, IndexReader reader) {
        Matcher m = LATIN_WORD.matcher(text);
        StringBuilder out = null;
        int copied = 0;
        int lookups = 0;
        try {
            while (m.find() && lookups < MAX_LOOKUPS) {
                String word = m.group().toLowerCase(Locale.ROOT);
                String term = unknownTerm(word, reader);
                if (term == null) continue;
                lookups++;
                String closest = closest(term, reader);
                if (closest == null) continue;
                String fix = Vocabulary.INSTANCE.surface(closest, word);
                if (out == null) out = new StringBuilder(text.length());
                out.append(text, copied, m.start()).append(fix);
                copied = m.end();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /**
     * The indexed form of a lower-case word that neither the models nor the library know, to look up; null to keep
     * the word as typed.
     */
    private String unknownTerm(String word, IndexReader reader) throws IOException {
        Vocabulary vocabulary = Vocabulary.INSTANCE;
        if (vocabulary.words.contains(word)) return null;
        String term = stem(word);
        // Another form of a word the models know (compensations, deliverable), or a word of the library.
        if (term == null || vocabulary.byStem.containsKey(term) || inLibrary(term, reader)) return null;
        return term;
    }

    private String closest(String term, IndexReader reader) throws IOException {
        DirectSpellChecker checker = term.length() >= 8 ? twoEdits : oneEdit;
        SuggestWord best = null;
        for (String field : LIBRARY) {
            for (SuggestWord s : checker.suggestSimilar(new Term(field, term), 1, reader,
                    SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX)) {
                if (best == null || s.score > best.score || (s.score == best.score && s.freq > best.freq)) best = s;
            }
        }
        return best == null ? null : best.string;
    }

    private static boolean inLibrary(String term, IndexReader reader) throws IOException {
        for (String field : LIBRARY) if (reader.docFreq(new Term(field, term)) > 0) return true;
        return false;
    }

    /** The word's one indexed form (lower-cased, stemmed); null for a stop word or a word that splits. */
    private String stem(String word) {
        Set<String> terms = SearchAnalyzers.analyze(words, word).terms();
        return terms.size() == 1 ? terms.iterator().next() : null;
    }

    private static DirectSpellChecker checker(int edits) {
        DirectSpellChecker c = new DirectSpellChecker();
        c.setMaxEdits(edits);
        c.setMinQueryLength(4);
        return c;
    }

    /**
     * The whole words of the English models' WordPiece vocabulary (21,719 after the word pieces, numbers and
     * punctuation are dropped), and those words by their indexed stem. Loaded on first use ({@link #loadInBackground}
     * at a server's start).
     */
    private static final class Vocabulary {
        static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";
        static final Vocabulary INSTANCE = load();

        final Set<String> words;
        final Map<String, List<String>> byStem;

        private Vocabulary(Set<String> words, Map<String, List<String>> byStem) {
            this.words = words;
            this.byStem = byStem;
        }

        /** The vocabulary word with stem {@code stem} nearest to {@code typed}; the stem itself if there is none. */
        String surface(String stem, String typed) {
            String best = stem;
            float bestSimilarity = -1;
            for (String w : byStem.getOrDefault(stem, List.of())) {
                float similarity = DISTANCE.getDistance(w, typed);
                if (similarity > bestSimilarity) {
                    best = w;
                    bestSimilarity = similarity;
                }
            }
            return best;
        }

        private static Vocabulary load() {
            Set<String> words = new HashSet<>();
            InputStream in = AllMiniLmL6V2QuantizedEmbeddingModel.class.getResourceAsStream(TOKENIZER);
            if (in == null) throw new IllegalStateException(TOKENIZER + " (the English model's jar) is not on the class path");
            try (in; JsonParser p = new JsonFactory().createParser(in)) {
                // {"model": {..., "vocab": {"[PAD]": 0, ...}}}: the vocabulary's keys.
                while (p.nextToken() != null) {
                    if (p.currentToken() == JsonToken.FIELD_NAME && p.currentName().equals("vocab")
                            && p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String w = p.currentName();
                            if (w.length() > 1 && w.chars().allMatch(c -> c >= 'a' && c <= 'z')) words.add(w);
                            p.nextToken();
                        }
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, List<String>> byStem = new HashMap<>();
            try (Analyzer analyzer = SearchAnalyzers.words()) {
                for (String w : new TreeSet<>(words)) { // sorted: of two words equally near, the same one every time
                    Set<String> terms = SearchAnalyzers.analyze(analyzer, w).terms();
                    if (terms.size() == 1) byStem.computeIfAbsent(terms.iterator().next(), k -> new ArrayList<>()).add(w);
                }
            }
            return new Vocabulary(Set.copyOf(words), byStem);
        }
    }
}
