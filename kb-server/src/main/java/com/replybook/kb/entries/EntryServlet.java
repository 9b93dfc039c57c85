package com.replybook.kb.entries;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.JsonServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /api/v1/entries}: create, read, list, update (with {@code If-Match}), delete, revisions, import,
 * verify, and the sub-resources other features register (render).
 */
public final class EntryServlet extends JsonServlet {

    private final EntryStore store;
    private final EntryDraftParser parser;
    private final EntryImporter importer;
    private final EntryPolicy policy = new EntryPolicy();
    private final Clock clock;
    private final Map<String, EntrySubresource> subresources = new ConcurrentHashMap<>();

    public EntryServlet(EntryStore store, EntryDraftParser parser, long maxImportBytes, Clock clock) {
        this.store = store;
        this.parser = parser;
        this.importer = new EntryImporter(store, parser, policy, maxImportBytes);
        this.clock = clock;
    }

    /** Registers {@code POST /api/v1/entries/{ref}/<name>}. */
    public void addSubresource(String name, EntrySubresource handler) {
        subresources.put(name, handler);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal me = Principal.of(req);
        List<String> path = pathSegments(req);
        if (path.isEmpty()) {
            writeJson(resp, 200, list(req, me));
        } else if (path.size() == 1) {
            Entry e = visible(path.get(0), me);
            resp.setHeader("ETag", etag(e.version()));
            writeJson(resp, 200, EntryView.of(e, clock.instant()));
        } else if (path.size() == 2 && path.get(1).equals("revisions")) {
            me.require(Role.EDITOR);
            writeJson(resp, 200, Map.of("revisions", store.revisions(path.get(0))));
        } else {
            throw ApiException.notFound("No such resource: " + req.getRequestURI());
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal me = Principal.of(req);
        List<String> path = pathSegments(req);
        if (path.isEmpty()) {
            me.require(Role.EDITOR);
            EntryDraft draft = parse(readObject(req));
            policy.checkStatusChange(me, null, draft.status());
            Entry created = store.create(draft, me.username());
            resp.setHeader("ETag", etag(created.version()));
            resp.setHeader("Location", req.getRequestURI() + "/" + created.id());
            writeJson(resp, 201, EntryView.of(created, clock.instant()));
        } else if (path.size() == 1 && path.get(0).equals("import")) {
            me.require(Role.EDITOR);
            writeJson(resp, 200, importer.importBody(req, me));
        } else if (path.size() == 2 && path.get(1).equals("verify")) {
            me.require(Role.EDITOR);
            Entry e = store.verify(path.get(0), ifMatch(req, null), me.username());
            resp.setHeader("ETag", etag(e.version()));
            writeJson(resp, 200, EntryView.of(e, clock.instant()));
        } else if (path.size() == 2 && subresources.containsKey(path.get(1))) {
            subresources.get(path.get(1)).post(visible(path.get(0), me), req, resp);
        } else {
            throw ApiException.notFound("No such resource: " + req.getRequestURI());
        }
    }

    @Override
    protected void doPut(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Principal me = Principal.of(req).require(Role.EDITOR);
        List<String> path = pathSegments(req);
        if (path.size() != 1) throw ApiException.notFound("No such resource: " + req.getRequestURI());
        JsonNode body = readObject(req);
        Entry current = store.find(path.get(0))
                .orElseThrow(() -> ApiException.notFound("No entry with id or key '" + path.get(0) + "'"));
        long expected = ifMatch(req, body);
        EntryDraft draft = parse(body);
        policy.checkStatusChange(me, current.status(), draft.status());
        Entry updated = store.update(current.id(), draft, expected, me.username());
        resp.setHeader("ETag", etag(updated.version()));
        writeJson(resp, 200, EntryView.of(updated, clock.instant()));
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
        Principal me = Principal.of(req).require(Role.LEAD);
        List<String> path = pathSegments(req);
        if (path.size() != 1) throw ApiException.notFound("No such resource: " + req.getRequestURI());
        store.delete(path.get(0), ifMatch(req, null), me.username());
        resp.setStatus(204);
    }

    private EntryPage list(HttpServletRequest req, Principal me) {
        EntryStatus status = null;
        String s = req.getParameter("status");
        if (s != null && !s.isBlank()) {
            status = EntryStatus.fromWire(s);
            if (status == null) throw ApiException.badRequest("status", "status must be one of draft, in_review, published, archived");
        }
        if (!me.can(Role.EDITOR)) {
            if (status != null && status != EntryStatus.PUBLISHED) {
                throw ApiException.forbidden("Agents see published entries only");
            }
            status = EntryStatus.PUBLISHED;
        }
        return store.list(new EntryQuery(status, blankToNull(req.getParameter("category")),
                blankToNull(req.getParameter("locale")), blankToNull(req.getParameter("owner")),
                blankToNull(req.getParameter("tag")), intParam(req, "page", 1, 1, 1_000_000),
                intParam(req, "pageSize", 50, 1, EntryQuery.MAX_PAGE_SIZE)));
    }

    /** The entry, if this caller may see it: agents only see published entries (others are "not found"). */
    private Entry visible(String ref, Principal me) {
        Entry e = store.find(ref).orElseThrow(() -> ApiException.notFound("No entry with id or key '" + ref + "'"));
        if (!me.can(Role.EDITOR) && e.status() != EntryStatus.PUBLISHED) {
            throw ApiException.notFound("No entry with id or key '" + ref + "'");
        }
        return e;
    }

    private EntryDraft parse(JsonNode body) {
        EntryDraftParser.Result r = parser.parse(body);
        if (!r.ok()) throw ApiException.invalid(r.errors());
        return r.draft();
    }

    /**
     * The version the caller based the write on: {@code If-Match: "3"} (or a {@code version} field in the
     * body). Without either, 428: a blind overwrite is exactly what we promise never to do.
     */
    private static long ifMatch(HttpServletRequest req, JsonNode body) {
        String header = req.getHeader("If-Match");
        String raw = header != null ? header.replace("W/", "").replace("\"", "").strip()
                : body != null && body.hasNonNull("version") ? body.get("version").asText() : null;
        if (raw == null || raw.isEmpty()) {
            throw new ApiException(428, "precondition_required",
                    "Send If-Match with the version you edited (the ETag of GET), e.g. If-Match: \"3\"", "If-Match");
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match", "If-Match must be an entry version such as \"3\", was " + header);
        }
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
