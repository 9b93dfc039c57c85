package com.replybook.kb.search;

import com.replybook.kb.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/** {@code GET /api/v1/suggest?q=&limit=8&locale=}: type-ahead from the first character → {@code {"suggestions":[…]}}. */
final class SuggestServlet extends JsonServlet {

    static final int DEFAULT_LIMIT = 8;
    private final SearchService search;

    SuggestServlet(SearchService search) {
        this.search = search;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SearchRequest request = SearchParams.read(req, DEFAULT_LIMIT);
        writeJson(resp, 200, Map.of("suggestions", search.ready().searcher().suggest(request)));
    }
}
