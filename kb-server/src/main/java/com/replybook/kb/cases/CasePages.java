package com.replybook.kb.cases;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.FormErrors;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.KnownShops;
import com.replybook.kb.entries.ScopeError;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Json;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The case library: browse and search cases (editors and up), capture and curate them (leads). The form goes
 * through the same {@link CaseParser} as the API, so console edits are cleaned and masked the same way.
 * A reader limited to shops lists and opens only their shops' cases and those of every shop (another shop's is "not
 * found"); the list filters by shop. A case keeps its shop when a lead edits it; one a lead of exactly one shop
 * writes is that shop's.
 */
final class CasePages {

    private final CaseStore store;
    private final CaseParser parser;
    private final KnownShops shops;
    private final Training training;

    CasePages(CaseStore store, CaseParser parser, KnownShops shops, Training training) {
        this.store = store;
        this.parser = parser;
        this.shops = shops;
        this.training = training;
    }

    void routes(Router<Page> r) {
        r.get("/cases", this::list)
                .get("/cases/new", p -> form(p, 200, null, formOf((Case) null), Map.of()))
                .post("/cases/new", this::create)
                .get("/cases/{id}", this::show)
                .post("/cases/{id}", this::update)
                .post("/cases/{id}/delete", this::delete);
    }

    private void list(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        String shop = shops.requested(me, p.param("shop"), "shop");
        Map<String, Object> m = new HashMap<>();
        m.put("cases", store.list(p.param("q"), p.param("tag"), KnownShops.scope(me, shop)));
        m.put("q", p.param("q") == null ? "" : p.param("q"));
        m.put("shop", shop == null ? "" : shop);
        m.put("shopChoices", shops.namesFor(me));
        m.put("collections", training.collections(me));
        p.render("cases/list.ftlh", m);
    }

    private void show(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        Case c = existing(me, p.path("id"));
        if (p.param("edit") != null) {
            p.require(Role.LEAD);
            requireWritable(me, c);
            form(p, 200, c, formOf(c), Map.of());
            return;
        }
        p.render("cases/show.ftlh", Map.of("case", c, "collections", training.collections(me),
                "shopChoices", shops.namesFor(me), "writable", writable(me, c)));
    }

    private void create(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        Map<String, String> values = formOf(p);
        CaseParser.Result r = parser.parse(json(values));
        if (!r.ok()) {
            form(p, 422, null, values, FormErrors.byField(r.errors(), p.messages()));
            return;
        }
        Case c = store.create(r.draft().inShop(shops.recordedIn(me, null, "shop")), me.username());
        p.redirect("cases/" + c.id(), "flash.caseSaved");
    }

    private void update(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        Case c = requireWritable(me, existing(me, p.path("id")));
        Map<String, String> values = formOf(p);
        CaseParser.Result r = parser.parse(json(values));
        if (!r.ok()) {
            form(p, 422, c, values, FormErrors.byField(r.errors(), p.messages()));
            return;
        }
        try {
            store.update(c.id(), r.draft().inShop(null), me.username(), basedOn(p)); // the form keeps the case's shop
        } catch (ApiException e) {
            if (e.status() != 409) throw e;
            // Their version becomes the base, so saving this form again deliberately replaces it.
            form(p, 409, existing(me, c.id()), values, Map.of("conflict", List.of(p.messages().get("cases.conflict"))));
            return;
        }
        p.redirect("cases/" + c.id(), "flash.caseSaved");
    }

    private void delete(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        store.delete(requireWritable(me, existing(me, p.path("id"))).id());
        p.redirect("cases", "flash.caseDeleted");
    }

    private void form(Page p, int status, Case c, Map<String, String> values, Map<String, List<String>> errors) throws IOException {
        p.require(Role.LEAD);
        Map<String, Object> m = new HashMap<>();
        m.put("case", c);
        m.put("form", values);
        m.put("errors", errors);
        p.render(status, "cases/edit.ftlh", m);
    }

    private static final List<String> FIELDS = List.of("title", "excerptHtml", "agentDid", "whyItWorked", "outcome",
            "tags", "entryKeys", "rating", "source");

    private static Map<String, String> formOf(Page p) {
        Map<String, String> m = new HashMap<>();
        for (String f : FIELDS) m.put(f, p.raw(f));
        return m;
    }

    private static Map<String, String> formOf(Case c) {
        Map<String, String> m = new HashMap<>();
        for (String f : FIELDS) m.put(f, "");
        if (c == null) return m;
        m.put("title", c.title());
        m.put("excerptHtml", c.excerptHtml());
        m.put("agentDid", c.agentDid());
        m.put("whyItWorked", c.whyItWorked());
        m.put("outcome", c.outcome());
        m.put("tags", String.join(", ", c.tags()));
        m.put("entryKeys", String.join(", ", c.entryKeys()));
        m.put("rating", c.rating() == 0 ? "" : String.valueOf(c.rating()));
        m.put("source", c.source() == null ? "" : c.source());
        return m;
    }

    private static ObjectNode json(Map<String, String> v) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        for (String f : List.of("title", "excerptHtml", "agentDid", "whyItWorked", "outcome", "source")) {
            if (!v.get(f).isBlank()) o.put(f, v.get(f));
        }
        for (String f : List.of("tags", "entryKeys")) {
            var a = o.putArray(f);
            for (String s : v.get(f).split("[,，、\\s]+")) if (!s.isBlank()) a.add(s.strip());
        }
        String rating = v.get("rating").strip();
        if (rating.matches("\\d")) o.put("rating", Integer.parseInt(rating));
        else if (!rating.isEmpty()) o.put("rating", rating);
        return o;
    }

    /** The {@code updatedAt} (epoch milliseconds) the form was loaded at: the edit's optimistic version. */
    static Instant basedOn(Page p) {
        return Instant.ofEpochMilli(p.longParam("basedOn").orElseThrow(
                () -> ApiException.badRequest("basedOn", CaseError.BASED_ON)));
    }

    /**
     * {@code c}, which {@code writer} may change: a lead limited to shops reads the cases of every shop but changes
     * only their shops' (as with entries of every shop); 403 otherwise.
     */
    private static Case requireWritable(Principal writer, Case c) {
        if (!writable(writer, c)) throw ApiException.of(403, "forbidden", "shop", ScopeError.EVERY_SHOP_CASE, null);
        return c;
    }

    private static boolean writable(Principal writer, Case c) {
        return c.shop() != null || !writer.limitedToShops();
    }

    /** Case {@code id} if {@code reader} may read it; 404 otherwise. */
    private Case existing(Principal reader, String id) {
        return store.find(id).filter(c -> c.readableBy(reader))
                .orElseThrow(() -> ApiException.notFound(CaseError.NOT_FOUND, id));
    }
}
