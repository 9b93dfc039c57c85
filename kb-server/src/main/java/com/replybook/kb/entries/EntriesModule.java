package com.replybook.kb.entries;

import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

import java.util.Map;

/**
 * The entries feature: the store (the record of every entry, its revisions and change log), the review loop
 * (pending revisions of published entries, submit, publish, send back), the parser every way in shares (API,
 * console, imports), and {@code /api/v1/entries}.
 */
public final class EntriesModule implements FeatureModule {

    private final EntryStore store;
    private final EntryReview review;
    private final ReviewQueue queue;
    private final EntryDraftParser parser;
    private final EntryApi api;
    private final Map<String, EntryAction> actions;
    private final ScriptCheck scriptCheck;
    private final KnownShops shops;

    /**
     * @param scriptCheck validates scripts at save time (supplied by the rendering and guardrails features)
     * @param actions     actions other features serve on one entry, by name, e.g. {@code render}
     */
    public EntriesModule(Platform platform, ScriptCheck scriptCheck, Map<String, EntryAction> actions) {
        this(platform, scriptCheck, actions, KnownShops.ANY);
    }

    /**
     * @param scriptCheck validates scripts at save time (supplied by the rendering feature)
     * @param actions     actions other features serve on one entry, by name, e.g. {@code render}
     * @param shops       the shops entries and requests may name (supplied by the shops feature)
     */
    public EntriesModule(Platform platform, ScriptCheck scriptCheck, Map<String, EntryAction> actions,
                         KnownShops shops) {
        this.store = new EntryStore(platform.database(), platform.clock());
        this.review = new EntryReview(store);
        this.queue = new ReviewQueue(platform.database());
        this.scriptCheck = scriptCheck;
        this.parser = new EntryDraftParser(scriptCheck, shops);
        this.shops = shops;
        this.api = new EntryApi(store, review, queue, parser, platform.clock(), shops);
        this.actions = Map.copyOf(actions);
    }

    @Override
    public void api(Router<ApiCall> router) {
        api.routes(router, actions);
    }

    public EntryStore store() {
        return store;
    }

    /** The review loop: pending revisions, submit, publish, send back. */
    public EntryReview review() {
        return review;
    }

    /** What waits in the review loop: the leads' inbox, work sent back to each editor. */
    public ReviewQueue queue() {
        return queue;
    }

    public EntryDraftParser parser() {
        return parser;
    }

    /** The save-time check the parser applies, for previews that show its problems and notes before a save. */
    public ScriptCheck scriptCheck() {
        return scriptCheck;
    }

    /** The shops entries and requests may name, to check a {@code shop} parameter ({@link KnownShops#requested}). */
    public KnownShops shops() {
        return shops;
    }
}
