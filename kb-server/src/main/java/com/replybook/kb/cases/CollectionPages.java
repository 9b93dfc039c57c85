package com.replybook.kb.cases;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.ScopeError;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.InputError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Collections: ordered sets of cases and entries, e.g. "new-hire week 1", read as training. Agents read the
 * published ones (their cases and entries in full, read-only) and mark them studied; editors read every one; leads
 * create them, add (picked by search, not by typing an exact key), remove and reorder items, publish them, and see
 * who studied each. A reader limited to shops sees no case or entry of another shop in a collection
 * ({@link CollectionScope}), and the picker offers none; a lead's moves and removals name the items they see, and the
 * items they do not see stay where they are.
 */
final class CollectionPages {

    private final CaseStore store;
    private final CollectionPicker picker;
    private final Training training;
    private final CollectionScope scope;

    CollectionPages(CaseStore store, CollectionPicker picker, Training training, CollectionScope scope) {
        this.store = store;
        this.picker = picker;
        this.training = training;
        this.scope = scope;
    }

    void routes(Router<Page> r) {
        r.get("/collections", this::list)
                .post("/collections", this::create)
                .get("/collections/{id}", this::show)
                .post("/collections/{id}", this::change)
                .get("/collections/{id}/suggest", this::suggest)
                .post("/collections/{id}/studied", this::studied);
    }

    /** The picker's suggestions as JSON: {@code [{"ref","label","detail"}]}, for {@code type} entry or case. */
    private void suggest(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        existing(p.path("id"));
        String q = p.param("q");
        if (q != null && q.length() > 200) q = q.substring(0, 200);
        p.json(200, picker.suggest(me, p.param("type"), q));
    }

    private void list(Page p) throws IOException {
        Principal me = p.require(Role.AGENT);
        Map<String, Object> m = new HashMap<>();
        m.put("collections", training.collections(me));
        m.put("studied", training.studiedBy(Training.Learner.of(me, null)));
        m.put("studyCounts", me.can(Role.LEAD) ? training.studies(me, null, null, null).stream()
                .collect(Collectors.groupingBy(Study::collectionId, Collectors.counting())) : Map.of());
        p.render("collections/list.ftlh", m);
    }

    private void create(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        CaseCollection c = store.createCollection(p.param("name"), p.param("description"), me.username());
        p.redirect("collections/" + c.id(), "flash.collectionCreated");
    }

    private void show(Page p) throws IOException {
        Principal me = p.require(Role.AGENT);
        show(p, 200, training.collection(me, p.path("id")), Map.of());
    }

    /**
     * The collection page: what to read and the reader's own mark; for leads who studied it; {@code addErrors} says,
     * by item type, why an item could not be added.
     */
    private void show(Page p, int status, CaseCollection c, Map<String, String> addErrors) throws IOException {
        Principal me = p.me();
        c = scope.visibleTo(me, c);
        Map<String, Object> m = new HashMap<>();
        m.put("collection", c);
        m.put("addErrors", addErrors);
        m.put("details", training.items(me, c));
        Instant mine = training.studiedBy(Training.Learner.of(me, null)).get(c.id());
        if (mine != null) m.put("studiedAt", mine);
        m.put("studies", me.can(Role.LEAD) ? training.studies(me, null, c.id(), null) : List.of());
        p.render(status, "collections/show.ftlh", m);
    }

    /** Any reader marks the collection studied ({@code studied=true}) or takes the mark back. */
    private void studied(Page p) throws IOException {
        Principal me = p.require(Role.AGENT);
        String id = p.path("id");
        Training.Learner self = Training.Learner.of(me, null);
        if ("false".equals(p.param("studied"))) {
            training.unmarkStudied(me, self, id);
            p.redirect("collections/" + id, "training.unmarked");
        } else {
            training.markStudied(me, self, id);
            p.redirect("collections/" + id, "training.marked");
        }
    }

    /** {@code action} = add (type, ref), remove (index), up (index), down (index), publish, unpublish, delete. */
    private void change(Page p) throws IOException {
        Principal me = p.require(Role.LEAD);
        CaseCollection c = existing(p.path("id"));
        List<CollectionItem> items = new ArrayList<>(c.items());
        // The index is one of the items the lead sees; at maps it to its position among all of them.
        List<Integer> at = scope.positions(me, c);
        String action = p.param("action") == null ? "" : p.param("action");
        int i = p.longParam("index").map(Long::intValue).orElse(-1);
        switch (action) {
            case "add" -> {
                Optional<CollectionItem> item = newItem(p, c);
                if (item.isEmpty()) return;
                items.add(item.get());
            }
            case "remove" -> items.remove((int) at.get(index(at, i)));
            case "up" -> Collections.swap(items, at.get(index(at, i)), at.get(Math.max(0, i - 1)));
            case "down" -> Collections.swap(items, at.get(index(at, i)), at.get(Math.min(at.size() - 1, i + 1)));
            case "publish", "unpublish" -> {
                publish(p, me, requireWhole(c, at), action.equals("publish"));
                return;
            }
            case "delete" -> {
                store.removeCollection(requireWhole(c, at).id());
                p.redirect("collections", "flash.collectionDeleted");
                return;
            }
            default -> throw ApiException.badRequest("action", InputError.UNKNOWN_ACTION, action);
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

    /**
     * {@code c} when its reader sees every item of it ({@code seen}: the positions they see): publishing, unpublishing
     * or deleting a collection changes what other shops' agents study, so a lead limited to shops does it only to a
     * collection of their shops' items; 403 otherwise. Their moves and removals touch only what they see.
     */
    private static CaseCollection requireWhole(CaseCollection c, List<Integer> seen) {
        if (seen.size() < c.items().size()) {
            throw ApiException.of(403, "forbidden", "action", ScopeError.COLLECTION_OF_OTHER_SHOPS, null);
        }
        return c;
    }

    private void publish(Page p, Principal me, CaseCollection c, boolean published) throws IOException {
        try {
            store.setPublished(c.id(), published, me.username(), CasePages.basedOn(p));
        } catch (ApiException e) {
            if (e.status() != 409) throw e;
            p.redirect("collections/" + c.id(), "collections.conflict");
            return;
        }
        p.redirect("collections/" + c.id(), published ? "training.published" : "training.unpublished");
    }

    /**
     * The item to add: the picked suggestion ({@code ref}), or what the typed words ({@code q}) clearly mean. When
     * they match nothing or several things, the page comes back saying so next to the search box, and empty is
     * returned.
     */
    private Optional<CollectionItem> newItem(Page p, CaseCollection c) throws IOException {
        String type = "entry".equals(p.param("type")) ? "entry" : "case";
        String ref = p.param("ref");
        String q = ref != null ? ref : p.param("q");
        if (q == null) {
            show(p, 422, c, Map.of(type, p.messages().get("collections.pickRequired")));
            return Optional.empty();
        }
        int[] count = new int[1];
        Optional<CollectionPicker.Choice> choice = picker.resolve(p.me(), type, q, count);
        if (choice.isEmpty()) {
            show(p, 422, c, Map.of(type, count[0] == 0 ? p.messages().get("collections.noMatch", q)
                    : p.messages().get("collections.pickOne", count[0], q)));
            return Optional.empty();
        }
        return Optional.of(new CollectionItem(type, choice.get().ref(), null));
    }

    private static int index(List<?> items, int i) {
        if (i < 0 || i >= items.size()) throw ApiException.badRequest("index", CaseError.INDEX);
        return i;
    }

    private CaseCollection existing(String id) {
        return store.collection(id).orElseThrow(() -> ApiException.notFound(CaseError.COLLECTION_NOT_FOUND, id));
    }
}
