package com.replybook.kb.analytics;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the emotion words of {@link EmotionLexicon} in a customer's message: quoted history dropped, width and
 * case folded (NFKC, lower case), traditional folded to simplified, split into words by ICU's word-break iterator
 * (dictionary segmentation for Chinese), stop-words removed, then the longest lexicon word of one to three words
 * taken at each place. A negator before a word turns it into its negated entry ({@code 不太满意} → {@code 不满意})
 * or, without one, keeps it from counting ({@code 不生气}). Thread-safe.
 *
 * <pre>{@code
 * count("你們太過分了！我很失望，不太滿意")  // {太过分=1, 失望=1, 不满意=1}
 * }</pre>
 */
final class EmotionWordCounter {

    /** Longer messages are cut: customers say how they feel in the first lines, and the cost stays bounded. */
    static final int MAX_CHARS = 4_000;
    private static final int MAX_JOIN = 3;
    private static final Pattern QUOTED = Pattern.compile("(?m)^\\s*>.*$");

    private final EmotionLexicon lexicon;
    private final Normalizer2 nfkc = Normalizer2.getNFKCInstance();
    private final Transliterator toSimplified = Transliterator.getInstance("Traditional-Simplified");

    EmotionWordCounter(EmotionLexicon lexicon) {
        this.lexicon = lexicon;
    }

    EmotionLexicon lexicon() {
        return lexicon;
    }

    /** How often each lexicon word occurs in {@code text}, in order of first occurrence. */
    Map<EmotionLexicon.Word, Integer> count(String text) {
        List<String> words = words(text);
        Map<EmotionLexicon.Word, Integer> counts = new LinkedHashMap<>();
        int i = 0;
        while (i < words.size()) {
            Optional<Match> m = match(words, i);
            if (m.isPresent()) {
                counts.merge(m.get().word(), 1, Integer::sum);
                i += m.get().length();
            } else {
                i += lexicon.isNegator(words.get(i)) ? negated(words, i, counts) : 1;
            }
        }
        return counts;
    }

    /** The words of {@code text} as matched: folded, segmented, without stop-words. */
    List<String> words(String text) {
        String t = QUOTED.matcher(text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text).replaceAll(" ");
        t = simplified(nfkc.normalize(t).toLowerCase(Locale.ROOT));
        BreakIterator words = BreakIterator.getWordInstance(ULocale.ROOT);
        words.setText(t);
        List<String> out = new ArrayList<>();
        for (int start = words.first(), end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            if (words.getRuleStatus() == BreakIterator.WORD_NONE) continue; // spaces, punctuation
            String w = t.substring(start, end);
            if (!lexicon.isStopWord(w)) out.add(w);
        }
        return out;
    }

    private record Match(EmotionLexicon.Word word, int length) {
    }

    /** The longest lexicon word made of the words from {@code i} on. */
    private Optional<Match> match(List<String> words, int i) {
        for (int n = Math.min(MAX_JOIN, words.size() - i); n >= 1; n--) {
            Optional<EmotionLexicon.Word> w = lexicon.find(join(words.subList(i, i + n)));
            if (w.isPresent()) return Optional.of(new Match(w.get(), n));
        }
        return Optional.empty();
    }

    /** The negator at {@code i} and what follows: a negated entry counts; a plain emotion word is skipped. */
    private int negated(List<String> words, int i, Map<EmotionLexicon.Word, Integer> counts) {
        if (i + 1 >= words.size()) return 1;
        String next = words.get(i + 1);
        String negation = isLatin(next) ? EmotionLexicon.EN_NEGATION : EmotionLexicon.ZH_NEGATION;
        Optional<EmotionLexicon.Word> entry = lexicon.find(negation + next);
        entry.ifPresent(w -> counts.merge(w, 1, Integer::sum));
        if (entry.isPresent()) return 2;
        return match(words, i + 1).map(m -> 1 + m.length()).orElse(1);
    }

    private static String join(List<String> words) {
        StringBuilder sb = new StringBuilder(words.getFirst());
        for (int k = 1; k < words.size(); k++) {
            if (isLatin(words.get(k - 1)) && isLatin(words.get(k))) sb.append(' ');
            sb.append(words.get(k));
        }
        return sb.toString();
    }

    private static boolean isLatin(String word) {
        return Character.UnicodeScript.of(word.codePointAt(0)) == Character.UnicodeScript.LATIN;
    }

    /** ICU documents transliterators as not safe for concurrent use. */
    private synchronized String simplified(String text) {
        return toSimplified.transliterate(text);
    }
}
