package com.replybook.kb.guardrails.wording;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.guardrails.Defaults;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.Json;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sample library is what a new shop starts from, and the model its editors copy: not one of its scripts, SMS or
 * review versions uses wording the built-in rules block or warn about.
 */
class SampleLibraryWordingTest {

    @Test
    void theSampleLibrarySpeaksAsTheGuidesAsk() throws Exception {
        List<String> found = new ArrayList<>();
        for (SupportedLocale locale : SupportedLocale.values()) {
            WordingRules rules = new WordingRules(locale.tag(), WordingParser.parse(Defaults.read("wording", locale)));
            try (InputStream in = getClass().getResourceAsStream("/sample/entries." + locale.tag() + ".json")) {
                for (JsonNode entry : Json.MAPPER.readTree(in)) {
                    for (String field : List.of("script", "smsScript", "reviewScript")) {
                        String text = entry.path(field).asText("");
                        rules.findInScript(text).forEach(f -> found.add(entry.get("key").asText() + " " + field + ": "
                                + f.severity().wire() + " '" + f.text() + "' (" + f.phrase() + ")"));
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
