package com.replybook.kb.search;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Questions learned from agents' searches: when an agent types a search in a ticket and then inserts an entry into
 * that ticket, the typed words led to the entry; when the same words (as search reads them: width, case and
 * traditional/simplified folded, punctuation and spacing ignored) lead to the same entry in {@value #MIN_TICKETS} or
 * more tickets, they are a question customers ask in that entry's words. Pure: the events in, the suggestions out.
 *
 * <p>Pairing: an insert is led by the latest typed search of the same ticket before it, within {@link #WINDOW}. A
 * text already among the entry's questions (or its problem), one with a run of six or more digits (an order or phone
 * number, never a question), or too short to mean anything is not suggested.
 */
final class LearnedQuestions {

    static final int MIN_TICKETS = 2;
    /** Longer than any search-then-insert; short enough that a search for another customer's problem is not paired. */
    static final Duration WINDOW = Duration.ofMinutes(30);
    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 200;
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{6,}");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_WORD = Pattern.compile("[\\p{P}\\p{S}\\s]+");

    /** One usage event as the pairing needs it: a typed search (with its text) or an insert (with its entry). */
    record Event(String helpdesk, String ticketId, Instant at, String query, String entryId) {
        boolean isSearch() {
            return query != null;
        }
    }

    /** A suggestion: the text as agents typed it most often, and in how many tickets it led to the entry. */
    record Suggestion(String text, String normalized, int tickets, Instant lastSeen) {
    }

    private LearnedQuestions() {
    }

    /** {@code text} as search reads it: {@code "  發錯貨了！ "} → {@code "发错货了"}, {@code "Refund  STATUS?"} → {@code "refund status"}. */
    static String normalize(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC);
        s = SimplifiedChinese.fold(s).toLowerCase(Locale.ROOT);
        return NOT_WORD.matcher(s).replaceAll(" ").strip();
    }

    /**
     * The suggested questions of every entry the events insert, the most tickets first, then the most recent.
     *
     * @param events   typed searches and inserts of any tickets, in any order
     * @param excluded per entry id, the normalised texts never to suggest (its questions and problem, dismissals)
     */
    static Map<String, List<Suggestion>> suggest(List<Event> events, Map<String, Set<String>> excluded) {
        Map<String, Map<String, Tally>> byEntry = new HashMap<>();
        for (List<Event> ticket : byTicket(events).values()) {
            // A search and its insert may carry the same millisecond: the search comes first.
            ticket.sort(Comparator.comparing(Event::at).thenComparing(e -> !e.isSearch()));
            Event lastSearch = null;
            for (Event e : ticket) {
                if (e.isSearch()) {
                    lastSearch = e;
                } else if (lastSearch != null && !e.at().isAfter(lastSearch.at().plus(WINDOW))) {
                    String norm = normalize(lastSearch.query());
                    if (!suggestible(norm) || excluded.getOrDefault(e.entryId(), Set.of()).contains(norm)) continue;
                    byEntry.computeIfAbsent(e.entryId(), k -> new HashMap<>())
                            .computeIfAbsent(norm, k -> new Tally()).add(e, SPACES.matcher(lastSearch.query().strip()).replaceAll(" "));
                }
            }
        }
        Map<String, List<Suggestion>> out = new LinkedHashMap<>();
        byEntry.forEach((entry, tallies) -> {
            List<Suggestion> list = tallies.entrySet().stream().filter(t -> t.getValue().tickets.size() >= MIN_TICKETS)
                    .map(t -> t.getValue().suggestion(t.getKey()))
                    .sorted(Comparator.comparingInt(Suggestion::tickets).reversed()
                            .thenComparing(Suggestion::lastSeen, Comparator.reverseOrder()))
                    .toList();
            if (!list.isEmpty()) out.put(entry, list);
        });
        return out;
    }

    private static boolean suggestible(String normalized) {
        return normalized.codePointCount(0, normalized.length()) >= MIN_LENGTH && normalized.length() <= MAX_LENGTH
                && !DIGIT_RUN.matcher(normalized).find();
    }

    private static Map<String, List<Event>> byTicket(List<Event> events) {
        Map<String, List<Event>> out = new HashMap<>();
        for (Event e : events) {
            if (e.helpdesk() == null || e.ticketId() == null) continue;
            out.computeIfAbsent(e.helpdesk() + "\u0000" + e.ticketId(), k -> new ArrayList<>()).add(e);
        }
        return out;
    }

    /** The tickets a text led to one entry in, and how agents spelled it. */
    private static final class Tally {
        final Set<String> tickets = new HashSet<>();
        final Map<String, Integer> spellings = new HashMap<>();
        Instant lastSeen = Instant.EPOCH;

        void add(Event insert, String typed) {
            tickets.add(insert.helpdesk() + "\u0000" + insert.ticketId());
            spellings.merge(typed, 1, Integer::sum);
            if (insert.at().isAfter(lastSeen)) lastSeen = insert.at();
        }

        Suggestion suggestion(String normalized) {
            // The most used spelling; on a tie the shortest (the fewest stray marks), then the first alphabetically.
            String text = spellings.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(e -> -e.getKey().length())
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow().getKey();
            return new Suggestion(text, normalized, tickets.size(), lastSeen);
        }
    }
}
