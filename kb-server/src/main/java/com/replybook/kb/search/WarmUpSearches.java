package com.replybook.kb.search;

import com.replybook.kb.entries.EntryScope;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.search.semantic.Embedders;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The searches {@link SearchWarmUp} replays for one text: every shape in which the API searches, so that the JIT
 * compiles the search path for all of them. Replaying one shape only (typed, no locale) taught the JIT a profile the
 * agents' searches then broke: with a locale filter, a misspelt word (a fuzzy query) or highlights, Lucene's scorers
 * meet classes and branches the compiled code had never seen, and the JIT throws that code away and compiles it again
 * under the agents' traffic (hundreds of deoptimisations in the first seconds after a 40 s replay of the one shape,
 * docs/performance.md). Two ways to search: {@link HttpWarmUpSearches}, through this server's own HTTP port as the
 * widget and the console call it (the HTTP layer, the filters and JSON are compiled too), and {@link InProcess},
 * through {@link SearchService}'s methods as the API calls them, where the server cannot be reached (a container
 * whose port the application does not know).
 */
abstract class WarmUpSearches {

    /** As many hits as the widget asks for. */
    static final int WIDGET_LIMIT = 8;
    /** As many hits as the console asks for. */
    static final int CONSOLE_LIMIT = 20;
    private static final Set<EntryStatus> PUBLISHED = Set.of(EntryStatus.PUBLISHED);
    private static final Set<EntryStatus> ANY_STATUS = EnumSet.allOf(EntryStatus.class);

    /** The shapes, in the order they are replayed for each text. */
    enum Shape {
        /** The widget's typed search: published entries of any locale, one hit per family. */
        TYPED,
        /** A ticket's suggestions, as the widget asks for them without a locale. */
        TICKET,
        /** A typed search in the text's language, the family's version in it preferred (the API's common call). */
        TYPED_IN_LOCALE,
        /** The same with one word misspelt: the fuzzy matching and the spelling correction. */
        MISSPELT_IN_LOCALE,
        /** A ticket's suggestions in the ticket's language. */
        TICKET_IN_LOCALE,
        /** The console: every status, highlighted, every locale version listed. */
        CONSOLE
    }

    static final int SHAPES = Shape.values().length;

    private final List<String> locales;

    /** Filtering by the library's {@code locales} (tags of those with published entries; none: every locale). */
    WarmUpSearches(List<String> locales) {
        this.locales = List.copyOf(locales);
    }

    /**
     * Searches {@code text} in {@code shape}; {@code turn} picks among the locales of the text's language. Throws when
     * the search fails.
     */
    abstract void run(String text, Shape shape, long turn);

    /** Frees what the searches hold (connections); call once the replay has ended. */
    void close() {
    }

    /** Through {@link SearchService} (uncached), as the API calls it. */
    static final class InProcess extends WarmUpSearches {

        private final SearchService search;

        InProcess(SearchService search, List<String> locales) {
            super(locales);
            this.search = search.uncached();
        }

        @Override
        void run(String text, Shape shape, long turn) {
            String locale = localeOf(text, turn);
            switch (shape) {
                case TYPED -> search.searchFamilies(typed(text, WIDGET_LIMIT, null), null);
                case TICKET -> search.searchTicketFamilies(ticket(text, null), PUBLISHED, EntryScope.TEAM_LIBRARY, null);
                case TYPED_IN_LOCALE -> search.searchFamilies(typed(text, WIDGET_LIMIT, locale), locale);
                case MISSPELT_IN_LOCALE -> search.searchFamilies(typed(misspelt(text), WIDGET_LIMIT, locale), locale);
                case TICKET_IN_LOCALE ->
                        search.searchTicketFamilies(ticket(text, locale), PUBLISHED, EntryScope.TEAM_LIBRARY, locale);
                case CONSOLE ->
                        search.search(new SearchRequest(text, CONSOLE_LIMIT, null, null, List.of(), ANY_STATUS, true));
            }
        }
    }

    /** A locale of the library in {@code text}'s language (the turn-th of them), or null when it has none. */
    String localeOf(String text, long turn) {
        Embedders.Space space = Embedders.Space.ofText(text);
        List<String> same = locales.stream().filter(l -> Embedders.Space.ofLocale(l) == space).toList();
        return same.isEmpty() ? null : same.get((int) (turn % same.size()));
    }

    /** Published entries of {@code locale} (null: any), no highlights. */
    static SearchRequest typed(String text, int limit, String locale) {
        return new SearchRequest(text, limit, locale, null, List.of(), PUBLISHED);
    }

    /** A ticket whose customer wrote {@code text}, in {@code locale} (null: unknown). */
    static Ticket ticket(String text, String locale) {
        return new Ticket(null, List.of(new Ticket.Message("customer", text)), locale, Ticket.DEFAULT_LIMIT, null,
                null, null);
    }

    /**
     * {@code text} with two inner letters of its longest Latin word of five or more swapped, as a hurried agent types
     * ({@code refund} → {@code reufnd}); a text without such a word as it is.
     */
    static String misspelt(String text) {
        int bestStart = -1;
        int bestLength = 0;
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && isLatinLetter(text.charAt(i))) i++;
            if (i - start > bestLength) {
                bestStart = start;
                bestLength = i - start;
            }
            if (i == start) i++;
        }
        if (bestLength < 5) return text;
        int swap = bestStart + bestLength / 2;
        char[] chars = text.toCharArray();
        char c = chars[swap];
        chars[swap] = chars[swap - 1];
        chars[swap - 1] = c;
        return new String(chars);
    }

    private static boolean isLatinLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
