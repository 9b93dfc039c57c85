package com.replybook.kb.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Json;
import com.replybook.kb.web.RequestBodies;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /console/errors/text} (JSON, CSRF header): the words, in the user's language, for an API error the
 * console's own scripts received ({@code {"status":400,"reason":"synonyms.oneTerm","args":{"line":3}}}, the API's
 * error object plus its HTTP status) as {@code {"text":"第 3 行至少需要两个用逗号分隔的词语。"}}. So the pages that call
 * the API directly show errors through {@link ErrorTexts} too, never the API's English.
 */
final class ErrorTextEndpoint {

    void routes(com.replybook.kb.web.Router<Page> r) {
        r.post("/errors/text", this::text);
    }

    private void text(Page p) throws IOException {
        p.me();
        JsonNode body = Json.MAPPER.readTree(RequestBodies.read(p.request(), 16 * 1024));
        if (body == null || !body.isObject()) throw ApiException.badRequest(null, InputError.NOT_OBJECT);
        String reason = body.path("reason").isTextual() ? body.get("reason").asText() : null;
        Map<String, Object> args = new LinkedHashMap<>();
        body.path("args").fields().forEachRemaining(f -> args.put(f.getKey(), f.getValue().asText()));
        String fallback = ErrorTexts.statusKey(body.path("status").asInt(400));
        p.json(200, Map.of("text", ErrorTexts.text(p.messages(), reason, args, fallback)));
    }
}
