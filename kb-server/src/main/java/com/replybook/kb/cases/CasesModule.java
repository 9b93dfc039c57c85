package com.replybook.kb.cases;

import com.replybook.kb.console.Page;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.render.HtmlCleaner;
import com.replybook.kb.search.SearchService;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

/**
 * The case library: conversations captured from tickets (cleaned and masked before they are stored), curated by
 * leads and gathered into collections for training, which agents read once published and mark studied, through
 * {@code /api/v1/cases}, {@code /api/v1/collections} and the console. A case belongs to a shop (or to every shop),
 * and a user limited to shops never reads another shop's, in a list, a page, a collection or an export.
 */
public final class CasesModule implements FeatureModule {

    private final CaseStore store;
    private final CaseParser parser;
    private final CollectionPicker picker;
    private final CollectionScope scope;
    private final Training training;
    private final KnownShops shops;

    /**
     * @param search finds the entries a lead adds to a collection from a few typed words
     * @param shops  the shops a case may belong to (issue 20)
     */
    public CasesModule(Platform platform, EntryStore entries, SearchService search, KnownShops shops) {
        this.store = new CaseStore(platform.database(), platform.clock());
        this.parser = new CaseParser(new ExcerptSanitizer(HtmlCleaner::clean));
        this.picker = new CollectionPicker(store, entries, search);
        this.scope = new CollectionScope(store, entries);
        this.training = new Training(store, new StudyStore(platform.database()), entries, scope, platform.clock());
        this.shops = shops;
    }

    @Override
    public void api(Router<ApiCall> api) {
        new CaseApi(store, parser, shops).routes(api);
        new TrainingApi(training).routes(api);
    }

    @Override
    public void console(Router<Page> console) {
        new CasePages(store, parser, shops, training).routes(console);
        new CollectionPages(store, picker, training, scope).routes(console);
    }

    public CaseStore store() {
        return store;
    }

    public CaseParser parser() {
        return parser;
    }

    /** What of a collection a reader limited to shops sees, for exports. */
    public CollectionScope collectionScope() {
        return scope;
    }

    /** The shops a case may belong to. */
    public KnownShops shops() {
        return shops;
    }
}
