package com.replybook.kb.guardrails;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.vocabulary.SupportedLocale;
import com.replybook.kb.web.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The built-in rules a locale starts with, from {@code guardrails/<kind>/<locale>.json} on the classpath (content
 * drawn from the after-sales guides, read through the same validation as a lead's own rules).
 */
public final class Defaults {

    private Defaults() {
    }

    /** The JSON of {@code kind} ({@code wording}, {@code compensation}) for {@code locale}. */
    public static JsonNode read(String kind, SupportedLocale locale) {
        String name = "/guardrails/" + kind + "/" + locale.tag() + ".json";
        try (InputStream in = Defaults.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("Missing built-in rules " + name);
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read built-in rules " + name, e);
        }
    }
}
