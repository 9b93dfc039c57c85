package com.replybook.kb.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.Map;

/**
 * {@code POST /api/v1/cases}: the plugin captures a case from a ticket (any signed-in role: agents find the
 * good conversations; leads curate them later). {@code GET /api/v1/cases/{id}} reads one back (editors and up).
 * The excerpt is cleaned and masked before it is stored; the response shows exactly what was stored.
 * A case belongs to the {@code shop} it names (checked: it exists and the caller works for it), else to the caller's
 * one shop when they work for exactly one, else to every shop; a reader limited to shops lists and reads only their
 * shops' cases and those of every shop (another shop's is "not found"), narrowed with {@code ?shop=}.
 */
final class CaseApi {

    private final CaseStore store;
    private final CaseParser parser;
    private final KnownShops shops;

    CaseApi(CaseStore store, CaseParser parser, KnownShops shops) {
        this.store = store;
        this.parser = parser;
        this.shops = shops;
    }

    void routes(Router<ApiCall> api) {
        api.post("/api/v1/cases", this::create)
                .get("/api/v1/cases", this::list)
                .get("/api/v1/cases/{id}", this::read);
    }

    private void create(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.AGENT);
        JsonNode body = call.readObject();
        String shop = shops.recordedIn(me, KnownShops.named(body), "shop");
        CaseParser.Result r = parser.parse(body);
        if (!r.ok()) throw ApiException.invalid(r.errors());
        Case created = store.create(r.draft().inShop(shop), me.username());
        call.setHeader("Location", call.request().getRequestURI() + "/" + created.id());
        call.json(201, created);
    }

    private void list(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.EDITOR);
        String shop = shops.requested(me, call.query("shop"), "shop");
        call.json(200, Map.of("cases", store.list(call.request().getParameter("q"), call.request().getParameter("tag"),
                KnownShops.scope(me, shop))));
    }

    private void read(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.EDITOR);
        String id = call.path("id");
        call.json(200, store.find(id).filter(c -> c.readableBy(me))
                .orElseThrow(() -> ApiException.notFound(CaseError.NOT_FOUND, id)));
    }
}
