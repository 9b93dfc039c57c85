package com.replybook.kb.entries;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;

/**
 * The version a write was based on: {@code If-Match: "3"} (the ETag of a GET), or a {@code version} field in the
 * body. Stateless.
 */
final class IfMatch {

    private IfMatch() {
    }

    /** The version; without one, 428: a blind overwrite is exactly what we promise never to do. */
    static long required(ApiCall call, JsonNode body) {
        Long v = optional(call, body);
        if (v == null) {
            throw ApiException.of(428, "precondition_required", "If-Match", EntryError.IF_MATCH_REQUIRED, null);
        }
        return v;
    }

    /**
     * The version when the caller sent one, else null: for workflow steps (submit, publish, send back) that write no
     * text of the caller's, where it is a guard the caller may add ("publish what I reviewed, nothing newer").
     */
    static Long optional(ApiCall call, JsonNode body) {
        String header = call.header("If-Match");
        String raw = header != null ? header.replace("W/", "").replace("\"", "").strip()
                : body != null && body.hasNonNull("version") ? body.get("version").asText() : null;
        if (raw == null || raw.isEmpty()) return null;
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match", EntryError.IF_MATCH_INVALID, header);
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
