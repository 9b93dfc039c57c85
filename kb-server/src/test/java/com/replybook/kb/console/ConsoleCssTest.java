package com.replybook.kb.console;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The console's style sheet closes every block it opens. A browser reads an unclosed {@code @media} block to the end
 * of the file, so every rule after it silently applies only at that width (a merge once left the phone header's
 * block open, and the editor lost its preview column on desktops). Rules inside a block are indented; a rule that
 * starts a line is expected at the top level.
 */
class ConsoleCssTest {

    static final Path CSS = Path.of("src/main/resources/console/static/console.css");

    @Test
    void everyRuleThatStartsALineIsOutsideAnyOpenBlock() throws IOException {
        String css = java.util.regex.Pattern.compile("(?s)/\\*.*?\\*/").matcher(Files.readString(CSS))
                .replaceAll(m -> m.group().replaceAll("[^\\n]", " "));
        List<String> nested = new ArrayList<>();
        int depth = 0;
        String[] lines = css.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            boolean startsARule = !line.isBlank() && !Character.isWhitespace(line.charAt(0)) && line.charAt(0) != '}';
            if (startsARule && depth > 0) nested.add("line " + (i + 1) + ": " + line.strip());
            for (char c : line.toCharArray()) depth += c == '{' ? 1 : c == '}' ? -1 : 0;
        }
        assertEquals(List.of(), nested.stream().limit(3).toList(), "rules inside a block left open above them");
        assertEquals(0, depth, "blocks opened and closed");
    }
}
