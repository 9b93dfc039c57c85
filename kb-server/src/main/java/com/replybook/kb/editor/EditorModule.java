package com.replybook.kb.editor;

import com.replybook.kb.console.NavCounts;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.EntriesModule;
import com.replybook.kb.entries.EntryPolicy;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.render.RenderModule;
import com.replybook.kb.search.SearchRequest;
import com.replybook.kb.search.SearchService;
import com.replybook.kb.search.SuggestedQuestions;
import com.replybook.kb.shops.Shops;
import com.replybook.kb.web.Router;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The content editor's console: the entries list and its search, the editor with its live preview of every tone
 * × channel, review and publishing (pending changes of live entries, the review inbox), revisions with a word diff
 * and restore, bulk actions on the list, and the stale queue. Every write goes
 * through the entries feature's store and parser, so the console and the API share one set of rules.
 */
public final class EditorModule implements FeatureModule {

    private final Platform platform;
    private final EntriesModule entries;
    private final EntryFinder finder;
    private final ScriptPreview preview;
    private final ReviewPages reviewPages;
    private final SuggestedQuestions questions;
    private final Shops shops;

    /** @param shops the shops entries belong to, to filter lists and choose an entry's shops (issue 20) */
    public EditorModule(Platform platform, EntriesModule entries, SearchService search, RenderModule render,
                        Shops shops) {
        this.platform = platform;
        this.entries = entries;
        this.shops = shops;
        this.finder = new EntryFinder(platform.database(), lucene(search));
        this.preview = new RendererPreview(render.renderer());
        this.reviewPages = new ReviewPages(entries.store(), entries.review(), entries.queue(), shops);
        this.questions = new SuggestedQuestions(platform.database(), entries.store(), platform.clock());
    }

    @Override
    public NavCounts navCounts() {
        return reviewPages.counts();
    }

    @Override
    public void console(Router<Page> console) {
        EntryPolicy policy = new EntryPolicy();
        new EntryPages(entries, finder, shops, policy, platform.clock(), preview, questions).routes(console);
        new SuggestedQuestionPages(entries.store(), questions).routes(console);
        new RevisionPages(entries.store(), entries.review(), policy).routes(console);
        new BulkActions(entries.store(), entries.review(), entries.parser(), policy).routes(console);
        new StalePage(finder, shops, platform.clock()).routes(console);
        reviewPages.routes(console);
        console.post("/preview", new PreviewEndpoint(preview, entries.scriptCheck())::handle);
    }

    /**
     * The entries list's text search: the search agents use (segmentation, traditional/simplified, synonyms,
     * the same ranking), over every status within the list's scope, its hits split into matches and weaker ones
     * ({@link SearchMatches}); empty while the index is still being built.
     */
    private static EntryFinder.TextSearch lucene(SearchService search) {
        return f -> {
            if (!search.isReady()) return Optional.empty();
            SearchRequest r = new SearchRequest(f.q(), SearchRequest.MAX_LIMIT, f.locale(), f.category(),
                    f.tag() == null ? List.of() : List.of(f.tag()), EnumSet.allOf(EntryStatus.class), true)
                    .within(f.scope());
            return Optional.of(SearchMatches.split(search.search(r)));
        };
    }
}
