package com.replybook.kb.search;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.search.analysis.SearchAnalyzers;
import com.replybook.kb.search.analysis.Synonyms;
import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.index.TestCorpus;
import com.replybook.kb.search.ranking.RankingWeights;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search text handling under arbitrary text (Jazzer): every analyzer, the query builder with its spelling and
 * phrase clauses, type-ahead, and a ticket's cleaning and weighting answer for any input, within the limit asked,
 * and throw nothing. The seed corpus runs in every build; {@code JAZZER_FUZZ=1} fuzzes.
 */
class SearchTextFuzzTest {

    static final List<Analyzer> ANALYZERS = List.of(SearchAnalyzers.bigram(), SearchAnalyzers.longText(),
            SearchAnalyzers.words(), SearchAnalyzers.suggestIndex(), SearchAnalyzers.suggestQuery());
    static final List<String> LOCALES = List.of("zh-CN", "zh-TW", "en", "");
    static Path dir;
    static EntryIndex index;
    static EntrySearcher searcher;

    @BeforeAll
    static void open() throws Exception {
        dir = Files.createTempDirectory("search-fuzz");
        index = EntryIndex.open(dir, TestCorpus.feed());
        assertTrue(index.awaitReady(Duration.ofSeconds(60)));
        searcher = new EntrySearcher(index, Synonyms.none(), RankingWeights.DEFAULT);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @FuzzTest(maxDuration = "60s")
    void everyAnalyzerTakesAnyText(byte[] utf8) {
        String text = new String(utf8, StandardCharsets.UTF_8);
        for (Analyzer a : ANALYZERS) assertNotNull(SearchAnalyzers.analyze(a, text));
    }

    @FuzzTest(maxDuration = "60s")
    void searchesAndSuggestionsAnswerAnyTextWithinTheirLimit(FuzzedDataProvider data) {
        int limit = data.consumeInt(1, 20);
        String locale = data.pickValue(LOCALES);
        boolean highlight = data.consumeBoolean();
        String text = data.consumeRemainingAsString();
        SearchRequest request = new SearchRequest(text, limit, locale, null, List.of(), Set.of(EntryStatus.PUBLISHED),
                highlight);
        assertTrue(searcher.search(request).hits().size() <= limit);
        assertTrue(searcher.suggest(request).size() <= limit);
    }

    @FuzzTest(maxDuration = "60s")
    void ticketsOfAnyTextAreSearched(FuzzedDataProvider data) {
        String subject = data.consumeString(300);
        List<Ticket.Message> messages = new ArrayList<>();
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
            messages.add(new Ticket.Message(data.pickValue(List.of("customer", "agent", "AGENT ", "")), data.consumeString(2_000)));
        }
        Ticket ticket = new Ticket(subject, messages, data.pickValue(LOCALES), 5);
        for (TicketText.Part p : TicketText.parts(ticket)) assertTrue(p.text().length() <= TicketText.MAX_CHARS);
        assertTrue(searcher.searchTicket(ticket, Set.of(EntryStatus.PUBLISHED)).hits().size() <= 5);
    }
}
