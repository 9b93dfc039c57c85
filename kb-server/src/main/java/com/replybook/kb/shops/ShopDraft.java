package com.replybook.kb.shops;

import java.util.List;
import java.util.Map;

/** The fields of a shop an admin supplies, validated by {@link ShopParser}; the server sets the rest. */
record ShopDraft(String key, String name, List<String> locales, String signature, Map<String, String> greetings,
                 Map<String, String> closings, Map<String, String> layouts) {

    /** This draft's fields on top of {@code current}: what a {@code PUT} leaves out stays as it was. */
    static ShopDraft over(Shop current, ShopDraft given, java.util.Set<String> sent) {
        return new ShopDraft(current.key(),
                sent.contains("name") ? given.name : current.name(),
                sent.contains("locales") ? given.locales : current.locales(),
                sent.contains("signature") ? given.signature : current.signature(),
                sent.contains("greetings") ? given.greetings : current.greetings(),
                sent.contains("closings") ? given.closings : current.closings(),
                sent.contains("layouts") ? given.layouts : current.layouts());
    }
}
