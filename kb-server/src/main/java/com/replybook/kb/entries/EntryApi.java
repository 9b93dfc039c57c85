package com.replybook.kb.entries;

import com.fasterxml.jackson.databind.JsonNode;
import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

/**
 * {@code /api/v1/entries}: create, read, list, update (with {@code If-Match}), delete, revisions, import,
 * verify, and the actions other features contribute (render).
 */
final class EntryApi {

    private final EntryStore store;
    private final EntryDraftParser parser;
    private final EntryImporter importer;
    private final EntryPolicy policy = new EntryPolicy();
    private final Clock clock;

    EntryApi(EntryStore store, EntryDraftParser parser, long maxImportBytes, Clock clock, ImportMetrics metrics) {
        this.store = store;
        this.parser = parser;
        this.importer = new EntryImporter(store, parser, policy, maxImportBytes, metrics);
        this.clock = clock;
    }

    void routes(Router<ApiCall> api, Map<String, EntryAction> actions) {
        api.get("/api/v1/entries", this::list)
                .post("/api/v1/entries", this::create)
                .post("/api/v1/entries/import", this::importEntries)
                .get("/api/v1/entries/{ref}", this::read)
                .put("/api/v1/entries/{ref}", this::update)
                .delete("/api/v1/entries/{ref}", this::delete)
                .get("/api/v1/entries/{ref}/revisions", this::revisions)
                .post("/api/v1/entries/{ref}/verify", this::verify);
        actions.forEach((name, action) -> api.post("/api/v1/entries/{ref}/" + name,
                call -> action.handle(visible(call.path("ref"), Principal.of(call)), call)));
    }

    private void list(ApiCall call) throws IOException {
        call.json(200, list(call, Principal.of(call)));
    }

    private void read(ApiCall call) throws IOException {
        Entry e = visible(call.path("ref"), Principal.of(call));
        call.setHeader("ETag", etag(e.version()));
        call.json(200, EntryView.of(e, clock.instant()));
    }

    private void revisions(ApiCall call) throws IOException {
        Principal.of(call).require(Role.EDITOR);
        call.json(200, Map.of("revisions", store.revisions(call.path("ref"))));
    }

    private void create(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.EDITOR);
        EntryDraft draft = parse(call.readObject());
        policy.checkStatusChange(me, null, draft.status());
        Entry created = store.create(draft, me.username());
        call.setHeader("ETag", etag(created.version()));
        call.setHeader("Location", call.request().getRequestURI() + "/" + created.id());
        call.json(201, EntryView.of(created, clock.instant()));
    }

    private void importEntries(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.EDITOR);
        call.json(200, importer.importBody(call, me));
    }

    private void verify(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.EDITOR);
        Entry e = store.verify(call.path("ref"), ifMatch(call, null), me.username());
        call.setHeader("ETag", etag(e.version()));
        call.json(200, EntryView.of(e, clock.instant()));
    }

    private void update(ApiCall call) throws IOException {
        Principal me = Principal.of(call).require(Role.EDITOR);
        String ref = call.path("ref");
        JsonNode body = call.readObject();
        Entry current = store.find(ref).orElseThrow(() -> ApiException.notFound("No entry with id or key '" + ref + "'"));
        long expected = ifMatch(call, body);
        EntryDraft draft = parse(body);
        policy.checkStatusChange(me, current.status(), draft.status());
        Entry updated = store.update(current.id(), draft, expected, me.username());
        call.setHeader("ETag", etag(updated.version()));
        call.json(200, EntryView.of(updated, clock.instant()));
    }

    private void delete(ApiCall call) {
        Principal me = Principal.of(call).require(Role.LEAD);
        store.delete(call.path("ref"), ifMatch(call, null), me.username());
        call.noContent();
    }

    private EntryPage list(ApiCall call, Principal me) {
        EntryStatus status = null;
        String s = call.query("status");
        if (s != null) {
            status = EntryStatus.fromWire(s);
            if (status == null) throw ApiException.badRequest("status", "status must be one of draft, in_review, published, archived");
        }
        if (!me.can(Role.EDITOR)) {
            if (status != null && status != EntryStatus.PUBLISHED) {
                throw ApiException.forbidden("Agents see published entries only");
            }
            status = EntryStatus.PUBLISHED;
        }
        return store.list(new EntryQuery(status, call.query("category"), call.query("locale"), call.query("owner"),
                call.query("tag"), call.intQuery("page", 1, 1, 1_000_000),
                call.intQuery("pageSize", 50, 1, EntryQuery.MAX_PAGE_SIZE)));
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
    private static long ifMatch(ApiCall call, JsonNode body) {
        String header = call.header("If-Match");
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
}
