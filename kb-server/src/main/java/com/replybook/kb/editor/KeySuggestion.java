package com.replybook.kb.editor;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Suggests an entry key from its problem, in the library's style ({@code logistics-delay.zh-cn}): the first few
 * words of the problem's first clause as a slug, Chinese in pinyin ({@code 包裹没收到} → {@code baoguo-mei-shoudao}),
 * then the locale. Words are found with ICU's dictionary word breaker, so a Chinese word keeps its syllables
 * together; a key already taken gets {@code -2}, {@code -3}…. Thread-safe.
 */
final class KeySuggestion {

    /** Words taken from the problem: enough to tell entries apart, short enough to type. */
    private static final int MAX_WORDS = 4;
    private static final int MAX_SLUG = 48;
    private static final Set<String> ENGLISH_FILLERS = Set.of("a", "an", "the", "of", "to", "is", "are", "was",
            "has", "have", "my", "our", "their", "it", "its", "and", "or", "for", "in", "on", "at", "with", "but",
            "customer", "customers", "wants", "want", "asks");
    /** Han to pinyin without tone marks; a transliterator is not thread-safe, so each use locks it. */
    private static final Transliterator TO_LATIN = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");

    private KeySuggestion() {
    }

    /**
     * A key for an entry whose problem is {@code problem} in {@code locale}, not yet used ({@code taken} says
     * which are); empty when the problem has no letters to build one from.
     */
    static String suggest(String problem, String locale, Predicate<String> taken) {
        String slug = slug(firstClause(problem == null ? "" : problem));
        if (slug.isEmpty()) return "";
        String suffix = locale == null || locale.isBlank() ? "" : "." + locale.strip().toLowerCase(Locale.ROOT);
        String key = slug + suffix;
        for (int n = 2; taken.test(key) && n < 100; n++) key = slug + "-" + n + suffix;
        return key;
    }

    private static String firstClause(String problem) {
        String[] clauses = problem.strip().split("[，。！？；：、,.!?;:（）()\\n]");
        for (String c : clauses) if (!c.isBlank()) return c.strip();
        return "";
    }

    /** The first words of {@code text}, romanised and joined with hyphens. */
    static String slug(String text) {
        List<String> words = new ArrayList<>();
        BreakIterator breaker = BreakIterator.getWordInstance(ULocale.CHINESE);
        breaker.setText(text);
        for (int start = breaker.first(), end = breaker.next(); end != BreakIterator.DONE && words.size() < MAX_WORDS;
             start = end, end = breaker.next()) {
            String word = latin(text.substring(start, end)).replaceAll("[^a-z0-9]", "");
            if (!word.isEmpty() && !ENGLISH_FILLERS.contains(word)) words.add(word);
        }
        String slug = String.join("-", words);
        return slug.length() <= MAX_SLUG ? slug : slug.substring(0, MAX_SLUG).replaceAll("-+[^-]*$", "");
    }

    private static String latin(String word) {
        synchronized (TO_LATIN) {
            return TO_LATIN.transliterate(word).toLowerCase(Locale.ROOT);
        }
    }
}
