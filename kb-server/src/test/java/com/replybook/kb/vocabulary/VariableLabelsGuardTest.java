package com.replybook.kb.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One name per variable and locale: the renderer's fill-in marker ({@code templates/variables}), the widget's
 * prompts ({@code replybook-messages.js}) and the console's variable buttons ({@code i18n/console*}) call
 * {@code tracking.no} the same (not 运单号 here, 物流单号 there and 快递单号 in the reply).
 */
class VariableLabelsGuardTest {

    /** Locale → the console bundle's suffix. */
    private static final Map<String, String> CONSOLE = Map.of("en", "", "zh-CN", "_zh_CN", "zh-TW", "_zh_TW");

    @Test
    void everyVariableHasTheSameLabelInTheReplyTheWidgetAndTheConsole() throws IOException {
        JsonNode widget = widgetBundles();
        List<String> drift = new ArrayList<>();
        for (SupportedLocale locale : SupportedLocale.values()) {
            Properties reply = properties("templates/variables/" + locale.tag() + ".properties");
            Properties console = properties("i18n/console" + CONSOLE.get(locale.tag()) + ".properties");
            for (String variable : ScriptVariables.ALL) {
                String label = reply.getProperty("label." + variable);
                String prompt = widget.path(locale.tag()).path("var." + variable).asText(null);
                String button = console.getProperty("var." + variable);
                if (label == null || !label.equals(prompt) || !label.equals(button)) {
                    drift.add(locale.tag() + " " + variable + ": reply '" + label + "', widget '" + prompt
                            + "', console '" + button + "'");
                }
            }
        }
        assertTrue(drift.isEmpty(), "one label per variable and locale:\n" + String.join("\n", drift));
    }

    @Test
    void exactlyTheVariablesThatMayFallBackHaveAStandInWord() throws IOException {
        for (SupportedLocale locale : SupportedLocale.values()) {
            Set<String> standIns = new TreeSet<>();
            for (String key : properties("templates/variables/" + locale.tag() + ".properties").stringPropertyNames()) {
                if (key.startsWith("fallback.")) standIns.add(key.substring("fallback.".length()));
            }
            assertEquals(new TreeSet<>(ScriptVariables.WITH_FALLBACK), standIns, locale.tag());
        }
    }

    private static Properties properties(String resource) throws IOException {
        try (InputStream in = open(resource)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    /** The widget's bundles, from the plugin-widget jar kb-server serves. */
    private static JsonNode widgetBundles() throws IOException {
        try (InputStream in = open("META-INF/resources/plugin/replybook-messages.js")) {
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ObjectMapper().readTree(js.substring(js.indexOf('{', js.indexOf("window.ReplybookMessages")),
                    js.lastIndexOf('}') + 1));
        }
    }

    private static InputStream open(String resource) {
        InputStream in = VariableLabelsGuardTest.class.getClassLoader().getResourceAsStream(resource);
        assertNotNull(in, resource + " is not on the classpath");
        return in;
    }
}
