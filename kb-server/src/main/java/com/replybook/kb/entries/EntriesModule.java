package com.replybook.kb.entries;

import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

import java.util.Map;

/**
 * The entries feature: the store (the record of every entry, its revisions and change log), the parser every
 * way in shares (API, console, imports), and {@code /api/v1/entries}.
 */
public final class EntriesModule implements FeatureModule {

    private final EntryStore store;
    private final EntryDraftParser parser;
    private final EntryApi api;
    private final Map<String, EntryAction> actions;

    /**
     * @param scriptCheck validates scripts at save time (supplied by the rendering feature)
     * @param actions     actions other features serve on one entry, by name, e.g. {@code render}
     */
    public EntriesModule(Platform platform, ScriptCheck scriptCheck, Map<String, EntryAction> actions) {
        this.store = new EntryStore(platform.database(), platform.clock());
        this.parser = new EntryDraftParser(scriptCheck);
        this.api = new EntryApi(store, parser, platform.config().maxRequestBytes(), platform.clock(),
                new ImportMetrics(platform.metrics()));
        this.actions = Map.copyOf(actions);
    }

    @Override
    public void api(Router<ApiCall> router) {
        api.routes(router, actions);
    }

    public EntryStore store() {
        return store;
    }

    public EntryDraftParser parser() {
        return parser;
    }
}
