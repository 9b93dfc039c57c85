package com.replybook.kb.search.semantic;

import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.index.MemoryFeed;
import com.replybook.kb.search.ranking.NearestExamples;
import com.replybook.kb.search.ranking.NearestExamplesTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query whitening is fitted in the background, over real indexes of hand-made English vectors (the entries of
 * {@link HandMadeVectors}: ranked by plain cosines "axis-0-2" comes first, whitened "axis-1").
 */
class QueryWhiteningTest {

    private static final float[] QUERY = Embedders.normalize(new float[]{0.6f, 0.5f, 0.25f, 0, 0, 0, 0, 0});

    @TempDir
    Path dir;

    private final Map<String, List<float[]>> vectors = new HashMap<>();
    private final MemoryFeed feed = new MemoryFeed();

    @Test
    void theIndexFitsItOnceReadyWithoutAnySearch() throws Exception {
        HandMadeVectors.putTheTwoEntries(feed, vectors);
        HandMadeVectors.putFillers(feed, vectors, 0, 12);
        try (EntryIndex index = EntryIndex.open(dir, feed, HandMadeVectors.fixed(vectors),
                HandMadeVectors.WHITENED_EN)) {
            assertTrue(index.awaitReady(Duration.ofMinutes(1)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (index.whitening().of(Embedders.Space.EN) == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertNotNull(index.whitening().of(Embedders.Space.EN), "fitted, though nothing was searched");
            assertNull(index.whitening().of(Embedders.Space.ZH), "Chinese queries are not whitened");
        }
    }

    @Test
    void aSearchDoesNotWaitForTheFirstFitAndIsRankedWithItOnceItIsMade() throws Exception {
        HandMadeVectors.putTheTwoEntries(feed, vectors);
        HandMadeVectors.putFillers(feed, vectors, 0, 12);
        CountDownLatch slowFit = new CountDownLatch(1);
        ExecutorService fitter = heldUp(slowFit);
        AtomicInteger fitted = new AtomicInteger();
        try (EntryIndex index = EntryIndex.open(dir, feed, HandMadeVectors.fixed(vectors),
                HandMadeVectors.WHITENED_EN);
             QueryWhitening whitening = new QueryWhitening(index.searchers(), HandMadeVectors.WHITENED_EN,
                     fitted::incrementAndGet, fitter)) {
            assertTrue(index.awaitReady(Duration.ofMinutes(1)));
            NearestExamples examples = new NearestExamples(whitening);
            whitening.refitIfDue();

            String meanwhile = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> NearestExamplesTest.top(index, examples, QUERY), "a search does not wait for the fit");
            assertEquals("axis-0-2", meanwhile, "ranked by plain cosines until the first fit is made");
            assertEquals(0, fitted.get());

            slowFit.countDown();
            assertTrue(whitening.awaitFits(Duration.ofMinutes(1)));
            assertEquals(1, fitted.get(), "the fit is announced (the index moves its generation)");
            assertEquals("axis-1", NearestExamplesTest.top(index, examples, QUERY), "whitened once fitted");
        }
    }

    @Test
    void theLastFitServesWhileTheNextIsMade() throws Exception {
        HandMadeVectors.putTheTwoEntries(feed, vectors);
        HandMadeVectors.putFillers(feed, vectors, 0, 12);
        CountDownLatch slowRefit = new CountDownLatch(1);
        ExecutorService fitter = Executors.newSingleThreadExecutor();
        try (EntryIndex index = EntryIndex.open(dir, feed, HandMadeVectors.fixed(vectors),
                HandMadeVectors.WHITENED_EN);
             QueryWhitening whitening = new QueryWhitening(index.searchers(), HandMadeVectors.WHITENED_EN,
                     () -> { }, fitter)) {
            assertTrue(index.awaitReady(Duration.ofMinutes(1)));
            whitening.refitIfDue();
            assertTrue(whitening.awaitFits(Duration.ofMinutes(1)));
            WithinEntryWhitening first = whitening.of(Embedders.Space.EN);
            assertNotNull(first);

            whitening.refitIfDue();
            assertTrue(whitening.awaitFits(Duration.ofMinutes(1)));
            assertSame(first, whitening.of(Embedders.Space.EN), "14 entries, as at the fit: nothing to refit");

            HandMadeVectors.putFillers(feed, vectors, 12, 18);
            index.refresh();
            fitter.execute(() -> awaitQuietly(slowRefit));
            whitening.refitIfDue();
            assertSame(first, whitening.of(Embedders.Space.EN), "20 entries: the last fit serves meanwhile");
            assertEquals("axis-1", NearestExamplesTest.top(index, new NearestExamples(whitening), QUERY));

            slowRefit.countDown();
            assertTrue(whitening.awaitFits(Duration.ofMinutes(1)));
            assertNotSame(first, whitening.of(Embedders.Space.EN), "refitted: the entries grew by more than a tenth");
        }
    }

    /** A fitting thread that is busy until {@code release}: whatever is queued on it waits. */
    private static ExecutorService heldUp(CountDownLatch release) {
        ExecutorService fitter = Executors.newSingleThreadExecutor();
        fitter.execute(() -> awaitQuietly(release));
        return fitter;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
