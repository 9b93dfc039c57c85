package com.replybook.kb.cases;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Collections: ordered sets of cases and entries, e.g. "new-hire week 1". Everyone from editor up can read
 * them; leads create them and add, remove and reorder items.
 */
final class CollectionPages {

    private final CaseStore store;
    private final EntryStore entries;

    CollectionPages(CaseStore store, EntryStore entries) {
        this.store = store;
        this.entries = entries;
    }

    void routes(Router<Page> r) {
        r.get("/collections", this::list)
                .post("/collections", this::create)
                .get("/collections/{id}", this::show)
                .post("/collections/{id}", this::change);
    }

    private void list(Page p) throws IOException {
        p.require(Role.EDITOR);
        p.render("collections/list.ftlh", Map.of("collections", store.collections()));
    }

    private void create(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        CaseCollection c = store.createCollection(p.param("name"), p.param("description"), me.username());
        p.redirect("collections/" + c.id(), "flash.collectionCreated");
    }

    private void show(Page p) throws IOException {
        p.require(Role.EDITOR);
        p.render("collections/show.ftlh", Map.of("collection", existing(p.path("id")), "cases", store.list(null, null)));
    }

    /** {@code action} = add (type, ref), remove (index), up (index), down (index), delete. */
    private void change(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        CaseCollection c = existing(p.path("id"));
        List<CollectionItem> items = new ArrayList<>(c.items());
        String action = p.param("action") == null ? "" : p.param("action");
        int i = p.longParam("index").map(Long::intValue).orElse(-1);
        switch (action) {
            case "add" -> items.add(newItem(p.param("type"), p.param("ref")));
            case "remove" -> items.remove(index(items, i));
            case "up" -> Collections.swap(items, index(items, i), Math.max(0, i - 1));
            case "down" -> Collections.swap(items, index(items, i), Math.min(items.size() - 1, i + 1));
            case "delete" -> {
                store.removeCollection(c.id());
                p.redirect("collections", "flash.collectionDeleted");
                return;
            }
            default -> throw ApiException.badRequest("action", "Unknown action " + action);
        }
        try {
            store.setItems(c.id(), items, me.username(), CasePages.basedOn(p));
        } catch (ApiException e) {
            if (e.status() != 409) throw e;
            p.redirect("collections/" + c.id(), "collections.conflict");
            return;
        }
        p.redirect("collections/" + c.id(), "flash.collectionChanged");
    }

    private CollectionItem newItem(String type, String ref) {
        if (ref == null) throw ApiException.unprocessable("ref", "Choose a case or type an entry key", null);
        if ("entry".equals(type)) {
            String key = entries.find(ref).orElseThrow(() -> ApiException.unprocessable("ref", "No entry " + ref, null)).key();
            return new CollectionItem("entry", key, null);
        }
        String id = store.find(ref).orElseThrow(() -> ApiException.unprocessable("ref", "No case " + ref, null)).id();
        return new CollectionItem("case", id, null);
    }

    private static int index(List<?> items, int i) {
        if (i < 0 || i >= items.size()) throw ApiException.badRequest("index", "index out of range");
        return i;
    }

    private CaseCollection existing(String id) {
        return store.collection(id).orElseThrow(() -> ApiException.notFound("No collection " + id));
    }
}
