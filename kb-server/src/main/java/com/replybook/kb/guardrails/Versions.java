package com.replybook.kb.guardrails;

import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;

import java.util.LinkedHashMap;
import java.util.Map;

/** The version fields and headers of a locale's rules in the API: {@code "version"}, {@code ETag}, {@code If-Match}. */
public final class Versions {

    private Versions() {
    }

    /** {@code {"version","updatedAt","updatedBy","defaults"}} of {@code stamp}. */
    public static Map<String, Object> fields(Stamp stamp) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", stamp.version());
        out.put("updatedAt", stamp.updatedAt());
        out.put("updatedBy", stamp.updatedBy());
        out.put("defaults", stamp.isDefault());
        return out;
    }

    public static String etag(Stamp stamp) {
        return "\"" + stamp.version() + "\"";
    }

    /** The version an optional {@code If-Match: "3"} names, or null; 400 when it is not a version. */
    public static Long ifMatch(ApiCall call) {
        String h = call.header("If-Match");
        if (h == null || h.isBlank() || h.strip().equals("*")) return null;
        try {
            return Long.parseLong(h.strip().replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match", GuardrailsError.IF_MATCH);
        }
    }
}
