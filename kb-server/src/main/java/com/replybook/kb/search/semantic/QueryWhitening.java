package com.replybook.kb.search.semantic;

import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.util.BytesRef;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link WithinEntryWhitening} that queries of each space of its {@link Settings} are ranked with, kept fitted
 * on the index's stored examples by a thread of its own. One per {@code EntryIndex}, which asks for a fit once it is
 * ready and after every refresh that changed it; a space is (re)fitted when it has no fit yet or its number of
 * entries has moved by a tenth since the last one. A fit takes 2–2.4 s at 768 dimensions and 100,000 entries, so
 * no search makes one or waits for one: searches take the latest fit, which keeps serving while the next is made.
 * Not on the index's own background thread either: that one refreshes every 100 ms, and a fit would hold back
 * every change for seconds. Thread-safe.
 */
public final class QueryWhitening implements Closeable {

    /**
     * The spaces whose queries are whitened and the weight λ of the isotropic part of their whitening
     * ({@link WithinEntryWhitening#fit}); the defaults, and why, are {@code SearchSettings.DEFAULTS}.
     */
    public record Settings(Set<Embedders.Space> spaces, double shrinkage) {

        /** No space whitened: a lexical index has no vectors to whiten against. */
        public static final Settings NONE = new Settings(Set.of(), 1);

        public Settings {
            spaces = Set.copyOf(spaces);
        }
    }

    /** At most this many entries (evenly spread over the index) are read to fit the whitening. */
    static final int FIT_ENTRIES = 500;

    private static final Logger LOG = Logger.getLogger(QueryWhitening.class.getName());

    /** A whitening (null: too few entries to estimate one) and the space's entry count it was fitted at. */
    private record Fit(int entries, WithinEntryWhitening whitening) {
    }

    private final SearcherManager searchers;
    private final Set<Embedders.Space> spaces;
    private final double shrinkage;
    private final Runnable onFitted;
    private final ExecutorService fitter;
    private final AtomicReferenceArray<Fit> fits = new AtomicReferenceArray<>(Embedders.Space.values().length);
    /**
     * A check is queued and has not started: during a bulk import every refresh (each 100 ms) asks for one, and
     * the one queued answers them all, since it looks at the index as it is when it starts.
     */
    private final AtomicBoolean checkQueued = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * Fits the spaces of {@code settings} on what {@code searchers} see; {@code onFitted} runs after each new fit,
     * which changes how searches rank (the index bumps its generation, so that the search cache drops results
     * ranked without it).
     */
    public QueryWhitening(SearcherManager searchers, Settings settings, Runnable onFitted) {
        this(searchers, settings, onFitted, Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "search-index-whitening");
            t.setDaemon(true);
            return t;
        }));
    }

    /** With the thread fits run on given (tests hold it up to see what searches get meanwhile). */
    QueryWhitening(SearcherManager searchers, Settings settings, Runnable onFitted, ExecutorService fitter) {
        this.searchers = searchers;
        this.spaces = settings.spaces();
        this.shrinkage = settings.shrinkage();
        this.onFitted = onFitted;
        this.fitter = fitter;
    }

    /**
     * The whitening to rank a query in {@code space} with; null when the space is not whitened or has no fit yet.
     *
     * <p>Without a fit the query is ranked by plain cosines rather than waiting. That happens only in the seconds
     * between the index becoming ready after a start and the first fit (refits keep the previous one serving),
     * and plain cosines are the ranking the space had before whitening, a few points of R@1 behind on the dev
     * sets (docs/search-quality.md) but no worse than the Chinese space's. Waiting would hold searches for up to
     * 2.4 s; a wait short enough not to matter would rescue only the few searches in its last moments.
     */
    public WithinEntryWhitening of(Embedders.Space space) {
        Fit fit = fits.get(space.ordinal());
        return fit == null ? null : fit.whitening;
    }

    /** Asks for a check of whether a space is due for a fit, made on the fitting thread; returns at once. */
    public void refitIfDue() {
        if (spaces.isEmpty() || closed || !checkQueued.compareAndSet(false, true)) return;
        try {
            fitter.execute(this::fitWhereDue);
        } catch (RejectedExecutionException e) {
            checkQueued.set(false); // closed meanwhile
        }
    }

    /**
     * Waits until every check asked for so far is done; false on time-out. For tests and measurements that must
     * see the fitted ranking.
     */
    public boolean awaitFits(Duration timeout) throws InterruptedException {
        try {
            fitter.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS); // checks run in order
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private void fitWhereDue() {
        checkQueued.set(false); // a refresh from now on queues another check, which will see its reader
        if (closed) return;
        IndexSearcher searcher;
        try {
            searcher = searchers.acquire();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read the index to fit the query whitening", e);
            return;
        }
        try {
            boolean fitted = false;
            for (Embedders.Space space : spaces) fitted |= fitIfDue(searcher.getIndexReader(), space);
            if (fitted) onFitted.run();
        } finally {
            try {
                searchers.release(searcher);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Releasing the index reader failed", e);
            }
        }
    }

    /** Fits {@code space} on {@code reader} unless its entry count is within a tenth of the last fit's; true if fitted. */
    private boolean fitIfDue(IndexReader reader, Embedders.Space space) {
        try {
            int entries = entries(reader, space);
            Fit last = fits.get(space.ordinal());
            if (last != null && Math.abs(entries - last.entries) * 10 <= last.entries) return false;
            long start = System.nanoTime();
            fits.set(space.ordinal(), new Fit(entries, fit(reader, space, entries)));
            LOG.fine(() -> "Query whitening of " + space + " fitted at " + entries + " entries in "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            return true;
        } catch (IOException | RuntimeException e) {
            // The next refresh that changes the index tries again.
            LOG.log(Level.WARNING, "Fitting the query whitening of " + space + " failed; "
                    + (of(space) == null ? "its queries are not whitened" : "the previous one keeps serving"), e);
            return false;
        }
    }

    private static int entries(IndexReader reader, Embedders.Space space) throws IOException {
        int entries = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues v = leaf.reader().getFloatVectorValues(space.field);
            if (v != null) entries += v.size();
        }
        return entries;
    }

    /** Fits on the examples of at most {@link #FIT_ENTRIES} entries of the space, evenly spread. */
    private WithinEntryWhitening fit(IndexReader reader, Embedders.Space space, int entries) throws IOException {
        int stride = Math.max(1, (entries + FIT_ENTRIES - 1) / FIT_ENTRIES);
        List<float[][]> sample = new ArrayList<>();
        int dims = -1;
        int seen = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            FloatVectorValues centroids = leaf.reader().getFloatVectorValues(space.field);
            if (centroids == null) continue;
            dims = centroids.dimension();
            BinaryDocValues examples = DocValues.getBinary(leaf.reader(), space.examplesField);
            KnnVectorValues.DocIndexIterator it = centroids.iterator();
            for (int doc = it.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                if (seen++ % stride != 0 || !examples.advanceExact(doc)) continue;
                BytesRef b = examples.binaryValue();
                sample.add(ExampleVectors.unpack(b.bytes, b.offset, b.length, dims));
            }
        }
        return dims < 0 ? null : WithinEntryWhitening.fit(sample, dims, shrinkage);
    }

    /**
     * Lets a fit in progress finish (it holds a reader of the index, closed after this) and makes no more. Without
     * interrupting it: an interrupted read closes the index's file channels.
     */
    @Override
    public void close() {
        closed = true;
        fitter.shutdown();
        try {
            if (!fitter.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warning("A query whitening fit was still running when the index closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
