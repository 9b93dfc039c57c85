package com.replybook.kb.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Json;
import com.replybook.kb.web.RequestBodies;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /console/errors/text} (JSON, CSRF header): the words, in the user's language, for an API error the
 * console's own scripts received ({@code {"status":400,"reason":"synonyms.oneTerm","args":{"line":3}}}, the API's
 * error object plus its HTTP status) as {@code {"text":"第 3 行至少需要两个用逗号分隔的词语。"}}; or, for the field errors of
 * one answer, {@code {"status":422,"errors":[{"reason","args"},…]}} as {@code {"texts":[…]}} in the same order. So the pages that call
 * the API directly show errors through {@link ErrorTexts} too, never the API's English.
 */
final class ErrorTextEndpoint {

    /** A rules table's save may name a problem in each of its hundreds of rows. */
    private static final int MAX_ERRORS = 1000;
    private static final int MAX_BODY = 256 * 1024;

    void routes(com.replybook.kb.web.Router<Page> r) {
        r.post("/errors/text", this::text);
    }

    private void text(Page p) throws IOException {
        p.me();
        JsonNode body = Json.MAPPER.readTree(RequestBodies.read(p.request(), MAX_BODY));
        if (body == null || !body.isObject()) throw ApiException.badRequest(null, InputError.NOT_OBJECT);
        String fallback = ErrorTexts.statusKey(body.path("status").asInt(400));
        JsonNode errors = body.get("errors");
        if (errors == null) {
            p.json(200, Map.of("text", text(p, body, fallback)));
            return;
        }
        if (!errors.isArray()) throw ApiException.badRequest("errors", InputError.NOT_ARRAY, "errors");
        if (errors.size() > MAX_ERRORS) throw ApiException.badRequest("errors", InputError.TOO_MANY_ITEMS, "errors", MAX_ERRORS);
        List<String> texts = new ArrayList<>();
        errors.forEach(e -> texts.add(text(p, e, "error.fieldInvalid")));
        p.json(200, Map.of("texts", texts));
    }

    private static String text(Page p, JsonNode error, String fallback) {
        String reason = error.path("reason").isTextual() ? error.get("reason").asText() : null;
        Map<String, Object> args = new LinkedHashMap<>();
        error.path("args").fields().forEachRemaining(f -> args.put(f.getKey(), f.getValue().asText()));
        return ErrorTexts.text(p.messages(), reason, args, fallback);
    }
}
