package com.replybook.kb.cases;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/cases}: the plugin captures a case from a ticket (any signed-in role: agents find the
 * good conversations; leads curate them later). {@code GET /api/v1/cases/{id}} reads one back (editors and up).
 * The excerpt is cleaned and masked before it is stored; the response shows exactly what was stored.
 */
public final class CaseServlet extends JsonServlet {

    private final CaseStore store;
    private final CaseParser parser;

    public CaseServlet(CaseStore store, CaseParser parser) {
        this.store = store;
        this.parser = parser;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal me = Principal.of(req).require(Role.AGENT);
        if (!pathSegments(req).isEmpty()) throw ApiException.notFound("No such resource: " + req.getRequestURI());
        CaseParser.Result r = parser.parse(readObject(req));
        if (!r.ok()) throw ApiException.invalid(r.errors());
        Case created = store.create(r.draft(), me.username());
        resp.setHeader("Location", req.getRequestURI() + "/" + created.id());
        writeJson(resp, 201, created);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal.of(req).require(Role.EDITOR);
        List<String> path = pathSegments(req);
        if (path.isEmpty()) {
            writeJson(resp, 200, Map.of("cases", store.list(req.getParameter("q"), req.getParameter("tag"))));
        } else if (path.size() == 1) {
            writeJson(resp, 200, store.find(path.getFirst()).orElseThrow(() -> ApiException.notFound("No case " + path.getFirst())));
        } else {
            throw ApiException.notFound("No such resource: " + req.getRequestURI());
        }
    }
}
