package com.replybook.kb.events;

import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

/** The usage events the help-desk widget reports (searches, views, inserts), through {@code /api/v1/events}. */
public final class EventsModule implements FeatureModule {

    private final EventApi api;

    public EventsModule(Platform platform) {
        this.api = new EventApi(new EventStore(platform.database(), platform.clock()));
    }

    @Override
    public void api(Router<ApiCall> router) {
        api.routes(router);
    }
}
