package com.replybook.kb.render;

import java.util.Locale;
import java.util.Set;

/** The locales the layouts are written in, and how any requested BCP 47 tag maps onto one of them. */
enum ReplyLocale {
    ZH_CN("zh-CN"),
    ZH_TW("zh-TW"),
    EN("en");

    private static final Set<String> TRADITIONAL_REGIONS = Set.of("TW", "HK", "MO");

    private final String tag;

    ReplyLocale(String tag) {
        this.tag = tag;
    }

    /** The tag used in template file names, e.g. {@code "zh-TW"}. */
    String tag() {
        return tag;
    }

    /**
     * Maps a requested tag onto a layout locale: {@code null}/blank → zh-CN (the product's home locale;
     * callers normally pass the entry's locale), any {@code zh} with Traditional script or a TW/HK/MO region
     * → zh-TW, other {@code zh} → zh-CN, everything else → en. Underscores are accepted ({@code zh_HK}).
     */
    static ReplyLocale resolve(String requested) {
        if (requested == null || requested.isBlank()) {
            return ZH_CN;
        }
        Locale locale = Locale.forLanguageTag(requested.strip().replace('_', '-'));
        if (!"zh".equals(locale.getLanguage())) {
            return EN;
        }
        boolean traditional = "Hant".equals(locale.getScript())
                || (locale.getScript().isEmpty() && TRADITIONAL_REGIONS.contains(locale.getCountry()));
        return traditional ? ZH_TW : ZH_CN;
    }

    /** True for the Chinese locales, whose text joins without spaces. */
    boolean isChinese() {
        return this != EN;
    }
}
