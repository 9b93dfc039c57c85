package com.replybook.kb.search;

import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.db.Database;
import com.replybook.kb.entries.EntryFamily;
import com.replybook.kb.entries.EntryFeed;
import com.replybook.kb.entries.EntryScope;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.module.Platform;
import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.index.SearchFields;
import com.replybook.kb.search.ranking.HybridFusion;
import com.replybook.kb.search.ranking.QueryCascade;
import com.replybook.kb.search.ranking.QuerySpelling;
import com.replybook.kb.search.ranking.RankingWeights;
import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.search.semantic.EntryVectors;
import com.replybook.kb.search.semantic.OnnxSettings;
import com.replybook.kb.search.semantic.QueryWhitening;
import com.replybook.kb.search.semantic.StoredVectors;
import com.replybook.kb.web.ApiException;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.noop.NoopTimer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Searching the library: the index in {@code <dataDir>/index} over the store's feed, the synonyms from the
 * database and the searcher. Built once by {@link SearchModule}; thread-safe.
 *
 * <pre>{@code
 * SearchService search = SearchService.start(platform, entryStore);
 * SearchResult r = search.search(new SearchRequest("包裹没收到", 10, "zh-CN", null, List.of(), Set.of(PUBLISHED)));
 * }</pre>
 *
 * <p>Meters: {@code replybook_search_seconds} (a histogram, tagged {@code kind=query|ticket}) and those of
 * {@link SearchMetrics}.
 */
public final class SearchService implements AutoCloseable {

    /** How often {@link #awaitSearchable} looks again. */
    static final long AWAIT_POLL_MS = 50;

    private final EntryIndex index;
    private final SynonymService synonyms;
    private final EntrySearcher searcher;
    private final StoredVectors vectors;
    private final Embedders embedders;
    private final SearchCache cache;
    private final Timer queryTimer;
    private final Timer ticketTimer;
    private final FamilyMembers families;

    private SearchService(EntryIndex index, SynonymService synonyms, StoredVectors vectors, Embedders embedders,
                          QueryCascade cascade, Clock clock, int cacheEntries, MeterRegistry metrics) {
        this.index = index;
        this.synonyms = synonyms;
        this.vectors = vectors;
        this.embedders = embedders;
        this.searcher = new EntrySearcher(index, synonyms.synonyms(), RankingWeights.DEFAULT, embedders,
                HybridFusion.LEXICAL_WEIGHT, cascade);
        this.cache = new SearchCache(cacheEntries, index::generation, synonyms.synonyms()::version, clock::millis);
        this.queryTimer = SearchMetrics.latency(metrics, "query");
        this.ticketTimer = SearchMetrics.latency(metrics, "ticket");
        this.families = new FamilyMembers(searcher);
        QuerySpelling.loadInBackground();
    }

    /** {@code of}'s searches without its result cache or latency meters: see {@link #uncached}. */
    private SearchService(SearchService of) {
        this.index = of.index;
        this.synonyms = of.synonyms;
        this.vectors = of.vectors;
        this.embedders = of.embedders;
        this.searcher = of.searcher;
        this.cache = new SearchCache(0, index::generation, synonyms.synonyms()::version, System::currentTimeMillis);
        Meter.Id unmetered = new Meter.Id("replybook.search.uncached", Tags.empty(), null, null, Meter.Type.TIMER);
        this.queryTimer = new NoopTimer(unmetered);
        this.ticketTimer = queryTimer;
        this.families = of.families;
    }

    /**
     * Opens the index in {@code <dataDir>/index} (rebuilding or catching up in the background, then polling the
     * change log every {@code --poll-interval-ms}) and loads the synonyms, kept in step with every node. With
     * {@code --semantic-search}, ranking is hybrid: entry vectors are stored in the database and the embedding models
     * are loaded on first use; without it, search is lexical and no model is ever loaded. The last
     * {@code --search-cache-entries} distinct searches are answered from a {@link SearchCache} (0: never). The ranking's
     * knobs are {@link SearchSettings#of} the configuration.
     */
    public static SearchService start(Platform platform, EntryFeed feed) {
        var config = platform.config();
        Path dataDir = config.dataDir();
        Database db = platform.database();
        Clock clock = platform.clock();
        SearchSettings settings = SearchSettings.of(config);
        SynonymService synonyms = new SynonymService(db, clock, platform.settings());
        if (!config.semanticSearch()) {
            return new SearchService(EntryIndex.open(dataDir.resolve("index"), feed, EntryVectors.NONE,
                    QueryWhitening.Settings.NONE, config.pollInterval()), synonyms, null, null, QueryCascade.OFF, clock,
                    config.searchCacheEntries(), platform.metrics());
        }
        // DJL unpacks its tokenizer library into ~/.djl.ai unless told otherwise; keep it in the data directory.
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", dataDir.resolve("cache/djl").toAbsolutePath().toString());
        }
        Embedders embedders = new Embedders(onnx(config));
        StoredVectors vectors = StoredVectors.of(db, embedders, feed);
        EntryIndex index = EntryIndex.open(dataDir.resolve("index"), feed, vectors, settings.whitening(),
                config.pollInterval());
        vectors.onEmbedded(index::reindex);
        return new SearchService(index, synonyms, vectors, embedders, settings.cascade(), clock,
                config.searchCacheEntries(), platform.metrics());
    }

    /** How the embedding models run: {@code --embedding-threads}, {@code -optimization}, {@code -memory-arena}, {@code -shared-threads}. */
    static OnnxSettings onnx(ServerConfig config) {
        return new OnnxSettings(config.get(ServerConfig.EMBEDDING_THREADS),
                config.get(ServerConfig.EMBEDDING_OPTIMIZATION), config.get(ServerConfig.EMBEDDING_MEMORY_ARENA),
                config.get(ServerConfig.EMBEDDING_SHARED_THREADS));
    }

    /** Readiness for {@code /api/v1/health}: the index reflects the store. */
    public boolean isReady() {
        return index.isReady();
    }

    public EntryIndex index() {
        return index;
    }

    public EntrySearcher searcher() {
        return searcher;
    }

    /** {@link EntrySearcher#search}, answered from the cache when the same search ran recently. */
    public SearchResult search(SearchRequest request) {
        SearchRequest r = request.within(lean(request.scope()));
        return queryTimer.record(() -> cache.get(r, () -> searcher.search(r)));
    }

    /**
     * {@code scope} without its viewer when they keep no personal entry (most agents): their search is then the same
     * as everyone else's of the same shops, and answered from the same cached result.
     */
    EntryScope lean(EntryScope scope) {
        return scope.viewer() == null || index.hasAudience(SearchFields.audience(scope.viewer())) ? scope
                : new EntryScope(scope.shops(), null, false);
    }

    /**
     * {@link EntrySearcher#searchTicket}, answered from the cache when a ticket with the same searched texts was
     * searched recently. The key is what is searched (a few texts of at most {@link TicketText#MAX_CHARS}), not
     * the whole conversation, so a long ticket history costs the cache nothing.
     */
    public SearchResult searchTicket(Ticket ticket, Set<EntryStatus> statuses) {
        return searchTicket(ticket, statuses, EntryScope.TEAM_LIBRARY);
    }

    /** {@link #searchTicket(Ticket, Set)} within {@code scope}: shops, and the searcher's own personal entries. */
    public SearchResult searchTicket(Ticket ticket, Set<EntryStatus> statuses, EntryScope scope) {
        record TicketSearch(List<TicketText.Part> parts, String locale, Integer limit, Set<EntryStatus> statuses,
                            EntryScope scope) {
        }
        List<TicketText.Part> parts = TicketText.parts(ticket);
        EntryScope s = lean(scope);
        TicketSearch key = new TicketSearch(parts, ticket.locale(), ticket.limit(), statuses, s);
        return ticketTimer.record(() -> cache.get(key, () -> searcher.searchTicket(parts, ticket, statuses, s)));
    }

    /** What {@code GET /api/v1/search/status} answers: whether searches rank as well as they will, and why not. */
    public SearchStatus status() {
        long pending = embeddingBacklog();
        boolean ready = index.isReady() && pending == 0 && index.visibleSeq() >= index.headSeq();
        return new SearchStatus(ready, index.documents(), pending, index.generation());
    }

    /** Entries waiting for their vectors, searched by their words alone until then (0 with lexical search). */
    public long embeddingBacklog() {
        return vectors == null ? 0 : vectors.backlog();
    }

    /** Search texts embedded so far (each not among the cached query vectors); 0 with lexical search. */
    public long embeddedQueries() {
        return embedders == null ? 0 : embedders.embeddedQueries();
    }

    /** Of those, the texts whose vector a second model completed ({@link Embedders#complete}); 0 with lexical search. */
    public long completedQueries() {
        return embedders == null ? 0 : embedders.completedQueries();
    }

    /**
     * Waits until every change written so far (the caller's import included) is visible to searches on this node and
     * none of {@code entryIds} waits for its vectors, or until {@code timeout} has passed, whichever comes first.
     * Returns at once when both already hold. The entries' new vectors are made visible before it returns.
     */
    public Searchability awaitSearchable(Collection<String> entryIds, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long target = index.headSeq();
        Set<String> waiting = new HashSet<>(entryIds);
        while (true) {
            boolean indexed = index.isReady() && index.visibleSeq() >= target;
            int pending = vectors == null ? 0 : vectors.pendingAmong(waiting);
            if (pending == 0 && vectors != null && !waiting.isEmpty()) {
                waiting.clear();
                try {
                    index.refresh(); // vectors stored since the last refresh become visible now
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            long now = System.nanoTime();
            if ((indexed && pending == 0) || now >= deadline) {
                return new Searchability(indexed && pending == 0, (now - start) / 1_000_000, indexed, pending);
            }
            Thread.sleep(Math.min(AWAIT_POLL_MS, Math.max(1, (deadline - now) / 1_000_000)));
        }
    }

    /**
     * {@link #search} with one hit per family, showing the version in {@code prefer} (a locale tag, or null) where
     * the family has one and listing the others as siblings ({@link FamilyCollapse}).
     */
    public SearchResult searchFamilies(SearchRequest request, String prefer) {
        SearchResult ranked = search(request.withLimit(FamilyCollapse.widened(request.limit())));
        return collapse(ranked, request.statuses(), request.scope(), prefer, request.limit());
    }

    /** {@link #searchTicket} within {@code scope} with one hit per family, as {@link #searchFamilies}. */
    public SearchResult searchTicketFamilies(Ticket ticket, Set<EntryStatus> statuses, EntryScope scope, String prefer) {
        int limit = ticket.limit() == null ? Ticket.DEFAULT_LIMIT : ticket.limit();
        SearchResult ranked = searchTicket(ticket.withLimit(FamilyCollapse.widened(limit)), statuses, scope);
        return collapse(ranked, statuses, scope, prefer, limit);
    }

    /** The hits folded by family; the siblings listed are those of the search's scope only (issue 20). */
    private SearchResult collapse(SearchResult ranked, Set<EntryStatus> statuses, EntryScope scope, String prefer,
                                  int limit) {
        Set<String> keys = new HashSet<>();
        for (SearchHit h : ranked.hits()) keys.add(EntryFamily.of(h.key()));
        return FamilyCollapse.collapse(ranked, families.of(keys, statuses, scope), prefer, limit);
    }

    /**
     * The same searches, answered every time by the searcher: no result cache and no latency meters. What the start-up
     * replay searches through ({@link WarmUpSearches}), so that it compiles the path agents' searches take without
     * filling the cache or the agents' latency histogram.
     */
    SearchService uncached() {
        return new SearchService(this);
    }

    SearchCache cache() {
        return cache;
    }

    /** This service, or 503 while the index is still being built. */
    SearchService ready() {
        if (!index.isReady()) {
            throw ApiException.of(503, "unavailable", null, SearchError.INDEX_BUILDING, null);
        }
        return this;
    }

    SynonymService synonyms() {
        return synonyms;
    }

    @Override
    public void close() throws Exception {
        if (vectors != null) vectors.close();
        index.close();
    }
}
