package com.replybook.kb.clocks;

import com.replybook.kb.console.Page;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

/** Response clocks: the targets leads keep per channel, through {@code /api/v1/clocks} and {@code /console/clocks}. */
public final class ClocksModule implements FeatureModule {

    private final ClockStore store;

    public ClocksModule(Platform platform) {
        this.store = new ClockStore(platform.database(), platform.clock(), platform.settings());
    }

    @Override
    public void api(Router<ApiCall> api) {
        new ClockApi(store).routes(api);
    }

    @Override
    public void console(Router<Page> console) {
        new ClockPage(store).routes(console);
    }
}
