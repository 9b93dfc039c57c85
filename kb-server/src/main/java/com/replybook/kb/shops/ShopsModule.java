package com.replybook.kb.shops;

import com.replybook.kb.console.Page;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

/**
 * The shops feature: the shops every node knows ({@link Shops}), {@code /api/v1/shops} and the console's shop pages.
 * Built before the features that read shops (users, rendering, entries, search); the rendering feature, built after
 * it, supplies the sandbox check of the shops' voices through {@link #checkVoicesWith} before the routes are made.
 */
public final class ShopsModule implements FeatureModule {

    private final Shops shops;
    private VoiceCheck voiceCheck = VoiceCheck.NONE;

    public ShopsModule(Platform platform) {
        this.shops = new Shops(new ShopStore(platform.database()), platform.settings(), platform.clock());
    }

    /** Checks greetings, closings and layouts with {@code check} (the renderer's sandbox) from now on. */
    public void checkVoicesWith(VoiceCheck check) {
        this.voiceCheck = check;
    }

    @Override
    public void api(Router<ApiCall> api) {
        new ShopApi(shops, new ShopParser(voiceCheck)).routes(api);
    }

    @Override
    public void console(Router<Page> console) {
        new ShopPages(shops, new ShopParser(voiceCheck)).routes(console);
    }

    public Shops shops() {
        return shops;
    }
}
