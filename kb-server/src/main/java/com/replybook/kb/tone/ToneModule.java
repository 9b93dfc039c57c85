package com.replybook.kb.tone;

import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

/**
 * The tone feature: which tone a reply should take for a customer (the tag → tone mapping, or the shop's own, then
 * the emotion in the message), through {@code /api/v1/tone} and the console's tone page.
 */
public final class ToneModule implements FeatureModule {

    private final ToneApi api;
    private final ToneMappingPage page;

    /** @param shops the shops that may keep their own mapping (issue 20) */
    public ToneModule(Platform platform, KnownShops shops) {
        ToneRules rules = new ToneRules(platform.database(), platform.clock(), platform.settings());
        this.api = new ToneApi(rules, new ToneAdvisor(rules, new EmotionDetector()), shops);
        this.page = new ToneMappingPage(rules, shops);
    }

    @Override
    public void api(Router<ApiCall> router) {
        api.routes(router);
    }

    @Override
    public void console(Router<Page> console) {
        page.routes(console);
    }
}
