package com.replybook.kb.shops;

import com.replybook.kb.web.ErrorCode;

/** Messages about shops, their voice and the settings a shop keeps for itself (see {@link ErrorCode}). */
public enum ShopError implements ErrorCode {
    NOT_FOUND("shop.notFound", "No shop '{key}'", "key"),
    KEY_TAKEN("shop.keyTaken", "A shop with key '{key}' already exists", "key"),
    KEY_PATTERN("shop.keyPattern", "key must be lower-case letters, digits, - and _ (at most 64), e.g. tmall-flagship"),
    KEY_FIXED("shop.keyFixed", "A shop's key never changes; send '{key}' or leave key out", "key"),
    CHANGED("shop.changed", "The shop was changed by someone else meanwhile; it is now at version {version}. Reload "
            + "it and make your change again.", "version"),
    IF_MATCH("shop.ifMatch", "If-Match must be a shop version such as \"3\", was {value}", "value"),
    LOCALE("shop.locale", "locales lists '{locale}'; use {locales}", "locale", "locales"),
    TONE_LAYOUT("shop.toneLayout", "A shop's tone is its greetings, closings and signature; its layouts are channel "
            + "layouts such as channel/chat.en.ftl or channel/email.zh-TW.ftlh"),
    NOT_A_LAYOUT("shop.notALayout", "'{path}' is not a channel layout; use a path such as channel/chat.en.ftl, "
            + "channel/sms.zh-CN.ftl or channel/email.zh-TW.ftlh", "path"),
    SETTING_LIMITED("shop.settingLimited", "You work for {yours} only; change your shop's own copy with ?shop={shop} "
            + "(the shared one is used by other shops too)", "yours", "shop"),
    SETTING_NAME_SHOP("shop.settingNameShop", "Name the shop whose own copy to remove with ?shop=; the shared copy is "
            + "replaced with PUT, never removed"),
    SETTING_NONE_OWN("shop.settingNoneOwn", "'{key}' keeps no copy of its own; it uses the shared one", "key");

    private final Def def;

    ShopError(String code, String english, String... args) {
        this.def = new Def(code, english, args);
    }

    @Override
    public Def def() {
        return def;
    }
}
