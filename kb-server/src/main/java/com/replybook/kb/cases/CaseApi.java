package com.replybook.kb.cases;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /api/v1/cases}: the plugin captures a case from a ticket (any signed-in role: agents find the
 * good conversations; leads curate them later). {@code GET /api/v1/cases/{id}} reads one back (editors and up).
 * The excerpt is cleaned and masked before it is stored; the response shows exactly what was stored.
 */
final class CaseApi {

    private final CaseStore store;
    private final CaseParser parser;

    CaseApi(CaseStore store, CaseParser parser) {
        this.store = store;
        this.parser = parser;
    }

    void routes(Router<ApiCall> api) {
        api.post("/api/v1/cases", this::create)
                .get("/api/v1/cases", this::list)
                .get("/api/v1/cases/{id}", this::read);
    }

    private void create(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        CaseParser.Result r = parser.parse(call.readObject());
        if (!r.ok()) throw ApiException.invalid(r.errors());
        Case created = store.create(r.draft(), me.username());
        call.setHeader("Location", call.request().getRequestURI() + "/" + created.id());
        call.json(201, created);
    }

    private void list(ApiCall call) throws IOException {
        Principal.of(call).require(Role.EDITOR);
        call.json(200, Map.of("cases", store.list(call.request().getParameter("q"), call.request().getParameter("tag"))));
    }

    private void read(ApiCall call) throws IOException {
        Principal.of(call).require(Role.EDITOR);
        String id = call.path("id");
        call.json(200, store.find(id).orElseThrow(() -> ApiException.notFound(CaseError.NOT_FOUND, id)));
    }
}
