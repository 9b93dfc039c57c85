package com.replybook.kb.search;

import com.replybook.kb.db.Database;
import com.replybook.kb.entries.EntryFeed;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.search.index.EntryIndex;
import com.replybook.kb.search.ranking.HybridFusion;
import com.replybook.kb.search.ranking.QuerySpelling;
import com.replybook.kb.search.ranking.RankingWeights;
import com.replybook.kb.search.semantic.Embedders;
import com.replybook.kb.search.semantic.EntryVectors;
import com.replybook.kb.search.semantic.StoredVectors;
import com.replybook.kb.web.ApiException;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Searching the library: the index in {@code <dataDir>/index} over the store's feed, the synonyms from the
 * database and the searcher. Built once by {@link SearchModule}; thread-safe.
 *
 * <pre>{@code
 * SearchService search = SearchService.start(dataDir, entryStore, database, clock, semantic, 4096);
 * SearchResult r = search.search(new SearchRequest("包裹没收到", 10, "zh-CN", null, List.of(), Set.of(PUBLISHED)));
 * }</pre>
 */
public final class SearchService implements AutoCloseable {

    private final EntryIndex index;
    private final SynonymService synonyms;
    private final EntrySearcher searcher;
    private final StoredVectors vectors;
    private final SearchCache cache;

    private SearchService(EntryIndex index, SynonymService synonyms, StoredVectors vectors, Embedders embedders,
                          Clock clock, int cacheEntries) {
        this.index = index;
        this.synonyms = synonyms;
        this.vectors = vectors;
        this.searcher = new EntrySearcher(index, synonyms.synonyms(), RankingWeights.DEFAULT, embedders,
                HybridFusion.LEXICAL_WEIGHT);
        this.cache = new SearchCache(cacheEntries, index::generation, synonyms.synonyms()::version, clock::millis);
        QuerySpelling.loadInBackground();
    }

    /** {@link #start(Path, EntryFeed, Database, Clock, boolean, int, SearchSettings)} with the default settings. */
    public static SearchService start(Path dataDir, EntryFeed feed, Database db, Clock clock, boolean semantic,
                                      int cacheEntries) {
        return start(dataDir, feed, db, clock, semantic, cacheEntries, SearchSettings.DEFAULTS);
    }

    /**
     * Opens the index (rebuilding or catching up in the background) and loads the synonyms. With
     * {@code semantic}, ranking is hybrid: entry vectors are stored in the database and the embedding models are
     * loaded on first use; without it, search is lexical and no model is ever loaded. The last
     * {@code cacheEntries} distinct searches are answered from a {@link SearchCache} (0: never). {@code settings}
     * are the ranking's knobs, {@link SearchSettings#DEFAULTS} unless tuned.
     */
    public static SearchService start(Path dataDir, EntryFeed feed, Database db, Clock clock, boolean semantic,
                                      int cacheEntries, SearchSettings settings) {
        Objects.requireNonNull(settings, "settings");
        SynonymService synonyms = new SynonymService(db, clock);
        if (!semantic) {
            return new SearchService(EntryIndex.open(dataDir.resolve("index"), feed, EntryVectors.NONE), synonyms,
                    null, null, clock, cacheEntries);
        }
        // DJL unpacks its tokenizer library into ~/.djl.ai unless told otherwise; keep it in the data directory.
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty("DJL_CACHE_DIR", dataDir.resolve("cache/djl").toAbsolutePath().toString());
        }
        Embedders embedders = new Embedders();
        StoredVectors vectors = StoredVectors.of(db, embedders, feed);
        EntryIndex index = EntryIndex.open(dataDir.resolve("index"), feed, vectors, settings.whitening());
        vectors.onEmbedded(index::reindex);
        return new SearchService(index, synonyms, vectors, embedders, clock, cacheEntries);
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
        return cache.get(request, () -> searcher.search(request));
    }

    /**
     * {@link EntrySearcher#searchTicket}, answered from the cache when a ticket with the same searched texts was
     * searched recently. The key is what is searched (a few texts of at most {@link TicketText#MAX_CHARS}), not
     * the whole conversation, so a long ticket history costs the cache nothing.
     */
    public SearchResult searchTicket(Ticket ticket, Set<EntryStatus> statuses) {
        record TicketSearch(List<TicketText.Part> parts, String locale, Integer limit, Set<EntryStatus> statuses) {
        }
        List<TicketText.Part> parts = TicketText.parts(ticket);
        TicketSearch key = new TicketSearch(parts, ticket.locale(), ticket.limit(), statuses);
        return cache.get(key, () -> searcher.searchTicket(parts, ticket, statuses));
    }

    SearchCache cache() {
        return cache;
    }

    /** This service, or 503 while the index is still being built. */
    SearchService ready() {
        if (!index.isReady()) {
            throw new ApiException(503, "unavailable", "The search index is being built; retry in a few seconds", null);
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
