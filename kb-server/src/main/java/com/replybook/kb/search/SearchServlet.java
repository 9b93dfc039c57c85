package com.replybook.kb.search;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code GET /api/v1/search?q=&limit=10&locale=&category=&tags=&status=} and {@code POST /api/v1/search/ticket}.
 * Any authenticated user; agents see published entries only. 503 while the index is being rebuilt.
 */
final class SearchServlet extends JsonServlet {

    static final int DEFAULT_LIMIT = 10;
    private final SearchService search;

    SearchServlet(SearchService search) {
        this.search = search;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getPathInfo() != null && !req.getPathInfo().equals("/")) throw ApiException.notFound("No such search resource");
        SearchRequest request = SearchParams.read(req, DEFAULT_LIMIT);
        writeJson(resp, 200, search.ready().search(request));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/ticket".equals(req.getPathInfo())) throw ApiException.notFound("POST /api/v1/search/ticket is the only POST here");
        Ticket ticket = readJson(req, Ticket.class);
        if (ticket == null) throw ApiException.badRequest(null, "Expected a ticket: {subject, messages:[{author, text}]}");
        if (ticket.limit() != null) SearchParams.limit(ticket.limit().toString(), 5);
        for (int i = 0; i < ticket.messages().size(); i++) {
            if (ticket.messages().get(i) == null || ticket.messages().get(i).text() == null) {
                throw ApiException.badRequest("messages[" + i + "].text", "Every message needs a text");
            }
        }
        var statuses = SearchParams.statuses(req.getParameter("status"), Principal.of(req));
        writeJson(resp, 200, search.ready().searchTicket(ticket, statuses));
    }
}
