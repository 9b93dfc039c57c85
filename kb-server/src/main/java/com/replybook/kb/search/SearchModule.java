package com.replybook.kb.search;

import com.replybook.kb.auth.WarmUpPass;
import com.replybook.kb.config.ServerConfig;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

import java.net.URI;
import java.time.Duration;

/**
 * The search feature: the index derived from the entries' feed (rebuilt or caught up in the background, so the
 * module is not {@link #ready} until it reflects the store and has replayed recent searches to warm up), search,
 * ticket suggestions, type-ahead and the synonyms (shared by every node), through the API and the console's synonyms
 * page; its meters in {@link SearchMetrics}; and the questions entries learn from agents' searches
 * ({@link SuggestedQuestions}).
 */
public final class SearchModule implements FeatureModule {

    private final SearchService search;
    private final CustomerTextListener customerText;
    private final EntryStore entries;
    private final Platform platform;
    private final KnownShops shops;
    private final SearchWarmUp warmUp;
    private final WarmUpPass warmUpPass = new WarmUpPass();

    public SearchModule(Platform platform, EntryStore entries) {
        this(platform, entries, CustomerTextListener.NONE, KnownShops.ANY, RecentSearches.NONE);
    }

    /**
     * With {@code customerText} told the customer's words of every ticket search (analytics counts emotion words), and
     * the {@code shop} of searches checked against {@code shops}, and {@code recentSearches} replayed after the start
     * for up to {@code --search-warm-up-seconds} ({@link SearchWarmUp}).
     */
    public SearchModule(Platform platform, EntryStore entries, CustomerTextListener customerText, KnownShops shops,
                        RecentSearches recentSearches) {
        this.search = SearchService.start(platform, entries);
        this.entries = entries;
        this.platform = platform;
        SearchMetrics.bind(platform.metrics(), search);
        this.customerText = customerText;
        this.shops = shops;
        this.warmUp = SearchWarmUp.start(recentSearches, search,
                Duration.ofSeconds(platform.config().get(ServerConfig.SEARCH_WARM_UP_SECONDS)),
                SearchWarmUp.SEARCHES_PER_ENTRY, warmUpPass);
        SearchMetrics.bind(platform.metrics(), warmUp);
    }

    /** The credential of the start-up replay's requests, for the authentication filter to admit ({@link SearchWarmUp}). */
    public WarmUpPass warmUpPass() {
        return warmUpPass;
    }

    /** The server answers HTTP at {@code base} now: the start-up replay searches there. */
    public void listeningAt(URI base) {
        warmUp.listeningAt(base);
    }

    @Override
    public void api(Router<ApiCall> api) {
        new SearchApi(search, search.synonyms(), customerText, shops).routes(api);
        new SuggestedQuestionApi(new SuggestedQuestions(platform.database(), entries, platform.clock()), entries,
                platform.clock()).routes(api);
    }

    @Override
    public void console(Router<Page> console) {
        new SynonymPage(shops, search.synonyms()).routes(console);
    }

    /** Once the index reflects the store and the start-up warm-up has ended. */
    @Override
    public boolean ready() {
        return search.isReady() && warmUp.done();
    }

    public SearchService service() {
        return search;
    }

    @Override
    public void close() throws Exception {
        warmUp.close();
        search.close();
    }
}
