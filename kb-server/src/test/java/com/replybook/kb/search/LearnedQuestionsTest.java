package com.replybook.kb.search;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which typed words become an entry's suggested questions, from the searches and inserts of tickets. */
class LearnedQuestionsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private final List<LearnedQuestions.Event> events = new ArrayList<>();

    private void searchThenInsert(String ticket, String typed, String entry, int minute) {
        events.add(new LearnedQuestions.Event("rt", ticket, T0.plus(Duration.ofMinutes(minute)), typed, null));
        events.add(new LearnedQuestions.Event("rt", ticket, T0.plus(Duration.ofMinutes(minute + 1)), null, entry));
    }

    private List<LearnedQuestions.Suggestion> of(String entry, Set<String> excluded) {
        return LearnedQuestions.suggest(events, Map.of(entry, excluded)).getOrDefault(entry, List.of());
    }

    @Test
    void theSameWordsLeadingToTheSameEntryInTwoTicketsBecomeASuggestion() {
        searchThenInsert("1", "退款什么时候到", "refund", 0);
        searchThenInsert("2", "退款什么时候到", "refund", 5);
        List<LearnedQuestions.Suggestion> s = of("refund", Set.of());
        assertEquals(1, s.size());
        assertEquals("退款什么时候到", s.getFirst().text());
        assertEquals(2, s.getFirst().tickets());
    }

    @Test
    void oneTicketIsNotEnoughAndTwoSearchesInOneTicketCountOnce() {
        searchThenInsert("1", "发票怎么开", "invoice", 0);
        searchThenInsert("1", "发票怎么开", "invoice", 10);
        assertEquals(List.of(), of("invoice", Set.of()));
    }

    @Test
    void wordsAreComparedAsSearchReadsThemTraditionalFullWidthCaseAndPunctuationFolded() {
        searchThenInsert("1", "退款什麼時候到？", "refund", 0);
        searchThenInsert("2", "  退款什么时候到 ", "refund", 0);
        searchThenInsert("3", "退款什么时候到!!", "refund", 0);
        searchThenInsert("4", "ＲＥＦＵＮＤ Status", "refund", 0);
        searchThenInsert("5", "refund   status?", "refund", 0);
        List<LearnedQuestions.Suggestion> s = of("refund", Set.of());
        assertEquals(2, s.size(), s.toString());
        assertEquals(3, s.get(0).tickets(), "the Chinese phrasing in three tickets comes first");
        assertEquals("退款什么时候到", s.get(0).normalized());
        assertEquals("refund status", s.get(1).normalized());
    }

    @Test
    void anInsertIsLedByTheLatestSearchBeforeItInTheSameTicketOnly() {
        events.add(new LearnedQuestions.Event("rt", "1", T0, "物流查不到", null));
        events.add(new LearnedQuestions.Event("rt", "1", T0.plusSeconds(60), "退款什么时候到", null));
        events.add(new LearnedQuestions.Event("rt", "1", T0.plusSeconds(120), null, "refund"));
        events.add(new LearnedQuestions.Event("rt", "2", T0, "退款什么时候到", null));
        events.add(new LearnedQuestions.Event("zendesk", "1", T0.plusSeconds(30), null, "refund"));
        events.add(new LearnedQuestions.Event("rt", "2", T0.plus(LearnedQuestions.WINDOW).plusSeconds(1), null, "refund"));
        assertEquals(List.of(), of("refund", Set.of()), "the second ticket's insert came too late, another help-desk's ticket is another ticket");
        searchThenInsert("3", "退款什么时候到", "refund", 0);
        assertEquals(List.of("退款什么时候到"), of("refund", Set.of()).stream().map(LearnedQuestions.Suggestion::text).toList());
    }

    @Test
    void textsTheEntryAlreadyHasOrThatHoldNumbersAreNeverSuggested() {
        searchThenInsert("1", "退款多久到账", "refund", 0);
        searchThenInsert("2", "退款多久到賬", "refund", 0);
        searchThenInsert("3", "E20231111888", "refund", 0);
        searchThenInsert("4", "E20231111888", "refund", 0);
        searchThenInsert("5", "?", "refund", 0);
        searchThenInsert("6", "?", "refund", 0);
        assertEquals(List.of(), of("refund", Set.of(LearnedQuestions.normalize("退款多久到账"))));
    }

    @Test
    void theSpellingAgentsUsedMostIsTheOneShown() {
        searchThenInsert("1", "退款什麼時候到", "refund", 0);
        searchThenInsert("2", "退款什么时候到", "refund", 0);
        searchThenInsert("3", "退款什么时候到", "refund", 0);
        assertTrue(of("refund", Set.of()).getFirst().text().equals("退款什么时候到"));
    }
}
