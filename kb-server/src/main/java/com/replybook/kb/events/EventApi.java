package com.replybook.kb.events;

import com.replybook.kb.auth.Principal;
import com.replybook.kb.auth.Role;
import com.replybook.kb.entries.Entry;
import com.replybook.kb.entries.EntryStatus;
import com.replybook.kb.entries.EntryStore;
import com.replybook.kb.web.ApiCall;
import com.replybook.kb.web.ApiException;
import com.replybook.kb.web.FieldError;
import com.replybook.kb.web.Router;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/events} (any role: the widget reports what agents did) → 201 with the stored event, whose
 * {@code entryId} (an id or a key) must name an entry the caller may read, at a version it has had (422 naming the
 * field otherwise: analytics must not count entries that do not exist); the event stores the entry's id;
 * {@code GET /api/v1/events?type=&entryId=&helpdesk=&ticketId=&source=&since=&until=&limit=} (lead and above) →
 * {@code {"events":[…]}}, newest first. {@code since}/{@code until} are ISO-8601 instants.
 */
final class EventApi {

    private final EventStore store;
    private final EntryStore entries;

    EventApi(EventStore store, EntryStore entries) {
        this.store = store;
        this.entries = entries;
    }

    void routes(Router<ApiCall> api) {
        api.post("/api/v1/events", this::record).get("/api/v1/events", this::find);
    }

    private void record(ApiCall call) throws IOException {
        Principal p = Principal.of(call).require(Role.AGENT);
        call.json(201, store.record(withReadableEntry(EventParser.parse(call.readObject(), p.username()), p)));
    }

    /** {@code e} naming its entry by id, once that entry is known to exist for {@code caller}; 422 otherwise. */
    private UsageEvent withReadableEntry(UsageEvent e, Principal caller) {
        if (e.entryId() == null) return e;
        Entry entry = entries.find(e.entryId())
                .filter(found -> caller.can(Role.EDITOR) || found.status() == EntryStatus.PUBLISHED)
                .orElseThrow(() -> ApiException.invalid(List.of(FieldError.of("entryId", EventError.NO_SUCH_ENTRY, e.entryId()))));
        if (e.entryVersion() != null && e.entryVersion() > entry.version()) {
            throw ApiException.invalid(List.of(FieldError.of("entryVersion", EventError.NO_SUCH_VERSION, entry.key(),
                    e.entryVersion(), entry.version())));
        }
        return e.withEntryId(entry.id());
    }

    private void find(ApiCall call) throws IOException {
        Principal.of(call).require(Role.LEAD);
        String type = call.request().getParameter("type");
        EventType t = EventType.fromWire(type);
        if (type != null && t == null) throw ApiException.badRequest("type", EventError.TYPE, String.join(", ", EventType.WIRE));
        EventQuery q = new EventQuery(t, call.request().getParameter("entryId"), call.request().getParameter("helpdesk"),
                call.request().getParameter("ticketId"), call.request().getParameter("source"),
                call.instantQuery("since"), call.instantQuery("until"), call.intQuery("limit", 100, 1, 1000));
        call.json(200, Map.of("events", store.find(q)));
    }
}
