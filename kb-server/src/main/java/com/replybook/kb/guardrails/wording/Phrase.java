package com.replybook.kb.guardrails.wording;

import com.replybook.kb.web.FieldError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's phrase, compiled for matching folded text ({@link NormalizedText}). The syntax is small on purpose, so a
 * team lead can write it and no phrase can be slow:
 * <ul>
 *   <li>text matches itself after folding: {@code 您别生气} also finds {@code 您別生氣！} and {@code 您 别生气};</li>
 *   <li>{@code (a|b|c)} matches one of its choices, an empty choice makes it optional: {@code (您|你|)别生气};</li>
 *   <li>{@code …} (or {@code ...}) between two parts allows a few characters between them, within one thought:
 *       up to {@value #CJK_GAP} in Chinese, {@value #LATIN_GAP} letters in English ({@code 快递…管不了},
 *       {@code sorry…but}).</li>
 * </ul>
 * Latin words match whole: {@code but} does not match {@code button}. Immutable and thread-safe.
 */
final class Phrase {

    static final int MAX_LENGTH = 200;
    static final int CJK_GAP = 12;
    static final int LATIN_GAP = 40;
    private static final int MAX_GROUPS = 6;
    private static final int MAX_GAPS = 3;
    private static final int MAX_CHOICES = 30;
    private static final Pattern GAP = Pattern.compile("…+|\\.{3,}");

    private final String source;
    private final Pattern pattern;
    private final int minLength;
    private final Set<Character> chars;

    private Phrase(String source, Pattern pattern, int minLength, Set<Character> chars) {
        this.source = source;
        this.pattern = pattern;
        this.minLength = minLength;
        this.chars = chars;
    }

    /** The phrase as written. */
    String source() {
        return source;
    }

    /** The fewest folded characters a match has; 0 would match everything. */
    int minLength() {
        return minLength;
    }

    /** Every folded character the phrase is written with. */
    Set<Character> chars() {
        return chars;
    }

    /** The folded form that identifies the phrase: two phrases with the same key match the same text. */
    String key() {
        return pattern.pattern();
    }

    /**
     * Compiles {@code source}.
     *
     * @throws Invalid saying what is wrong, e.g. an unclosed {@code (}
     */
    static Phrase compile(String source) {
        if (source.length() > MAX_LENGTH) throw new Invalid(WordingRuleError.PHRASE_TOO_LONG, MAX_LENGTH);
        String s = GAP.matcher(source.replace('（', '(').replace('）', ')').replace('｜', '|')).replaceAll("\u2026");
        boolean latin = !s.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN);
        StringBuilder regex = new StringBuilder();
        Set<Character> chars = new LinkedHashSet<>();
        int min = 0;
        int groups = 0;
        int gaps = 0;
        boolean partBefore = false;
        boolean gapPending = false;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == ')' || c == '|') throw new Invalid(WordingRuleError.STRAY, String.valueOf(c));
            if (c == '\u2026') {
                if (!partBefore) throw new Invalid(WordingRuleError.GAP_FIRST);
                if (++gaps > MAX_GAPS) throw new Invalid(WordingRuleError.TOO_MANY_GAPS, MAX_GAPS);
                gapPending = true;
                i++;
                continue;
            }
            String part;
            int partMin;
            if (c == '(') {
                int close = s.indexOf(')', i);
                if (close < 0) throw new Invalid(WordingRuleError.UNCLOSED);
                String inside = s.substring(i + 1, close);
                if (inside.indexOf('(') >= 0 || inside.indexOf('\u2026') >= 0) {
                    throw new Invalid(WordingRuleError.NESTED);
                }
                if (++groups > MAX_GROUPS) throw new Invalid(WordingRuleError.TOO_MANY_GROUPS, MAX_GROUPS);
                List<String> choices = choices(inside);
                choices.forEach(ch -> ch.chars().forEach(x -> chars.add((char) x)));
                part = alternation(choices);
                partMin = choices.stream().mapToInt(String::length).min().orElse(0);
                i = close + 1;
            } else {
                int end = i;
                while (end < s.length() && "(|)\u2026".indexOf(s.charAt(end)) < 0) end++;
                String literal = NormalizedText.foldPhrase(s.substring(i, end));
                literal.chars().forEach(x -> chars.add((char) x));
                part = literal.isEmpty() ? "" : Pattern.quote(literal);
                partMin = literal.length();
                i = end;
            }
            if (part.isEmpty()) continue;
            if (gapPending) regex.append(".{0,").append(latin ? LATIN_GAP : CJK_GAP).append("}?");
            gapPending = false;
            regex.append(part);
            min += partMin;
            partBefore = true;
        }
        if (gapPending) throw new Invalid(WordingRuleError.GAP_LAST);
        return new Phrase(source, Pattern.compile(regex.toString(), Pattern.DOTALL), min, Set.copyOf(chars));
    }

    private static List<String> choices(String inside) {
        List<String> out = new ArrayList<>();
        for (String choice : inside.split("\\|", -1)) out.add(NormalizedText.foldPhrase(choice));
        if (out.size() > MAX_CHOICES) throw new Invalid(WordingRuleError.TOO_MANY_CHOICES, MAX_CHOICES);
        return out;
    }

    /** Longest choice first, so {@code (快递|快递公司)} prefers the longer match. */
    private static String alternation(List<String> choices) {
        List<String> sorted = new ArrayList<>(new LinkedHashSet<>(choices));
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        boolean optional = sorted.remove("");
        if (sorted.isEmpty()) return "";
        StringBuilder sb = new StringBuilder("(?:");
        for (int k = 0; k < sorted.size(); k++) sb.append(k == 0 ? "" : "|").append(Pattern.quote(sorted.get(k)));
        return sb.append(optional ? ")?" : ")").toString();
    }

    /** Every match in {@code text} as {@code [start, end)} in the original text, words whole. */
    List<int[]> find(NormalizedText text) {
        List<int[]> out = new ArrayList<>();
        String folded = text.folded();
        Matcher m = pattern.matcher(folded);
        int from = 0;
        while (from <= folded.length() && m.find(from)) {
            if (m.end() == m.start()) break;
            int start = text.start(m.start());
            int end = text.end(m.end() - 1);
            if (wholeWords(text.original(), start, end)) {
                out.add(new int[] {start, end});
                from = m.end();
            } else {
                from = m.start() + 1;
            }
        }
        return out;
    }

    /** A Latin letter or digit at an edge of the match must not continue a word of the text. */
    private static boolean wholeWords(String text, int start, int end) {
        return !(start > 0 && word(text.codePointAt(start)) && word(text.codePointBefore(start)))
                && !(end < text.length() && word(text.codePointBefore(end)) && word(text.codePointAt(end)));
    }

    private static boolean word(int cp) {
        return Character.isLetterOrDigit(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.HAN
                && Character.UnicodeScript.of(cp) != Character.UnicodeScript.HIRAGANA
                && Character.UnicodeScript.of(cp) != Character.UnicodeScript.KATAKANA;
    }

    /** What is wrong with a phrase: its message is the English after "the phrase '…' ", e.g. "has a '(' that is not closed". */
    static final class Invalid extends IllegalArgumentException {
        private final transient WordingRuleError error;
        private final transient Object[] args;

        Invalid(WordingRuleError error, Object... args) {
            super(error.message(with("…", args)).replaceFirst("^the phrase '…' ", ""));
            this.error = error;
            this.args = args;
        }

        /** The problem of the field {@code phrase}, naming the phrase. */
        FieldError of(String phrase) {
            return FieldError.of("phrase", error, with(phrase, args));
        }

        private static Object[] with(String phrase, Object[] args) {
            Object[] all = new Object[args.length + 1];
            all[0] = phrase;
            System.arraycopy(args, 0, all, 1, args.length);
            return all;
        }
    }
}
