package com.replybook.kb.vocabulary;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One name per variable and locale: the renderer's fill-in marker ({@code templates/variables}), the widget's
 * prompts ({@code replybook-messages.js}) and the console's variable buttons ({@code i18n/console*}) call
 * {@code tracking.no} the same (not 运单号 here, 物流单号 there and 快递单号 in the reply). Reads the source files
 * (the widget's from its module), so that it checks what is being edited, not a jar built earlier.
 */
class VariableLabelsGuardTest {

    private static final Path TEMPLATES = Path.of("../templates/variables");
    private static final Path CONSOLE_BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path WIDGET_BUNDLES =
            Path.of("../plugin/widget/src/main/resources/META-INF/resources/plugin/replybook-messages.js");

    /** Locale → the console bundle's suffix. */
    private static final Map<String, String> CONSOLE = Map.of("en", "", "zh-CN", "_zh_CN", "zh-TW", "_zh_TW");

    @Test
    void everyVariableHasTheSameLabelInTheReplyTheWidgetAndTheConsole() throws IOException {
        JsonNode widget = widgetBundles();
        List<String> drift = new ArrayList<>();
        for (SupportedLocale locale : SupportedLocale.values()) {
            Properties reply = properties(TEMPLATES.resolve(locale.tag() + ".properties"));
            Properties console = properties(CONSOLE_BUNDLES.resolve("console" + CONSOLE.get(locale.tag()) + ".properties"));
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
            for (String key : properties(TEMPLATES.resolve(locale.tag() + ".properties")).stringPropertyNames()) {
                if (key.startsWith("fallback.")) standIns.add(key.substring("fallback.".length()));
            }
            assertEquals(new TreeSet<>(ScriptVariables.WITH_FALLBACK), standIns, locale.tag());
        }
    }

    private static Properties properties(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Properties p = new Properties();
            p.load(in);
            return p;
        }
    }

    /** The widget's bundles: the JSON object literal of replybook-messages.js. */
    private static JsonNode widgetBundles() throws IOException {
        String js = Files.readString(WIDGET_BUNDLES, StandardCharsets.UTF_8);
        return new ObjectMapper().readTree(js.substring(js.indexOf('{', js.indexOf("window.ReplybookMessages")),
                js.lastIndexOf('}') + 1));
    }
}
