package com.replybook.kb.vocabulary;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The languages the product is written in: content, reply layouts and the console's UI. Any requested BCP 47 tag
 * maps onto one of them by one rule ({@link #resolve}).
 */
public enum SupportedLocale implements Term {
    ZH_CN("zh-CN"),
    ZH_TW("zh-TW"),
    EN("en");

    /** The product's home locale: the default wherever none is given. */
    public static final SupportedLocale HOME = ZH_CN;
    /** Every tag, in order: {@code [zh-CN, zh-TW, en]}. */
    public static final List<String> TAGS = List.of(ZH_CN.tag, ZH_TW.tag, EN.tag);
    private static final Set<String> TRADITIONAL_REGIONS = Set.of("TW", "HK", "MO");

    private final String tag;

    SupportedLocale(String tag) {
        this.tag = tag;
    }

    /** The BCP 47 tag, as used in template file names and entries, e.g. {@code "zh-TW"}. */
    public String tag() {
        return tag;
    }

    @Override
    @JsonValue
    public String id() {
        return tag;
    }

    /**
     * Maps a requested tag onto a supported locale: {@code null}/blank → zh-CN (the product's home locale), any
     * {@code zh} with Traditional script or a TW/HK/MO region → zh-TW, other {@code zh} → zh-CN, everything else
     * → en. Underscores are accepted ({@code zh_HK}).
     */
    public static SupportedLocale resolve(String requested) {
        if (requested == null || requested.isBlank()) return HOME;
        Locale locale = Locale.forLanguageTag(requested.strip().replace('_', '-'));
        if (!"zh".equals(locale.getLanguage())) return EN;
        boolean traditional = "Hant".equals(locale.getScript())
                || (locale.getScript().isEmpty() && TRADITIONAL_REGIONS.contains(locale.getCountry()));
        return traditional ? ZH_TW : ZH_CN;
    }

    /** True for the Chinese locales, whose text joins without spaces. */
    public boolean isChinese() {
        return this != EN;
    }
}
