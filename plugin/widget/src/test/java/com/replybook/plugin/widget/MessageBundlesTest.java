package com.replybook.plugin.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Guard: the zh-CN, zh-TW and en bundles have the same keys, and every key the widget asks for exists. */
class MessageBundlesTest {

    static JsonNode bundles() throws Exception {
        String js = WidgetFiles.read("replybook-messages.js");
        String json = js.substring(js.indexOf('{', js.indexOf("window.ReplybookMessages")), js.lastIndexOf('}') + 1);
        return new ObjectMapper().readTree(json);
    }

    static Set<String> keys(JsonNode bundle) {
        Set<String> keys = new TreeSet<>();
        bundle.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void everyLocaleHasTheSameKeys() throws Exception {
        JsonNode all = bundles();
        assertEquals(Set.of("en", "zh-CN", "zh-TW"), keys(all));
        Set<String> en = keys(all.get("en"));
        assertEquals(en, keys(all.get("zh-CN")), "zh-CN drifted from en");
        assertEquals(en, keys(all.get("zh-TW")), "zh-TW drifted from en");
    }

    @Test
    void everyLiteralKeyTheWidgetUsesExists() throws Exception {
        Set<String> en = keys(bundles().get("en"));
        Matcher m = Pattern.compile("\\bt\\('([^']+)'\\)").matcher(WidgetFiles.script());
        int seen = 0;
        while (m.find()) {
            seen++;
            assertTrue(en.contains(m.group(1)), "missing message key " + m.group(1));
        }
        assertTrue(seen > 10, "the widget should look up its strings through t(key)");
    }

    @Test
    void everyToneChannelAndEmotionHasALabel() throws Exception {
        Set<String> en = keys(bundles().get("en"));
        for (String k : new String[] {"tone.standard", "tone.warm", "tone.lively", "tone.formal", "channel.chat",
                "channel.email", "channel.sms", "channel.review", "emotion.angry", "emotion.anxious",
                "emotion.disappointed", "emotion.neutral"}) {
            assertTrue(en.contains(k), k);
        }
    }
}
