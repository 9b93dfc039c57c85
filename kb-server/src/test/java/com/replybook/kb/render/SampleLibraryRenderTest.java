package com.replybook.kb.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The sample library (src/main/resources/sample) renders cleanly in every tone, channel and emotion. */
class SampleLibraryRenderTest {

    private static final List<String> FILES = List.of("entries.zh-CN.json", "entries.zh-TW.json", "entries.en.json");
    private static final ScriptRenderer RENDERER = new ScriptRenderer();

    @AfterAll
    static void close() {
        RENDERER.close();
    }

    @Test
    void everySampleScriptPassesSaveTimeValidation() throws IOException {
        List<String> failures = new ArrayList<>();
        for (JsonNode entry : entries()) {
            List<ScriptProblem> problems = RENDERER.validate(entry.path("script").asText());
            if (!problems.isEmpty()) {
                failures.add(entry.path("key").asText() + " " + problems);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everySampleEntryInEveryToneChannelAndEmotionRendersWithNoWarningsGivenAFullContext() throws IOException {
        List<String> failures = new ArrayList<>();
        for (JsonNode entry : entries()) {
            String locale = entry.path("locale").asText();
            for (Tone tone : Tone.values()) {
                for (Channel channel : Channel.values()) {
                    for (Emotion emotion : Emotion.values()) {
                        RenderResult reply = RENDERER.render(new RenderRequest(entry.path("script").asText(),
                                locale, tone.id(), channel.id(), emotion.id(), Replies.fullContext(locale)));
                        String label = entry.path("key").asText() + "/" + tone.id() + "/" + channel.id();
                        Replies.assertSendable(reply, label);
                        List<String> warnings = new ArrayList<>(reply.warnings());
                        // A full explanation legitimately takes several SMS segments; the count is for the agent.
                        warnings.removeIf(w -> w.startsWith("sms-segments:"));
                        if (!warnings.isEmpty()) {
                            failures.add(label + " " + warnings);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everySampleEntryRendersWithAnEmptyContextWithoutBrokenText() throws IOException {
        for (JsonNode entry : entries()) {
            for (Channel channel : Channel.values()) {
                RenderResult reply = RENDERER.render(new RenderRequest(entry.path("script").asText(),
                        entry.path("locale").asText(), null, channel.id(), null, null));
                Replies.assertSendable(reply, entry.path("key").asText() + "/" + channel.id());
            }
        }
    }

    private static List<JsonNode> entries() throws IOException {
        List<JsonNode> entries = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String file : FILES) {
            try (InputStream in = SampleLibraryRenderTest.class.getResourceAsStream("/sample/" + file)) {
                assertFalse(in == null, "missing sample/" + file);
                json.readTree(in).forEach(entries::add);
            }
        }
        return entries;
    }
}
