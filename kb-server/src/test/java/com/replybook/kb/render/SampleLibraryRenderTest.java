package com.replybook.kb.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.replybook.kb.entries.ScriptVersions;
import com.replybook.kb.vocabulary.Channel;
import com.replybook.kb.vocabulary.Emotion;
import com.replybook.kb.vocabulary.Tone;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The sample library (src/main/resources/sample) renders cleanly in every tone, channel and emotion, and its SMS
 * replies, rendered from the entries' short SMS versions, go out as one message in the standard tone (two at most
 * in the others, whose greetings and openers are longer).
 */
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
            for (String field : List.of("script", "smsScript", "reviewScript")) {
                List<ScriptProblem> problems = RENDERER.validate(entry.path(field).asText());
                if (!problems.isEmpty()) {
                    failures.add(entry.path("key").asText() + " " + field + " " + problems);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void everySampleEntryInEveryToneChannelAndEmotionRendersWithNoWarningsAndAsOneSmsGivenAFullContext()
            throws IOException {
        List<String> failures = new ArrayList<>();
        for (JsonNode entry : entries()) {
            String locale = entry.path("locale").asText();
            for (Tone tone : Tone.values()) {
                for (Channel channel : Channel.values()) {
                    for (Emotion emotion : Emotion.values()) {
                        RenderResult reply = RENDERER.render(new RenderRequest(scriptFor(entry, channel),
                                locale, tone.id(), channel.id(), emotion.id(), Replies.fullContext(locale)));
                        String label = entry.path("key").asText() + "/" + tone.id() + "/" + channel.id() + "/"
                                + emotion.id();
                        Replies.assertSendable(reply, label);
                        // SMS openers and greetings of the other tones are longer: two messages at most there.
                        if (tone != Tone.STANDARD && reply.warnings().equals(List.of("sms-segments:2"))) continue;
                        if (!reply.warnings().isEmpty()) {
                            failures.add(label + " " + reply.warnings() + (channel == Channel.SMS
                                    ? " " + reply.characters() + " characters: " + reply.text() : ""));
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
                RenderResult reply = RENDERER.render(new RenderRequest(scriptFor(entry, channel),
                        entry.path("locale").asText(), null, channel.id(), null, null));
                Replies.assertSendable(reply, entry.path("key").asText() + "/" + channel.id());
            }
        }
    }

    /** What the server renders for {@code channel}: the entry's version for it when it has one. */
    private static String scriptFor(JsonNode entry, Channel channel) {
        return new ScriptVersions(entry.path("script").asText(), entry.path("smsScript").asText(""),
                entry.path("reviewScript").asText("")).forChannel(channel.id()).text();
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
