package com.replybook.kb.search;

import com.replybook.kb.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shapes the start-up replay searches in, over a real server's search of the sample library. */
class WarmUpSearchesTest {

    @TempDir
    static Path dir;
    static TestServer sample;

    @BeforeAll
    static void startSample() throws InterruptedException {
        sample = TestServer.start(dir, true);
        assertTrue(sample.app().search().awaitSearchable(List.of(), Duration.ofSeconds(60)).searchable());
    }

    @AfterAll
    static void stopSample() {
        sample.close();
    }

    @Test
    void aMisspeltTextSwapsTwoLettersOfItsLongestLatinWord() {
        assertEquals("where is my reufnd", WarmUpSearches.misspelt("where is my refund"));
        assertEquals("包裹 where is my pacrel", WarmUpSearches.misspelt("包裹 where is my parcel"));
        assertEquals("快递三天没动了", WarmUpSearches.misspelt("快递三天没动了"), "no Latin word");
        assertEquals("is it ok", WarmUpSearches.misspelt("is it ok"), "no word of five letters");
    }

    @Test
    void theLocaleShapesSearchInALocaleOfTheTextsLanguageThatTheLibraryHas() {
        WarmUpSearches all = new WarmUpSearches.InProcess(sample.app().search(), List.of("zh-CN", "zh-TW", "en"));
        assertEquals("zh-CN", all.localeOf("快递三天没动了", 0));
        assertEquals("zh-TW", all.localeOf("快递三天没动了", 1), "both Chinese locales in turn");
        assertEquals("en", all.localeOf("where is my refund", 1));
        assertNull(new WarmUpSearches.InProcess(sample.app().search(), List.of("en")).localeOf("快递三天没动了", 0),
                "a library without Chinese: no locale filter");
    }

    @Test
    void inProcessEveryShapeSearchesWithoutTheResultCache() {
        SearchService search = sample.app().search();
        long cached = search.cache().size();
        long misses = search.cache().misses();
        WarmUpSearches searches = new WarmUpSearches.InProcess(search, List.of("zh-CN", "zh-TW", "en"));
        for (WarmUpSearches.Shape shape : WarmUpSearches.Shape.values()) {
            for (String text : List.of("快递三天没动了", "where is my refund")) searches.run(text, shape, 0);
        }
        assertEquals(cached, search.cache().size(), "nothing cached");
        assertEquals(misses, search.cache().misses(), "the cache was not asked");
    }

    @Test
    void overHttpEveryShapeIsAnsweredAndAnUnknownTokenStopsTheReplay() {
        WarmUpSearches unknown = new HttpWarmUpSearches(sample.base(), "rbw_not-issued", List.of("en"));
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> unknown.run("where is my refund", WarmUpSearches.Shape.TYPED, 0));
        assertTrue(refused.getMessage().contains("401"), refused.getMessage());
        unknown.close();

        WarmUpSearches admin = new HttpWarmUpSearches(sample.base(), TestServer.ADMIN_TOKEN,
                List.of("zh-CN", "zh-TW", "en"));
        for (WarmUpSearches.Shape shape : WarmUpSearches.Shape.values()) {
            for (String text : List.of("快递三天没动了", "where is my refund")) admin.run(text, shape, 1); // throws unless 200
        }
        admin.close();
    }
}
