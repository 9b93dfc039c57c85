package com.replybook.kb.search;

import com.replybook.kb.auth.WarmUpPass;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.vocabulary.SupportedLocale;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replays recent searches against the index (and the embedding models) after a start, before the server says it is
 * ready: the JIT compiles the search path and the models are loaded on these searches instead of on the agents' first
 * ones, and the texts agents repeat have their vectors cached. The texts are the newest of the search log
 * ({@link RecentSearches}); when it has none, a bundled list of typical after-sales questions in the library's
 * languages (a library without Chinese entries loads no Chinese model for it). Each text is searched in every shape
 * the API searches in ({@link WarmUpSearches}): typed and as a ticket, with and without a locale, misspelt, and as
 * the console searches. Given a {@link WarmUpPass}, the searches go to this server's own HTTP port once it is known
 * ({@link #listeningAt}, told by the launcher), so that the HTTP layer is compiled too; without one, or when no address
 * comes within {@link #ADDRESS_WAIT} (a container), through the search service in process.
 *
 * <p>Waits for the index to be ready, then replays for at most {@code budget} or {@link #MAX_SEARCHES} searches
 * ({@link #SEARCHES_PER_ENTRY} per entry in a small library), whichever ends first, or until the JIT has settled
 * ({@link JitActivity}), on one thread per two cores (the JIT compiles on the others). It searches without the result cache or the latency meter, and records no usage event
 * and no customer words for analytics. A failing search ends the warm-up, never the server. Thread-safe.
 */
final class SearchWarmUp implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SearchWarmUp.class.getName());
    /** How many texts of the search log are replayed. */
    static final int TEXTS = 200;
    /** Enough calls for the JIT's highest tier on the search path (its thresholds are in the thousands). */
    static final int MAX_SEARCHES = 20_000;
    /**
     * A small library searches in well under a millisecond even before the JIT compiles: it replays at most this many
     * searches per entry (but each text at least once in each shape), so its start is not held up.
     */
    static final int SEARCHES_PER_ENTRY = 10;
    private static final Set<EntryStatus> PUBLISHED = Set.of(EntryStatus.PUBLISHED);
    private static final String BUNDLED = "/search/warm-up-texts.txt";
    private static final long POLL_MS = 50;
    /** How often the replay looks at the JIT's activity. */
    private static final Duration LOOK = Duration.ofSeconds(1);
    /** The JIT counts as settled below this many compile seconds per second, on average (its compilers mostly idle). */
    static final double SETTLED_BUSY = 0.3;
    /** Over how many looks (seconds) that average is taken. */
    static final int SETTLED_LOOKS = 5;
    /** The replay runs at least this long (while it has searches to replay) before the JIT's settling can end it. */
    static final Duration MIN_REPLAY = Duration.ofSeconds(5);
    /** How long the replay waits for this server's HTTP address once the index is ready. */
    static final Duration ADDRESS_WAIT = Duration.ofSeconds(3);

    private final RecentSearches recent;
    private final SearchService search;
    private final Duration budget;
    private final int searchesPerEntry;
    private final WarmUpPass pass;
    private final CompletableFuture<URI> listening = new CompletableFuture<>();
    private final AtomicLong next = new AtomicLong();
    private final LongAdder replayed = new LongAdder();
    private volatile long startedAt;
    private volatile long endedAt;
    private volatile List<String> texts = List.of();
    private volatile long cap;
    private volatile boolean done;
    private volatile boolean closed;
    private volatile boolean settled;
    private volatile boolean overHttp;
    private Thread coordinator;

    private SearchWarmUp(RecentSearches recent, SearchService search, Duration budget, int searchesPerEntry,
                         WarmUpPass pass) {
        this.recent = recent;
        this.search = search;
        this.budget = budget;
        this.searchesPerEntry = searchesPerEntry;
        this.pass = pass;
    }

    /**
     * Starts warming up {@code search} in process once its index is ready, for at most {@code budget} (zero: done at
     * once, nothing replayed; an empty library has nothing to warm up either).
     */
    static SearchWarmUp start(RecentSearches recent, SearchService search, Duration budget) {
        return start(recent, search, budget, SEARCHES_PER_ENTRY, null);
    }

    /**
     * {@link #start(RecentSearches, SearchService, Duration)} replaying up to {@code searchesPerEntry} per entry, over
     * HTTP with {@code pass} (null: in process).
     */
    static SearchWarmUp start(RecentSearches recent, SearchService search, Duration budget, int searchesPerEntry,
                              WarmUpPass pass) {
        SearchWarmUp warmUp = new SearchWarmUp(recent, search, budget, searchesPerEntry, pass);
        if (budget.isZero() || budget.isNegative()) {
            warmUp.done = true;
            return warmUp;
        }
        warmUp.coordinator = Thread.ofPlatform().daemon().name("search-warm-up").start(warmUp::run);
        return warmUp;
    }

    /** This server now answers HTTP at {@code base} (e.g. {@code http://127.0.0.1:8080}): the replay may go there. */
    void listeningAt(URI base) {
        listening.complete(base);
    }

    /** True when the replay ended because the JIT had settled, before its budget and searches were spent. */
    boolean settled() {
        return settled;
    }

    /** True when the replay searched over HTTP. */
    boolean overHttp() {
        return overHttp;
    }

    /** True once the warm-up has ended (budget spent, searches done, failed or closed). */
    boolean done() {
        return done;
    }

    /** Searches replayed so far. */
    long searches() {
        return replayed.sum();
    }

    /** Time spent replaying so far (all of it once {@link #done}). */
    double nanos() {
        long start = startedAt;
        if (start == 0) return 0;
        long end = endedAt;
        return (end == 0 ? System.nanoTime() : end) - start;
    }

    /** The texts replayed (empty until the index is ready and the texts are read). */
    List<String> texts() {
        return texts;
    }

    private void run() {
        try {
            while (!search.isReady()) {
                if (closed) return;
                Thread.sleep(POLL_MS);
            }
            int documents = search.index().documents();
            if (documents == 0) return;
            List<String> locales = libraryLocales();
            List<String> logged = recent.texts(TEXTS).stream().filter(t -> t != null && !t.isBlank()).toList();
            texts = logged.isEmpty() ? bundledIn(locales) : logged;
            if (texts.isEmpty()) return;
            startedAt = System.nanoTime();
            long deadline = startedAt + budget.toNanos();
            WarmUpSearches shapes = searchesFor(locales, deadline);
            cap = Math.max((long) WarmUpSearches.SHAPES * texts.size(),
                    Math.min(MAX_SEARCHES, (long) searchesPerEntry * documents));
            try {
                Thread[] replaying = new Thread[threadCount()];
                for (int i = 0; i < replaying.length; i++) {
                    replaying[i] = Thread.ofPlatform().daemon().name("search-warm-up-" + i).start(() -> replay(shapes, deadline));
                }
                awaitSettled(replaying);
                for (Thread t : replaying) t.join();
            } finally {
                shapes.close();
            }
            endedAt = System.nanoTime();
            LOG.info(() -> "Search warm-up: " + searches() + " searches of " + texts.size()
                    + (logged.isEmpty() ? " bundled texts" : " texts of the search log")
                    + (overHttp ? " over HTTP" : " in process") + " in " + (endedAt - startedAt) / 1_000_000 + " ms"
                    + (settled ? ", ended as the JIT settled" : ""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Search warm-up ended early; searches warm up as agents search", e);
        } finally {
            if (pass != null) pass.revoke();
            if (startedAt != 0 && endedAt == 0) endedAt = System.nanoTime();
            done = true;
        }
    }

    /**
     * Waits while the {@code replaying} threads run, and ends the replay early (after at least {@link #MIN_REPLAY} and
     * one pass over the texts in every shape) once the JIT has settled: its compilers busy less than
     * {@link #SETTLED_BUSY} on average over the last {@link #SETTLED_LOOKS} looks. What the searches need is compiled
     * then; the JIT's long tail of small compilations would hold up the start for little.
     */
    private void awaitSettled(Thread[] replaying) throws InterruptedException {
        JitActivity jit = JitActivity.start();
        long firstPass = (long) WarmUpSearches.SHAPES * texts.size(); // every text's vector cached, in every shape
        long earliest = startedAt + MIN_REPLAY.toNanos();
        long nextLook = System.nanoTime() + LOOK.toNanos();
        double[] recent = new double[SETTLED_LOOKS];
        int looks = 0;
        while (anyAlive(replaying)) {
            Thread.sleep(POLL_MS);
            long now = System.nanoTime();
            if (jit == null || now < nextLook) continue;
            nextLook = now + LOOK.toNanos();
            recent[looks++ % SETTLED_LOOKS] = jit.busySinceLastLook();
            if (looks >= SETTLED_LOOKS && now >= earliest && next.get() >= firstPass
                    && Arrays.stream(recent).average().orElse(1) < SETTLED_BUSY) {
                settled = true;
                return;
            }
        }
    }

    /**
     * Replay threads: one per two cores (over HTTP, a server thread searches for each), the JIT compiling on the
     * others. One per core replays no faster on two cores, the JIT then short of a core (docs/performance.md).
     */
    private static int threadCount() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    private static boolean anyAlive(Thread[] threads) {
        for (Thread t : threads) if (t.isAlive()) return true;
        return false;
    }

    /**
     * Replays the texts in turn through {@code searches}, in each shape, until the deadline, the cap, the JIT settles or
     * {@link #close}.
     */
    private void replay(WarmUpSearches searches, long deadline) {
        List<String> all = texts;
        WarmUpSearches.Shape[] shapes = WarmUpSearches.Shape.values();
        try {
            long n;
            // The deadline is checked after a search: on a machine too busy to start one within the budget, each thread
            // still replays one.
            while (!closed && !settled && (n = next.getAndIncrement()) < cap) {
                long turn = n / shapes.length;
                String text = all.get((int) (turn % all.size()));
                searches.run(text, shapes[(int) (n % shapes.length)], turn / all.size());
                replayed.increment();
                if (System.nanoTime() >= deadline) return;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A warm-up search failed; the warm-up stops", e);
        }
    }

    /**
     * Over HTTP when this server's address is known within {@link #ADDRESS_WAIT} (and before {@code deadline});
     * otherwise in process.
     */
    private WarmUpSearches searchesFor(List<String> locales, long deadline) throws InterruptedException {
        if (pass != null) {
            long wait = Math.max(0, Math.min(ADDRESS_WAIT.toNanos(), deadline - System.nanoTime()));
            try {
                URI base = listening.get(wait, TimeUnit.NANOSECONDS);
                overHttp = true;
                return new HttpWarmUpSearches(base, pass.issue(), locales);
            } catch (TimeoutException | ExecutionException e) {
                LOG.info("Search warm-up: this server's HTTP address is not known (a container); it searches in process");
            }
        }
        return new WarmUpSearches.InProcess(search, locales);
    }

    /** The locales (tags) of which the library has published entries. */
    private List<String> libraryLocales() {
        return SupportedLocale.TAGS.stream().filter(tag -> search.searcher()
                .search(new SearchRequest("", 1, tag, null, List.of(), PUBLISHED)).total() > 0).toList();
    }

    /**
     * The bundled texts in the languages (spaces) of {@code locales}: texts of other languages would warm up nothing
     * and load a model the library does not use.
     */
    private static List<String> bundledIn(List<String> locales) {
        Set<Embedders.Space> spaces = EnumSet.noneOf(Embedders.Space.class);
        for (String tag : locales) spaces.add(Embedders.Space.ofLocale(tag));
        return bundled().stream().filter(t -> spaces.contains(Embedders.Space.ofText(t))).toList();
    }

    /** The bundled texts, in the order of the file (typical questions in zh-CN, zh-TW and English). */
    static List<String> bundled() {
        try (InputStream in = SearchWarmUp.class.getResourceAsStream(BUNDLED)) {
            if (in == null) throw new IllegalStateException(BUNDLED + " is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops replaying (after the searches under way) and waits for that, at most five seconds. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        if (coordinator != null) coordinator.join(5_000);
    }
}
