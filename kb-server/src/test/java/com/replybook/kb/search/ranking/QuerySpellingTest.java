package com.replybook.kb.search.ranking;

import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.index.MemoryFeed;
import com.replybook.kb.search.index.TestCorpus;
import com.replybook.kb.search.semantic.EntryVectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Misspelt English words are corrected against the library before embedding; real words and codes are not. */
class QuerySpellingTest {

    @TempDir
    static Path dir;
    static EntryIndex index;
    static final QuerySpelling spelling = new QuerySpelling();

    @BeforeAll
    static void open() throws Exception {
        MemoryFeed feed = TestCorpus.feed();
        feed.put(MemoryFeed.entry("en-pillows", "en", "products/pillows", "Do you sell pillows",
                List.of("I need two pillows with the ergo mattress", "which pillows go with the ortho mattress",
                        "has my order been delivered"), "", ""));
        index = EntryIndex.open(dir, feed, EntryVectors.NONE);
        assertTrue(index.awaitReady(Duration.ofMinutes(1)));
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static String correct(String text) {
        return index.withSearcher(s -> spelling.correct(text, s.getIndexReader()));
    }

    @Test
    void aWordNeitherTheModelsNorTheLibraryKnowIsReplacedByTheNearestLibraryWord() {
        assertEquals("Need pillows", correct("Need pilows"));
        assertEquals("how do I cancel my order", correct("how do I cancel my ordr"));
        assertEquals("How much is the ortho mattress", correct("How much is the ortho matterss"));
        assertEquals("where is my refund", correct("where is my refnud"));
    }

    @Test
    void theReplacementIsTheModelsWordForTheStemNearestToWhatWasTyped() {
        // The index holds the stem "deliv"; "delivered" is the vocabulary word of that stem closest to the typo.
        assertEquals("it was not delivered", correct("it was not delivred"));
    }

    @Test
    void libraryWordsTheModelsDoNotKnowAreKept() {
        assertEquals("ergo or ortho", correct("ergo or ortho"), "product names of the library");
        assertEquals("ergo or ortho", correct("egro or otho"), "and their misspellings corrected to them");
    }

    @Test
    void realWordsMissingFromTheLibraryAreKept() {
        assertEquals("I chose a wrong address", correct("I chose a wrong address"));
        assertEquals("I expect compensations", correct("I expect compensations"), "another form of a known word");
    }

    @Test
    void aTextFullOfUnknownWordsCostsABoundedNumberOfLookups() {
        String typos = String.join(" ", java.util.Collections.nCopies(QuerySpelling.MAX_LOOKUPS + 3, "pilows"));
        String corrected = correct(typos);
        assertEquals(QuerySpelling.MAX_LOOKUPS, corrected.split("pillows", -1).length - 1, corrected);
        assertTrue(corrected.endsWith("pilows pilows pilows"), "the rest as typed: " + corrected);
    }

    @Test
    void shortWordsCodesAndChineseAreKept() {
        assertEquals("offer CODE SEEP4IMMUNITY", correct("offer CODE SEEP4IMMUNITY"));
        assertEquals("my odr", correct("my odr"), "three letters are too few to correct");
        assertEquals("退款什么时候到账", correct("退款什么时候到账"));
        String unchanged = "where is my refund";
        assertSame(unchanged, correct(unchanged), "no copy when nothing is corrected");
    }
}
