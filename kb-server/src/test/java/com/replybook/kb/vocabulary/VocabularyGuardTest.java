package com.replybook.kb.vocabulary;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The product's words are defined once, in this package: no other main source spells a tone, a channel, a
 * supported locale or the stale rule's day length as a literal (comments aside), so lists cannot drift apart.
 */
class VocabularyGuardTest {

    private static final Path MAIN = Path.of("src/main/java/com/replybook/kb");
    private static final Pattern WORD = Pattern.compile(
            "\"(standard|warm|lively|formal|chat|email|sms|review|zh-CN|zh-TW)\"|86_?400");

    @Test
    void noMainSourceOutsideTheVocabularySpellsItsWords() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.startsWith(MAIN.resolve("vocabulary"))) continue;
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    if (code.startsWith("*") || code.startsWith("/*") || code.startsWith("//")) continue;
                    Matcher m = WORD.matcher(code.replaceAll("//.*$", ""));
                    if (m.find()) found.add(MAIN.relativize(f) + ":" + (i + 1) + " " + m.group());
                }
            }
        }
        assertTrue(Files.isDirectory(MAIN), "run from the kb-server module");
        assertEquals(List.of(), found, "use com.replybook.kb.vocabulary instead of spelling these again");
    }
}
