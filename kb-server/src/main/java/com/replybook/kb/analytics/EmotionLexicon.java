package com.replybook.kb.analytics;

import com.replybook.kb.vocabulary.Emotion;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The words customers use to say how they feel, in Chinese (simplified and traditional) and English, each with its
 * {@link Emotion}; plus the negators and stop-words the counting needs. Read once from {@code /analytics/*.txt}
 * (the files say their format). Immutable and thread-safe.
 */
final class EmotionLexicon {

    /** The Chinese negation a negated entry is written with ({@code 不满意}). */
    static final String ZH_NEGATION = "不";
    /** The English negation a negated entry is written with ({@code not happy}). */
    static final String EN_NEGATION = "not ";

    /**
     * One word of the lexicon.
     *
     * @param word        the canonical form, counted and stored: simplified Chinese or lower-case English, e.g. {@code 失望}
     * @param traditional its traditional Chinese form, e.g. {@code 後悔} for {@code 后悔}; the word itself when the same
     */
    record Word(String word, String traditional, Emotion emotion) {

        boolean chinese() {
            return !word.isEmpty() && Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.HAN;
        }

        /** The form to show a reader of traditional Chinese ({@code traditional}) or anyone else. */
        String shown(boolean traditionalReader) {
            return traditionalReader ? traditional : word;
        }
    }

    private final Map<String, Word> words;
    private final Set<String> negators;
    private final Set<String> stopWords;

    private EmotionLexicon(Map<String, Word> words, Set<String> negators, Set<String> stopWords) {
        this.words = Map.copyOf(words);
        this.negators = Set.copyOf(negators);
        this.stopWords = Set.copyOf(stopWords);
    }

    /** The built-in lexicon. */
    static EmotionLexicon load() {
        Map<String, Word> words = new HashMap<>();
        for (String line : lines("emotion-words.txt")) {
            String[] f = line.split("\\|", -1);
            if (f.length != 3) throw new IllegalStateException("emotion-words.txt: expected word|traditional|emotion: " + line);
            Word w = new Word(f[0].strip(), f[1].isBlank() ? f[0].strip() : f[1].strip(), Emotion.parse(f[2]));
            if (words.put(w.word(), w) != null) throw new IllegalStateException("emotion-words.txt: twice: " + w.word());
        }
        return new EmotionLexicon(words, new HashSet<>(lines("negators.txt")), new HashSet<>(lines("stop-words.txt")));
    }

    Optional<Word> find(String canonical) {
        return Optional.ofNullable(words.get(canonical));
    }

    /**
     * A word of negators.txt, or a Chinese word the segmenter joined to a trailing 不 or 没 ({@code 我不}, {@code 还没}):
     * the dictionary keeps such pairs together, so {@code 我不生气} arrives as {@code 我不 | 生气}.
     */
    boolean isNegator(String token) {
        if (negators.contains(token)) return true;
        return token.length() > 1 && (token.endsWith(ZH_NEGATION) || token.endsWith("没"))
                && Character.UnicodeScript.of(token.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    boolean isStopWord(String token) {
        return stopWords.contains(token);
    }

    private static List<String> lines(String file) {
        try (InputStream in = EmotionLexicon.class.getResourceAsStream("/analytics/" + file)) {
            if (in == null) throw new IllegalStateException("Missing resource /analytics/" + file);
            List<String> out = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) out.add(line.strip());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
