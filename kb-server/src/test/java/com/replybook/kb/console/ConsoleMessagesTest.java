package com.replybook.kb.console;

import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.ScriptVariables;
import com.replybook.kb.vocabulary.Tone;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guards for rules that span files: the three bundles agree, and templates hold no hard-coded UI text. */
class ConsoleMessagesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/console");

    static Set<String> keys(String suffix) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ConsoleMessagesTest.class.getResourceAsStream("/i18n/console" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }

    @Test
    void theThreeBundlesHaveExactlyTheSameKeys() throws IOException {
        Set<String> en = keys("");
        assertEquals(en, keys("_zh_CN"), "zh-CN differs from en");
        assertEquals(en, keys("_zh_TW"), "zh-TW differs from en");
    }

    @Test
    void everyTermOfTheVocabularyHasItsLabel() throws IOException {
        Set<String> en = keys("");
        List<String> missing = new ArrayList<>();
        for (String v : ScriptVariables.ALL) if (!en.contains("var." + v)) missing.add("var." + v);
        for (String t : Tone.IDS) if (!en.contains("tone." + t)) missing.add("tone." + t);
        for (String c : Channel.IDS) if (!en.contains("channel." + c)) missing.add("channel." + c);
        assertEquals(List.of(), missing);
    }

    @Test
    void everyKeyATemplateNamesLiterallyExists() throws IOException {
        Set<String> en = keys("");
        Pattern call = Pattern.compile("t\\(\"([a-zA-Z0-9._]+)\"\\s*[,)]");
        List<String> missing = new ArrayList<>();
        for (Path f : templates()) {
            Matcher m = call.matcher(Files.readString(f));
            while (m.find()) if (!en.contains(m.group(1))) missing.add(f + ": " + m.group(1));
        }
        assertTrue(missing.isEmpty(), missing.toString());
    }

    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        List<String> offenders = new ArrayList<>();
        Pattern attr = Pattern.compile("(placeholder|title|aria-label|alt)=\"([^\"]*)\"");
        for (Path f : templates()) {
            String s = Files.readString(f);
            Matcher a = attr.matcher(s);
            while (a.find()) if (!a.group(2).isEmpty() && !a.group(2).startsWith("${")) offenders.add(f + ": " + a.group());
            String text = s.replaceAll("(?s)<#--.*?-->", "")
                    .replaceAll("\\$\\{[^}]*}", "")
                    .replaceAll("(?s)</?[#@][^>]*>", "")
                    .replaceAll("(?s)<[^>]*>", "")
                    .replaceAll("&[a-z]+;", "");
            for (String line : text.split("\n")) {
                if (line.codePoints().anyMatch(Character::isLetter)) offenders.add(f + ": " + line.strip());
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    @Test
    void languagesResolveToTheThreeBundles() {
        assertEquals("zh-TW", Messages.resolve("zh-HK"));
        assertEquals("zh-CN", Messages.resolve("zh"));
        assertEquals("en", Messages.resolve("fr-FR"));
        assertEquals("第 3 行第 7 列：x", Messages.forTag("zh-CN").get("script.problemAt", 3, 7, "x"));
    }

    static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            return s.filter(p -> p.toString().endsWith(".ftlh")).toList();
        }
    }
}
