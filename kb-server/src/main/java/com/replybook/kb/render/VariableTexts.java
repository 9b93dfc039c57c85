package com.replybook.kb.render;

import com.replybook.kb.vocabulary.ScriptVariables;
import com.replybook.kb.vocabulary.SupportedLocale;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The locale's words for script variables, from {@code templates/variables/<locale>.properties}: a silent
 * fallback where the sentence still reads naturally without the value (e.g. {@code product.name} → 商品),
 * otherwise a label for the agent-must-fill marker (e.g. {@code 【请填写：订单号】}); and a sample value of every
 * variable, for previews and trial renders. Immutable.
 */
final class VariableTexts {

    private final Properties words;

    private VariableTexts(Properties words) {
        this.words = words;
    }

    static VariableTexts load(Path templateDir, SupportedLocale locale) {
        String name = "variables/" + locale.tag() + ".properties";
        Properties words = new Properties();
        try (Reader reader = open(templateDir, name)) {
            words.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read templates/" + name + ": " + e.getMessage(), e);
        }
        if (!words.containsKey("fill.marker")) {
            throw new IllegalStateException("templates/" + name + " lacks the key fill.marker");
        }
        for (String variable : ScriptVariables.ALL) {
            if (!words.containsKey("sample." + variable)) {
                throw new IllegalStateException("templates/" + name + " lacks the key sample." + variable);
            }
        }
        return new VariableTexts(words);
    }

    private static Reader open(Path templateDir, String name) throws IOException {
        if (templateDir != null && Files.isRegularFile(templateDir.resolve(name))) {
            return Files.newBufferedReader(templateDir.resolve(name), StandardCharsets.UTF_8);
        }
        InputStream in = VariableTexts.class.getClassLoader().getResourceAsStream("templates/" + name);
        if (in == null) {
            throw new IOException("not found on the classpath");
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** The natural stand-in for a missing value, or {@code null} when the agent must fill it in. */
    String fallback(String variable) {
        return words.getProperty("fallback." + variable);
    }

    /** Every documented variable's sample value, in {@link ScriptVariables#ALL} order, e.g. {@code order.amount → 199.00}. */
    Map<String, String> samples() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String variable : ScriptVariables.ALL) out.put(variable, words.getProperty("sample." + variable));
        return out;
    }

    /** The visible agent-must-fill marker, e.g. {@code 【请填写：订单号】}. */
    String marker(String variable) {
        String label = words.getProperty("label." + variable, variable);
        return MessageFormat.format(words.getProperty("fill.marker"), label);
    }
}
