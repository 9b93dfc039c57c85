package com.replybook.kb.tone;

import com.replybook.kb.module.FeatureModule;
import com.replybook.kb.module.Platform;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.Router;

/**
 * The tone feature: which tone a reply should take for a customer (the lead's tag → tone mapping, then the
 * emotion in the message), through {@code /api/v1/tone}.
 */
public final class ToneModule implements FeatureModule {

    private final ToneApi api;

    public ToneModule(Platform platform) {
        ToneRules rules = new ToneRules(platform.database(), platform.clock(), platform.settings());
        this.api = new ToneApi(rules, new ToneAdvisor(rules, new EmotionDetector()));
    }

    @Override
    public void api(Router<ApiCall> router) {
        api.routes(router);
    }
}
