package com.replybook.kb.render;

import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.ScriptVariables;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.vocabulary.Tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules that span the template files: the layout set is complete, in sync, and never blames or dismisses. */
class TemplatesGuardTest {

    /** Phrases that deny the customer's feeling or shift blame (PRODUCT.md §1). */
    private static final List<String> FORBIDDEN = List.of(
            "别生气", "別生氣", "不要生气", "不要生氣", "别着急", "別著急", "别急", "別急", "冷静", "冷靜",
            "快递的错", "快遞的錯", "快递公司的问题", "物流不受我们控制", "物流不受我們控制", "已转交相关部门",
            "已轉交相關部門", "calm down", "don't be upset", "do not be upset", "courier's fault",
            "carrier's fault", "out of our control", "beyond our control", "not our fault");

    @Test
    void everyLayoutFileIsAKnownToneOrChannelInAKnownLocale() throws IOException {
        Set<String> expected = new HashSet<>();
        for (SupportedLocale locale : SupportedLocale.values()) {
            for (Tone tone : Tone.values()) {
                expected.add("tone/" + tone.id() + "." + locale.tag() + ".ftl");
            }
            for (Channel channel : Channel.values()) {
                expected.add("channel/" + channel.id() + "." + locale.tag() + ".ftl");
            }
            expected.add("channel/email." + locale.tag() + ".ftlh");
            expected.add("variables/" + locale.tag() + ".properties");
        }
        assertEquals(expected, new HashSet<>(templateFiles().stream()
                .filter(f -> !f.endsWith(".md")).toList()));
    }

    @Test
    void noTemplateDeniesTheCustomersFeelingOrBlamesTheCourier() throws IOException {
        List<String> hits = new ArrayList<>();
        for (String file : templateFiles().stream().filter(f -> !f.endsWith(".md")).toList()) {
            String text = Files.readString(templatesDir().resolve(file)).toLowerCase();
            FORBIDDEN.stream().filter(phrase -> text.contains(phrase.toLowerCase()))
                    .forEach(phrase -> hits.add(file + ": " + phrase));
        }
        assertEquals(List.of(), hits);
    }

    @Test
    void variableWordsHaveTheSameKeysInEveryLocale() throws IOException {
        Map<String, Set<Object>> keys = new TreeMap<>();
        for (SupportedLocale locale : SupportedLocale.values()) {
            Properties words = new Properties();
            try (Reader in = Files.newBufferedReader(
                    templatesDir().resolve("variables/" + locale.tag() + ".properties"), StandardCharsets.UTF_8)) {
                words.load(in);
            }
            keys.put(locale.tag(), words.keySet());
        }
        assertEquals(keys.get("zh-CN"), keys.get("zh-TW"));
        assertEquals(keys.get("zh-CN"), keys.get("en"));
    }

    @Test
    void everyDocumentedVariableHasAFallbackOrAFillInLabel() throws IOException {
        Properties words = new Properties();
        try (Reader in = Files.newBufferedReader(templatesDir().resolve("variables/en.properties"))) {
            words.load(in);
        }
        for (String variable : ScriptVariables.ALL) {
            assertTrue(words.containsKey("fallback." + variable) || words.containsKey("label." + variable), variable);
        }
    }

    @Test
    void aTemplateDirectoryOverridesTheBuiltInLayout(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("tone"));
        Files.writeString(dir.resolve("tone/standard.en.ftl"), Files.readString(
                templatesDir().resolve("tone/standard.en.ftl")).replace("Hi there,", "Greetings,"));

        try (ScriptRenderer renderer = new ScriptRenderer(RenderSettings.defaults().withTemplateDir(dir))) {
            assertTrue(renderer.render(RenderRequest.of("Noted.", "en", Map.of())).text().startsWith("Greetings,"));
        }
    }

    @Test
    void aBrokenOverrideFailsAtStartUpNamingTheFile(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("channel"));
        Files.writeString(dir.resolve("channel/sms.en.ftl"), "<#if>");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new ScriptRenderer(RenderSettings.defaults().withTemplateDir(dir)).close());
        assertTrue(e.getMessage().contains("channel/sms.en.ftl"), e.getMessage());
    }

    private static Path templatesDir() {
        try {
            return Path.of(ScriptRenderer.class.getClassLoader().getResource("templates").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> templateFiles() throws IOException {
        Path root = templatesDir();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
