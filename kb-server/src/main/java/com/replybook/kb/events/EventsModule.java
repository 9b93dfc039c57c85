package com.replybook.kb.events;

import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

/**
 * The usage events the help-desk widget reports (searches, views, inserts), the tickets' outcomes and compensation
 * approvals, through {@code /api/v1/events}.
 */
public final class EventsModule implements FeatureModule {

    private final EventApi api;

    /**
     * @param log     the event log, shared with features that record events of their own (compensation approvals)
     * @param entries where the entries an event names are checked
     * @param shops   the shops an event may name (issue 20)
     */
    public EventsModule(Platform platform, EventStore log, EntryStore entries, KnownShops shops) {
        this.api = new EventApi(log, entries, shops);
    }

    @Override
    public void api(Router<ApiCall> router) {
        api.routes(router);
    }
}
