package com.replybook.kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.testing.ApiClient;
import com.replybook.kb.testing.Fixtures;
import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The start-up warm-up: health waits for it, what it replays, that it records nothing, and its bounds. Real servers
 * over HTTP, or a warm-up over a real server's search.
 */
class SearchWarmUpTest {

    static final String METRICS_TOKEN = "rb_metrics_scrape_token_0123456789";

    @TempDir
    static Path shared;
    /** The sample library, lexical search, no warm-up of its own: the warm-ups below run over its search. */
    static TestServer sample;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSample() throws InterruptedException {
        sample = TestServer.start(shared, true);
        // The sample library is written as the server starts: wait until every entry of it is searchable.
        assertTrue(sample.app().search().awaitSearchable(List.of(), Duration.ofSeconds(60)).searchable());
    }

    @AfterAll
    static void stopSample() {
        sample.close();
    }

    private static SearchWarmUp awaitDone(SearchWarmUp warmUp) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!warmUp.done() && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(warmUp.done(), "the warm-up ends");
        return warmUp;
    }

    @Test
    void theWarmUpIsNotDoneUntilTheSearchLogsTextsHaveBeenReplayed() throws Exception {
        CountDownLatch logRead = new CountDownLatch(1);
        RecentSearches slowLog = limit -> {
            try {
                logRead.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of("快递三天没动了", "where is my refund");
        };
        try (SearchWarmUp warmUp = SearchWarmUp.start(slowLog, sample.app().search(), Duration.ofSeconds(1))) {
            Thread.sleep(300);
            assertFalse(warmUp.done(), "not done while the texts are still being read");
            assertEquals(0, warmUp.searches());
            logRead.countDown();
            awaitDone(warmUp);
            assertEquals(List.of("快递三天没动了", "where is my refund"), warmUp.texts());
            assertTrue(warmUp.searches() >= 2, "each text searched: " + warmUp.searches());
        }
    }

    @Test
    void aRestartedServerReplaysItsSearchLogBeforeHealthSaysReadyAndRecordsNothing() throws Exception {
        ServerConfig config = TestServer.config(dir, true).with(ServerConfig.METRICS_TOKEN, METRICS_TOKEN);
        JsonNode eventsBefore;
        JsonNode insightsBefore;
        try (TestServer server = TestServer.start(config)) {
            ApiClient agent = server.userWithRole("agent-ann", "agent");
            for (String q : List.of("太失望了，快递三天没动了", "where is my refund", "太失望了，快递三天没动了")) {
                agent.post("/api/v1/events", Map.of("type", "search", "query", q, "hits", 3, "source", "typed"));
            }
            eventsBefore = server.admin().get("/api/v1/events?limit=1000").json().get("events");
            insightsBefore = server.admin().get("/api/v1/analytics/insights").json();
        }
        try (TestServer server = TestServer.start(config.with(ServerConfig.SEARCH_WARM_UP_SECONDS, 2))) {
            assertEquals(200, server.client(null).get("/api/v1/health").status());
            String metrics = scrape(server);
            double replayed = value(metrics, "replybook_search_warmup_searches");
            assertTrue(replayed > 0, "searches replayed before the server was ready: " + replayed);
            assertTrue(value(metrics, "replybook_search_warmup_seconds") > 0);
            Thread.sleep(500);
            assertEquals(replayed, value(scrape(server), "replybook_search_warmup_searches"),
                    "the replay had ended when the server said it was ready");
            assertEquals(1, value(metrics, "replybook_search_warmup_over_http"),
                    "the replay went through the server's own port, as the launcher's does");
            assertFalse(metrics.contains("route=\"/api/v1/search"),
                    "the HTTP request meters do not count the replay's requests");
            assertEquals(0, value(metrics, "replybook_search_seconds_count{kind=\"query\"}"),
                    "the agents' search latency does not count the replay");
            assertEquals(0, value(metrics, "replybook_search_seconds_count{kind=\"ticket\"}"));

            assertEquals(eventsBefore, server.admin().get("/api/v1/events?limit=1000").json().get("events"),
                    "the replay records no usage event");
            JsonNode insights = server.admin().get("/api/v1/analytics/insights").json();
            for (String field : List.of("searches", "topQueries", "zeroResultQueries", "emotionWords")) {
                assertEquals(insightsBefore.get(field), insights.get(field), field);
            }
            assertEquals(0, insights.get("emotionWords").size(), "the replayed ticket's 失望 was not counted");
        }
    }

    @Test
    void withoutASearchLogTheBundledTextsOfTheLibrarysLanguagesAreReplayed() throws Exception {
        try (SearchWarmUp all = SearchWarmUp.start(RecentSearches.NONE, sample.app().search(), Duration.ofMillis(300))) {
            assertEquals(SearchWarmUp.bundled(), awaitDone(all).texts(), "the sample library has all three locales");
        }
        try (TestServer english = TestServer.start(dir, false)) {
            Map<String, Object> entry = Fixtures.entry("refund-late.en");
            entry.putAll(Map.of("locale", "en", "status", "published", "category", "refunds", "tags", List.of(),
                    "problem", "The refund has not arrived yet", "questions", List.of("where is my refund"),
                    "cause", "Banks take 3-5 working days", "diagnostics", List.of("When was the refund issued?"),
                    "actions", List.of("Check the refund status")));
            assertEquals(200, english.admin().post("/api/v1/entries/import", List.of(entry)).status());
            english.app().search().awaitSearchable(List.of(), Duration.ofSeconds(30));
            try (SearchWarmUp warmUp = SearchWarmUp.start(RecentSearches.NONE, english.app().search(),
                    Duration.ofMinutes(1))) {
                List<String> texts = awaitDone(warmUp).texts();
                assertEquals(SearchWarmUp.bundled().stream()
                        .filter(t -> Embedders.Space.ofText(t) == Embedders.Space.EN).toList(), texts,
                        "no Chinese text (and no Chinese model) for a library without Chinese entries");
                assertEquals((long) WarmUpSearches.SHAPES * texts.size(), warmUp.searches(),
                        "one entry: each text once in each shape");
            }
        }
    }

    @Test
    void theReplayEndsAtItsBudgetOrWhenTheServerCloses() throws Exception {
        int unbounded = SearchWarmUp.MAX_SEARCHES; // per entry: the budget ends it, not the number of searches
        try (SearchWarmUp warmUp = SearchWarmUp.start(RecentSearches.NONE, sample.app().search(), Duration.ofSeconds(1),
                unbounded, null)) {
            awaitDone(warmUp);
            assertTrue(warmUp.searches() > 0 && warmUp.searches() < SearchWarmUp.MAX_SEARCHES, "" + warmUp.searches());
            assertTrue(warmUp.nanos() < TimeUnit.SECONDS.toNanos(1 + 10), "one second and one (slow) search: "
                    + warmUp.nanos() / 1e9 + " s");
        }
        SearchWarmUp closed = SearchWarmUp.start(RecentSearches.NONE, sample.app().search(), Duration.ofMinutes(5),
                unbounded, null);
        long replaying = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (closed.searches() == 0 && System.nanoTime() < replaying) Thread.sleep(20);
        long start = System.nanoTime();
        closed.close();
        assertTrue(closed.done(), "closing ends the replay");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        assertTrue(closed.searches() > 0 && closed.searches() < SearchWarmUp.MAX_SEARCHES, "" + closed.searches());
    }

    @Test
    void theReplayEndsOnceTheJitHasSettledWellBeforeALongBudget() throws Exception {
        try (SearchWarmUp warmUp = SearchWarmUp.start(RecentSearches.NONE, sample.app().search(), Duration.ofMinutes(2),
                SearchWarmUp.MAX_SEARCHES, null)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!warmUp.done() && System.nanoTime() < deadline) Thread.sleep(50);
            assertTrue(warmUp.done() && warmUp.settled(), "ended as the JIT settled, after "
                    + warmUp.nanos() / 1e9 + " s and " + warmUp.searches() + " searches");
            assertTrue(warmUp.nanos() >= SearchWarmUp.MIN_REPLAY.toNanos(), "not before the minimum");
            assertTrue(warmUp.searches() >= (long) WarmUpSearches.SHAPES * warmUp.texts().size(),
                    "every text in every shape first: " + warmUp.searches());
            assertTrue(warmUp.searches() < SearchWarmUp.MAX_SEARCHES);
        }
    }

    @Test
    void aSmallLibraryReplaysTenSearchesPerEntry() throws Exception {
        int entries = sample.app().search().index().documents();
        try (SearchWarmUp bundled = SearchWarmUp.start(RecentSearches.NONE, sample.app().search(),
                Duration.ofMinutes(5))) {
            assertEquals(SearchWarmUp.SEARCHES_PER_ENTRY * entries, awaitDone(bundled).searches(),
                    "the budget is not spent on a library of " + entries + " entries");
        }
    }

    @Test
    void noReplayWhenTurnedOffOrWhenTheLibraryIsEmpty() throws Exception {
        SearchWarmUp off = SearchWarmUp.start(limit -> List.of("where is my order"), sample.app().search(), Duration.ZERO);
        assertTrue(off.done());
        try (TestServer empty = TestServer.start(TestServer.config(dir, false)
                .with(ServerConfig.SEARCH_WARM_UP_SECONDS, 5))) {
            SearchWarmUp warmUp = awaitDone(SearchWarmUp.start(RecentSearches.NONE, empty.app().search(),
                    Duration.ofSeconds(5)));
            assertEquals(0, warmUp.searches());
            assertEquals(List.of(), warmUp.texts());
        }
        assertEquals(0, off.searches());
    }

    @Test
    void theBundledTextsCoverChineseInBothScriptsAndEnglish() {
        List<String> texts = SearchWarmUp.bundled();
        assertTrue(texts.size() >= 50, "enough texts to exercise the search path: " + texts.size());
        assertTrue(texts.stream().anyMatch(t -> t.contains("還")), "traditional Chinese");
        assertTrue(texts.stream().anyMatch(t -> t.contains("还")), "simplified Chinese");
        assertTrue(texts.stream().anyMatch(t -> Embedders.Space.ofText(t) == Embedders.Space.EN), "English");
        assertTrue(texts.stream().noneMatch(String::isBlank));
    }

    static String scrape(TestServer server) {
        return new ApiClient(server.base(), METRICS_TOKEN).get("/metrics").text();
    }

    /** The sample value of {@code series} (a name with its labels as printed), or -1. */
    static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
