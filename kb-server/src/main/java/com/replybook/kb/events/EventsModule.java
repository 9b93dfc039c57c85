package com.replybook.kb.events;

import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

/**
 * The usage events the help-desk widget reports (searches, views, inserts), the tickets' outcomes and compensation
 * approvals, through {@code /api/v1/events}.
 */
public final class EventsModule implements FeatureModule {

    private final EventStore store;
    private final EventApi api;

    public EventsModule(Platform platform, EntryStore entries) {
        this.store = new EventStore(platform.database(), platform.clock());
        this.api = new EventApi(store, entries);
    }

    /** The store, for features that record events of their own (compensation approvals). */
    public EventStore store() {
        return store;
    }

    @Override
    public void api(Router<ApiCall> router) {
        api.routes(router);
    }
}
