package com.replybook.kb.search.index;

import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryChange;
import com.replybook.kb.entries.EntryFeed;
import com.replybook.kb.search.semantic.EntryVectors;
import com.replybook.kb.search.semantic.QueryWhitening;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The Lucene index of all entries in {@code <dataDir>/index}, derived from the store through {@link EntryFeed}.
 *
 * <p>On {@link #open} the index is checked: missing, unreadable (checksums are verified), written by an older
 * {@link #SCHEMA_VERSION} or for other {@link EntryVectors#models} (a new model, semantic search turned on or off)
 * means a rebuild from {@link EntryFeed#forEachEntry}; otherwise it catches up with the change log from the
 * {@code seq} stored in its last commit. Either runs in the background; {@link #isReady()}
 * turns true when done. Afterwards store events are applied as they come (and the log is polled, for changes made
 * by other nodes or missed events); a change is searchable within {@link #REFRESH_MS} milliseconds. Changes are
 * applied idempotently: one document per entry, replaced by id, and never by an older version than the indexed one.
 * With vectors, the {@link QueryWhitening} of hybrid search is fitted once ready, and refitted as entries change, in
 * the background.
 *
 * <p>Thread-safe. {@link #close()} commits.
 */
public final class EntryIndex implements Closeable {

    /** Bump whenever fields or analysis change: an index of another version is rebuilt on open. */
    static final int SCHEMA_VERSION = 9; // 9: shops and audience (issue 20)
    static final String SCHEMA_KEY = "replybook.schema";
    static final String SEQ_KEY = "replybook.seq";
    static final String MODELS_KEY = "replybook.models";
    /** Changes re-read before the stored position on open, in case a lower seq committed after a higher one. */
    static final int OVERLAP = 256;
    static final int PAGE = 1000;
    static final long REFRESH_MS = 100;
    /** The default of {@code --poll-interval-ms}. */
    static final long POLL_MS = 2_000;
    static final long COMMIT_MS = 30_000;
    private static final Logger LOG = Logger.getLogger(EntryIndex.class.getName());

    private final Path path;
    /** How often the change log is read for other nodes' writes ({@code --poll-interval-ms}). */
    private final long pollMs;
    private final EntryFeed feed;
    private final EntryVectors vectors;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ScheduledExecutorService background;
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[64];
    private final CountDownLatch prepared = new CountDownLatch(1);
    private final Opening opening;
    private volatile long appliedSeq;
    /** The applied seq when the refresh in progress began; visible once it ends. */
    private volatile long refreshingSeq;
    /** Every change up to this seq is visible to searches. */
    private volatile long visibleSeq;
    /** When the last change was applied ({@link System#nanoTime()}); merging waits for a quiet index. */
    private volatile long lastChange = System.nanoTime();
    /**
     * Bumped after every refresh that changed what searches see, and after every new query whitening (which
     * changes how they rank); keys the search cache.
     */
    private final AtomicLong generation = new AtomicLong();
    private final QueryWhitening whitening;
    private volatile boolean ready;
    private volatile boolean closed;
    /** The writer's merge policy between rebuilds (a rebuild turns merging off until its one final merge). */
    private final MergePolicy mergePolicy = new TieredMergePolicy();

    /**
     * Merging HNSW graphs inserts the smaller segments' vectors into the largest one's graph: on every core,
     * so that the final merge of a rebuild is not single-threaded. With one core there is no pool: Lucene refuses
     * an executor for a single worker (the format could not be built, and the server not start, on one CPU).
     */
    static final int MERGE_WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
    private static final ExecutorService MERGE_THREADS = MERGE_WORKERS == 1 ? null
            : Executors.newFixedThreadPool(MERGE_WORKERS, r -> {
                Thread t = new Thread(r, "search-index-graph-merge");
                t.setDaemon(true);
                return t;
            });

    /**
     * Entry vectors go into HNSW graphs built with a beam of 50 candidates instead of 100: inserting 100,000
     * vectors is most of a hybrid rebuild, and search only takes the 50 nearest entries as candidates for a ranking
     * that the lexical score and the example vectors then decide.
     */
    private static final KnnVectorsFormat GRAPHS = new Lucene99HnswVectorsFormat(16, 50, MERGE_WORKERS, MERGE_THREADS);

    /**
     * The same format with no graph in any segment: a rebuild writes its segments with it, and its final merge
     * builds each graph once, on every core. With a graph per written segment the merge kept only the largest
     * one and inserted the other segments' vectors again; building none until the merge took the 100,000-entry
     * hybrid rebuild from 87–97 s to 66–92 s in alternated runs (docs/performance.md).
     */
    private static final KnnVectorsFormat NO_GRAPHS =
            new Lucene99HnswVectorsFormat(16, 50, MERGE_WORKERS, MERGE_THREADS, Integer.MAX_VALUE);

    /** True while a rebuild writes its segments ({@link #NO_GRAPHS}); read by {@link #codec()} per new segment. */
    private volatile boolean bulkLoading;

    private Codec codec() {
        return new Lucene104Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return bulkLoading ? NO_GRAPHS : GRAPHS;
            }
        };
    }

    /**
     * Documents sorted by {@link SearchFields#SCOPE} (locale, then status): a search in one locale's published
     * entries is scored over one run of documents (the ranking's {@code ScopeRangeQuery}). Then by key: hits with
     * equal scores are ordered by document, and without the key that order was whichever rebuild thread indexed an
     * entry first, so the same search could list two tied entries either way round after a rebuild.
     */
    private static final Sort INDEX_SORT = new Sort(new SortField(SearchFields.SCOPE, SortField.Type.STRING),
            new SortField(SearchFields.KEY, SortField.Type.STRING));

    private static final double RAM_BUFFER_MB = 64;
    /** At most a third of the heap, so that a small heap (-Xmx512m) still rebuilds. */
    private static final double REBUILD_RAM_BUFFER_MB =
            Math.max(RAM_BUFFER_MB, Math.min(256, Runtime.getRuntime().maxMemory() / 3.0 / (1 << 20)));

    /** What {@link #open} found; tells tests and logs why an index was rebuilt. */
    public enum Opening {
        REUSED, MISSING, CORRUPT, OLD_SCHEMA, OTHER_MODELS,
        /** The index has applied changes the store does not have: the database was restored from a backup. */
        AHEAD_OF_STORE
    }

    private EntryIndex(Path path, EntryFeed feed, EntryVectors vectors, QueryWhitening.Settings whitened, long pollMs)
            throws IOException {
        this.path = path;
        this.pollMs = pollMs;
        this.feed = feed;
        this.vectors = vectors;
        for (int i = 0; i < locks.length; i++) locks[i] = new Object();
        Files.createDirectories(path);
        Inspection found = aheadOfStore(inspect(path, vectors.models()), feed);
        this.opening = found.opening;
        if (opening != Opening.REUSED) wipe(path);
        this.appliedSeq = found.seq;
        this.directory = FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig(EntryDocuments.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setMergePolicy(mergePolicy)
                .setIndexSort(INDEX_SORT)
                .setCodec(codec());
        this.writer = new IndexWriter(directory, config);
        this.searchers = new SearcherManager(new HeapNormsReader(DirectoryReader.open(writer)), new SearcherFactory());
        this.whitening = new QueryWhitening(searchers,
                vectors == EntryVectors.NONE ? QueryWhitening.Settings.NONE : whitened, generation::incrementAndGet);
        searchers.addListener(new ReferenceManager.RefreshListener() {
            @Override
            public void beforeRefresh() {
                refreshingSeq = appliedSeq;
            }

            @Override
            public void afterRefresh(boolean didRefresh) {
                visibleSeq = Math.max(visibleSeq, refreshingSeq);
                if (!didRefresh) return;
                generation.incrementAndGet();
                if (ready) whitening.refitIfDue();
            }
        });
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "search-index");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens (or creates) the index in {@code dir} over {@code feed} and starts preparing it in the background.
     * Registers a listener on the feed, so open each feed's index once. With vectors, the queries of the spaces of
     * {@code whitening} are ranked whitened ({@link QueryWhitening}).
     */
    public static EntryIndex open(Path dir, EntryFeed feed, EntryVectors vectors, QueryWhitening.Settings whitening) {
        return open(dir, feed, vectors, whitening, Duration.ofMillis(POLL_MS));
    }

    /**
     * {@link #open(Path, EntryFeed, EntryVectors, QueryWhitening.Settings)}, polling the change log every {@code poll}
     * for other nodes' writes ({@code --poll-interval-ms}).
     */
    public static EntryIndex open(Path dir, EntryFeed feed, EntryVectors vectors, QueryWhitening.Settings whitening,
                                  Duration poll) {
        try {
            EntryIndex index = new EntryIndex(dir, feed, vectors, whitening, poll.toMillis());
            feed.addListener(index::onChange);
            index.background.execute(index::prepare);
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the search index in " + dir, e);
        }
    }

    /** {@link #open(Path, EntryFeed, EntryVectors, QueryWhitening.Settings)} without query whitening. */
    public static EntryIndex open(Path dir, EntryFeed feed, EntryVectors vectors) {
        return open(dir, feed, vectors, QueryWhitening.Settings.NONE);
    }

    /** Opens the lexical-only index in {@code <dataDir>/index}. */
    public static EntryIndex open(Path dataDir, EntryFeed feed) {
        return open(dataDir.resolve("index"), feed, EntryVectors.NONE);
    }

    /** True once the index reflects the store (rebuilt or caught up); the readiness of {@code /health}. */
    public boolean isReady() {
        return ready;
    }

    /** Waits until {@link #isReady()}; false on time-out or when preparing failed. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return prepared.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && ready;
    }

    public Opening opening() {
        return opening;
    }

    /** The last change-log position applied to this index. */
    public long appliedSeq() {
        return appliedSeq;
    }

    /**
     * Change-log positions written (by any node) but not yet applied here; reads the log's head from the database
     * (a few indexed look-ups), for metrics.
     */
    public long lag() {
        return Math.max(0, headSeq() - appliedSeq);
    }

    /** The change-log position up to which every change is visible to searches on this node. */
    public long visibleSeq() {
        return visibleSeq;
    }

    /** The newest position in the store's change log, written on any node (a few indexed look-ups). */
    public long headSeq() {
        return FeedPositions.lastSeq(feed);
    }

    /** The entries searches see now (any status). */
    public int documents() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /** Changes (after the new reader is in place) whenever a refresh made other documents visible. */
    public long generation() {
        return generation.get();
    }

    /**
     * True when some entry of the index has audience {@code audience} (e.g. {@code @li.na}: they keep personal
     * entries); may stay true a while after the last one was deleted. One term look-up.
     */
    public boolean hasAudience(String audience) {
        return withSearcher(s -> s.getIndexReader().docFreq(new Term(SearchFields.AUDIENCE, audience)) > 0);
    }

    public SearcherManager searchers() {
        return searchers;
    }

    /** Runs {@code work} with a searcher of the index as it is now, released afterwards. */
    public <T> T withSearcher(SearcherFunction<T> work) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return work.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Work done with an {@link IndexSearcher}. */
    public interface SearcherFunction<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    /** The query whitening fitted on this index, shared by every searcher over it. */
    public QueryWhitening whitening() {
        return whitening;
    }

    /** Makes every change applied so far visible to searches now (tests; the refresher does it within 100 ms). */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /**
     * Whether a merge is running or waiting: after a rebuild, the one into one segment that also builds the vector
     * graphs. Searches are complete meanwhile, nearest-neighbour ones slower.
     */
    public boolean merging() {
        return writer.hasPendingMerges() || !writer.getMergingSegments().isEmpty();
    }

    private void prepare() {
        try {
            long start = System.nanoTime();
            if (opening == Opening.REUSED) catchUp(Math.max(0, appliedSeq - OVERLAP));
            else rebuild();
            commit();
            searchers.maybeRefreshBlocking();
            ready = true;
            whitening.refitIfDue(); // refreshes that change the index ask again (the listener above)
            LOG.info(() -> "Search index " + opening + (opening == Opening.REUSED ? ", caught up" : ", rebuilt")
                    + " to seq " + appliedSeq + " in " + (System.nanoTime() - start) / 1_000_000 + " ms: "
                    + writer.getDocStats().numDocs + " entries");
            background.scheduleWithFixedDelay(this::refreshQuietly, REFRESH_MS, REFRESH_MS, TimeUnit.MILLISECONDS);
            background.scheduleWithFixedDelay(this::pollQuietly, pollMs, pollMs, TimeUnit.MILLISECONDS);
            background.scheduleWithFixedDelay(this::commitQuietly, COMMIT_MS, COMMIT_MS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Preparing the search index in " + path + " failed", e);
        } finally {
            prepared.countDown();
        }
    }

    /**
     * Snapshot first, then the log from the head seen before it: nothing written meanwhile is missed. Entries are
     * analysed on all cores (IndexWriter is thread-safe); the queue bound keeps memory flat.
     */
    private void rebuild() throws IOException {
        long start = System.nanoTime();
        long head = FeedPositions.lastSeq(feed);
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        // Bulk load: larger segments and no merging until everything is written, then one merge. Merging as
        // segments pile up re-inserted every vector into an HNSW graph once per merge level.
        writer.getConfig().setRAMBufferSizeMB(REBUILD_RAM_BUFFER_MB).setMergePolicy(NoMergePolicy.INSTANCE);
        bulkLoading = true;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Semaphore inFlight = new Semaphore(threads * 64);
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            feed.forEachEntry(entry -> {
                if (failure.get() != null) throw new IllegalStateException("Rebuild failed", failure.get());
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        upsert(entry);
                    } catch (IOException | RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                });
            });
        } finally {
            pool.shutdown();
            try {
                pool.awaitTermination(1, TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                writer.flush(); // the segments still in memory are written without graphs too
            } finally {
                bulkLoading = false;
                writer.getConfig().setRAMBufferSizeMB(RAM_BUFFER_MB).setMergePolicy(mergePolicy);
            }
        }
        if (failure.get() != null) throw new IOException("Rebuilding the search index failed", failure.get());
        long analysed = System.nanoTime();
        // One segment: every query term is looked up once instead of once per segment, and one graph is searched.
        // The index serves as written while the merge runs on Lucene's merge threads; the periodic commit records
        // it. With vectors the written segments have no HNSW graphs (bulkLoading), so until the merge has built
        // them a nearest-neighbour search compares the query with every vector: exact, only slower (the merge was
        // 22-29 s of a 100,000-entry rebuild). The merge rewrites even a single segment, else it would get no graph.
        if (vectors != EntryVectors.NONE) writer.getConfig().setMergePolicy(new RewriteIntoOneSegment(mergePolicy));
        try {
            writer.forceMerge(1, false); // registers the merge before it returns
        } finally {
            writer.getConfig().setMergePolicy(mergePolicy);
        }
        LOG.info(() -> "Rebuild: documents written in " + (analysed - start) / 1_000_000
                + " ms; merging into one segment" + (vectors == EntryVectors.NONE ? "" : ", building the vector graphs,")
                + " in the background");
        advanceTo(head);
        catchUp(head);
    }

    private void catchUp(long after) throws IOException {
        for (long from = after; ; ) {
            List<EntryChange> page = feed.changesSince(from, PAGE);
            for (EntryChange change : page) apply(change);
            if (page.size() < PAGE) return;
            from = page.get(page.size() - 1).seq();
        }
    }

    private void onChange(EntryChange change) {
        if (closed) return;
        try {
            apply(change);
        } catch (IOException | RuntimeException e) {
            // The store's write has committed; the next poll of the change log repairs the index.
            LOG.log(Level.WARNING, "Could not index change " + change.seq() + "; the next poll retries", e);
        }
    }

    void apply(EntryChange change) throws IOException {
        lastChange = System.nanoTime();
        if (change.isDeletion()) {
            synchronized (lockOf(change.entryId())) {
                writer.deleteDocuments(new Term(SearchFields.ID, change.entryId()));
                versions.put(change.entryId(), Long.MAX_VALUE);
            }
        } else {
            upsert(change.entry());
        }
        advanceTo(change.seq());
    }

    private void upsert(Entry entry) throws IOException {
        if (closed) throw new IllegalStateException("The search index is closed");
        synchronized (lockOf(entry.id())) {
            Long indexed = versions.get(entry.id());
            if (indexed != null && indexed >= entry.version()) return;
            writer.updateDocument(new Term(SearchFields.ID, entry.id()),
                    EntryDocuments.toDocument(entry, vectors.vectorOf(entry)));
            versions.put(entry.id(), entry.version());
        }
    }

    /**
     * Re-indexes {@code entry} if it is still the indexed version (its vector has just been stored); an entry
     * changed meanwhile was re-indexed by that change already.
     */
    public void reindex(Entry entry) {
        if (closed) return;
        lastChange = System.nanoTime(); // an embedding backlog re-indexes for an hour: merge after it, not during
        try {
            synchronized (lockOf(entry.id())) {
                Long indexed = versions.get(entry.id());
                if (indexed == null || indexed != entry.version()) return;
                writer.updateDocument(new Term(SearchFields.ID, entry.id()),
                        EntryDocuments.toDocument(entry, vectors.vectorOf(entry)));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Re-indexing " + entry.key() + " with its vector failed", e);
        }
    }

    private synchronized void advanceTo(long seq) {
        if (seq > appliedSeq) appliedSeq = seq;
    }

    private Object lockOf(String id) {
        return locks[id.hashCode() & (locks.length - 1)];
    }

    /** Commits every applied change with the schema version, the models and the applied seq as commit user data. */
    void commit() throws IOException {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, Integer.toString(SCHEMA_VERSION), MODELS_KEY, vectors.models(),
                SEQ_KEY, Long.toString(appliedSeq)).entrySet());
        writer.commit();
    }

    private void refreshQuietly() {
        try {
            searchers.maybeRefresh();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Refreshing the search index failed", e);
        }
    }

    private void pollQuietly() {
        try {
            catchUp(appliedSeq);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Polling the change log failed", e);
        }
    }

    private void commitQuietly() {
        try {
            // Not while entries keep coming: an import would merge the whole index again every 30 s.
            if (System.nanoTime() - lastChange > TimeUnit.MILLISECONDS.toNanos(COMMIT_MS)) mergeIfScattered();
            if (writer.hasUncommittedChanges()) commit();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Committing the search index failed", e);
        }
    }

    /**
     * Share of the documents outside the largest segment above which the index is merged into one segment again.
     * Lucene's own merges keep up to ten segments per size tier, so a library imported entry by entry (or over
     * many small requests) stayed in a dozen segments, and a search looked up every term in each: at 100,000
     * entries the same build searched such an index about a sixth slower than a rebuilt one (docs/performance.md).
     * Edits trickling in stay in small segments until a tenth of the library has changed.
     */
    static final double SCATTERED_SHARE = 0.1;

    /** Starts a merge into one segment on Lucene's merge threads when the index is scattered; returns at once. */
    void mergeIfScattered() throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            if (leaves.size() < 2) return;
            long total = 0;
            long largest = 0;
            for (LeafReaderContext leaf : leaves) {
                total += leaf.reader().maxDoc();
                largest = Math.max(largest, leaf.reader().maxDoc());
            }
            if (total - largest > SCATTERED_SHARE * total) writer.forceMerge(1, false);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        // No interrupts: an interrupted NIO read closes the channel and with it the IndexWriter. A rebuild in
        // progress stops at the next entry because upsert checks the closed flag.
        background.shutdown();
        try {
            background.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (directory; writer; searchers; whitening) { // closed in reverse: a fit in progress ends first
            if (ready) commit();
        }
    }

    private record Inspection(Opening opening, long seq) {
    }

    /**
     * Reads the last commit: its schema version, models and seq, verifying every file's checksum. An index
     * committed before models were recorded is rebuilt once: whether it holds vectors is unknown.
     */
    private static Inspection inspect(Path path, String models) {
        try (Directory dir = FSDirectory.open(path)) {
            if (!DirectoryReader.indexExists(dir)) return new Inspection(Opening.MISSING, 0);
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                Map<String, String> data = reader.getIndexCommit().getUserData();
                if (!Integer.toString(SCHEMA_VERSION).equals(data.get(SCHEMA_KEY))) {
                    return new Inspection(Opening.OLD_SCHEMA, 0);
                }
                if (!models.equals(data.get(MODELS_KEY))) {
                    LOG.info(() -> "The search index in " + path + " holds the vectors of " + data.get(MODELS_KEY)
                            + ", not " + models + "; rebuilding it");
                    return new Inspection(Opening.OTHER_MODELS, 0);
                }
                for (LeafReaderContext leaf : reader.leaves()) leaf.reader().checkIntegrity();
                return new Inspection(Opening.REUSED, Long.parseLong(data.getOrDefault(SEQ_KEY, "0")));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "The search index in " + path + " is unreadable; rebuilding it", e);
            return new Inspection(Opening.CORRUPT, 0);
        }
    }

    /**
     * A reusable index whose position is past the change log's head was built from a newer database than the one
     * in use now (a restored backup): catching up would keep entries the database no longer has, so it is rebuilt.
     */
    private static Inspection aheadOfStore(Inspection found, EntryFeed feed) {
        if (found.opening != Opening.REUSED) return found;
        long head = FeedPositions.lastSeq(feed);
        if (found.seq <= head) return found;
        LOG.warning(() -> "The search index applied the change log up to " + found.seq + " but the database ends at "
                + head + " (restored from a backup?); rebuilding the index");
        return new Inspection(Opening.AHEAD_OF_STORE, 0);
    }

    private static void wipe(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(path)) Files.delete(p);
            }
        }
    }
}
