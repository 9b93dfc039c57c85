package com.replybook.kb.vocabulary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupportedLocaleTest {

    @ParameterizedTest
    @CsvSource({
        "zh-CN, ZH_CN", "zh, ZH_CN", "zh-SG, ZH_CN", "zh-Hans-HK, ZH_CN", "zh_cn, ZH_CN",
        "zh-TW, ZH_TW", "zh-HK, ZH_TW", "zh-MO, ZH_TW", "zh-Hant, ZH_TW", "zh_HK, ZH_TW",
        "en, EN", "en-US, EN", "fr-FR, EN", "ja, EN", "'', ZH_CN", "not a tag!, EN"
    })
    void requestedTagsResolveToTheNearestLayoutLocale(String requested, SupportedLocale expected) {
        assertEquals(expected, SupportedLocale.resolve(requested));
    }
}
