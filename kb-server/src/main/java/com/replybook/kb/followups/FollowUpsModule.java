package com.replybook.kb.followups;

import com.replybook.kb.console.Page;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

/**
 * Promised follow-ups: {@code /api/v1/followups} for the widget and {@code /console/followups} for leads. A follow-up
 * belongs to its ticket's shop (or to none), and a user limited to shops sees only theirs and those of no shop.
 */
public final class FollowUpsModule implements FeatureModule {

    private final FollowUps followUps;
    private final KnownShops shops;

    /** @param shops the shops a follow-up may belong to (issue 20) */
    public FollowUpsModule(Platform platform, EntryStore entries, KnownShops shops) {
        this.followUps = new FollowUps(new FollowUpStore(platform.database()), entries, platform.clock());
        this.shops = shops;
    }

    @Override
    public void api(Router<ApiCall> api) {
        new FollowUpApi(followUps, shops).routes(api);
    }

    @Override
    public void console(Router<Page> console) {
        new OverduePage(followUps, shops).routes(console);
    }
}
