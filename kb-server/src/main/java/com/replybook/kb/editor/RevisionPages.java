package com.replybook.kb.editor;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.console.Page;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryDraft;
import com.replybook.kb.entries.EntryPolicy;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.entries.Revision;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entry's revisions: the list, a side-by-side diff of any two, and one-click restore. Restoring writes
 * a new revision with the old text (operation {@code restore}), keeping the entry's current status, so
 * history only ever grows.
 */
final class RevisionPages {

    private final EntryStore store;
    private final EntryPolicy policy;

    RevisionPages(EntryStore store, EntryPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    void routes(Router<Page> r) {
        r.get("/entries/{id}/revisions", this::list)
                .get("/entries/{id}/diff", this::diff)
                .post("/entries/{id}/restore", this::restore);
    }

    private void list(Page p) throws IOException {
        p.require(Role.EDITOR);
        Entry e = existing(p.path("id"));
        List<Revision> revisions = store.revisions(e.id());
        p.render("entries/revisions.ftlh", Map.of("entry", e, "revisions", revisions));
    }

    private void diff(Page p) throws IOException {
        p.require(Role.EDITOR);
        Entry e = existing(p.path("id"));
        List<Revision> revisions = store.revisions(e.id());
        long a = p.longParam("a").orElse(revisions.size() > 1 ? revisions.get(1).version() : e.version());
        long b = p.longParam("b").orElse(e.version());
        Revision left = find(revisions, Math.min(a, b));
        Revision right = find(revisions, Math.max(a, b));
        List<Map<String, Object>> fields = new ArrayList<>();
        Map<String, Object> l = EntryForm.of(left.entry()).values();
        Map<String, Object> r = EntryForm.of(right.entry()).values();
        l.put("status", left.entry().status().wire());
        r.put("status", right.entry().status().wire());
        for (String field : l.keySet()) {
            String lt = text(l.get(field));
            String rt = text(r.get(field));
            fields.add(Map.of("field", field, "changed", !lt.equals(rt), "rows", LineDiff.diff(lt, rt)));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entry", e);
        m.put("left", left);
        m.put("right", right);
        m.put("fields", fields);
        m.put("anyChanged", fields.stream().anyMatch(f -> (Boolean) f.get("changed")));
        m.put("revisions", revisions);
        p.render("entries/diff.ftlh", m);
    }

    private void restore(Page p) throws IOException {
        Principal me = p.require(Role.EDITOR);
        Entry current = existing(p.path("id"));
        long version = p.longParam("restoreVersion").orElseThrow(() -> ApiException.badRequest("restoreVersion", "restoreVersion is required"));
        long expected = p.longParam("version").orElse(current.version());
        Revision old = find(store.revisions(current.id()), version);
        EntryDraft draft = EntryDraft.of(old.entry()).withStatus(current.status());
        policy.checkStatusChange(me, current.status(), current.status());
        store.update(current.id(), draft, expected, me.username(), "restore", "restored version " + version);
        p.redirect("entries/" + current.id(), "flash.restored", version);
    }

    private static Revision find(List<Revision> revisions, long version) {
        return revisions.stream().filter(r -> r.version() == version).findFirst()
                .orElseThrow(() -> ApiException.notFound("No revision " + version));
    }

    private Entry existing(String ref) {
        return store.find(ref).orElseThrow(() -> ApiException.notFound("No entry with id or key '" + ref + "'"));
    }

    private static String text(Object v) {
        return v instanceof List<?> list ? String.join("\n", list.stream().map(String::valueOf).toList()) : String.valueOf(v);
    }
}
