package com.replybook.kb.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /api/v1/synonyms/{locale}} → {@code {"locale","rules":["快递, 物流, 包裹", …],"updatedAt","updatedBy"}};
 * {@code PUT} the same shape (editor or above) replaces the list and takes effect at once.
 */
final class SynonymServlet extends JsonServlet {

    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
    static final int MAX_RULES = 5_000;
    private final SynonymService synonyms;

    SynonymServlet(SynonymService synonyms) {
        this.synonyms = synonyms;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String locale = locale(req);
        var stored = synonyms.get(locale).orElse(new SynonymStore.Stored(locale, "", null, null));
        writeJson(resp, 200, body(stored));
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal caller = Principal.of(req).require(Role.EDITOR);
        String locale = locale(req);
        JsonNode rules = readObject(req).get("rules");
        if (rules == null || !rules.isArray()) {
            throw ApiException.badRequest("rules", "rules must be an array of lines such as \"快递, 物流, 包裹\"");
        }
        if (rules.size() > MAX_RULES) throw ApiException.badRequest("rules", "At most " + MAX_RULES + " rules");
        List<String> lines = new ArrayList<>();
        for (JsonNode r : rules) {
            if (!r.isTextual() || r.asText().contains("\n")) {
                throw ApiException.badRequest("rules", "Each rule must be one line of text");
            }
            lines.add(r.asText());
        }
        try {
            writeJson(resp, 200, body(synonyms.replace(locale, String.join("\n", lines), caller.username())));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("rules", e.getMessage());
        }
    }

    private static String locale(HttpServletRequest req) {
        String path = req.getPathInfo();
        String locale = path == null ? "" : path.substring(1);
        if (!LOCALE.matcher(locale).matches()) {
            throw ApiException.badRequest("locale", "Give a BCP 47 locale in the path, e.g. /api/v1/synonyms/zh-CN");
        }
        return locale;
    }

    private static Map<String, Object> body(SynonymStore.Stored s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("locale", s.locale());
        out.put("rules", s.rules().isEmpty() ? List.of() : List.of(s.rules().split("\n")));
        out.put("updatedAt", s.updatedAt());
        out.put("updatedBy", s.updatedBy());
        return out;
    }
}
