package com.replybook.kb.followups;

import com.replybook.kb.console.Page;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

/** Promised follow-ups: {@code /api/v1/followups} for the widget and {@code /console/followups} for leads. */
public final class FollowUpsModule implements FeatureModule {

    private final FollowUps followUps;

    public FollowUpsModule(Platform platform, EntryStore entries) {
        this.followUps = new FollowUps(new FollowUpStore(platform.database()), entries, platform.clock());
    }

    @Override
    public void api(Router<ApiCall> api) {
        new FollowUpApi(followUps).routes(api);
    }

    @Override
    public void console(Router<Page> console) {
        new OverduePage(followUps).routes(console);
    }
}
